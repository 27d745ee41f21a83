// Internal entry points of the scenario loader (the public ones are in sancheck/scenario.hpp).
#pragma once

#include <memory>
#include <optional>

#include <yaml-cpp/yaml.h>

#include "sancheck/scenario.hpp"

namespace sancheck {

/// Parses one scenario held in `node` (e.g. inline in a rule test). Errors go
/// to `diags` positioned in `file`; nullopt when the scenario is invalid.
std::optional<Scenario> ParseScenarioNode(std::shared_ptr<const SourceFile> file, const YAML::Node& node,
                                          Diagnostics& diags);

}  // namespace sancheck
