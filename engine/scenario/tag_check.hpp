// CheckItemTags(): every item tag of a scenario must be one the loaded rule packs (or the format) know.
#pragma once

#include <span>
#include <vector>

#include "expr/tags.hpp"
#include "sancheck/diagnostics.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {

/// Reports an error (scenario.unknown_tag) at each item tag that `tags` does
/// not know, with the closest known tag as a hint. A misspelt tag matches no
/// rule, which is how `amunition` once turned a prohibited shipment into
/// something else; tags are known only once the packs are loaded, so this runs
/// after loading, in every command that judges scenarios.
void CheckItemTags(const Scenario& scenario, const expr::TagRegistry& tags, Diagnostics& diags);
void CheckItemTags(std::span<const Scenario> scenarios, const expr::TagRegistry& tags, Diagnostics& diags);

}  // namespace sancheck
