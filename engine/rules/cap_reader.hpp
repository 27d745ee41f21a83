// ReadCap(): a rule's `cap:` block — limit, unit, period and conversion factors — checked and read.
#pragma once

#include <yaml-cpp/yaml.h>

#include "common/yaml_reader.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {

/// Reads `c` into rule.cap; false (after positioned errors) when it is not a valid cap.
bool ReadCap(YamlReader& r, const YAML::Node& c, Rule& rule);

}  // namespace sancheck::rules
