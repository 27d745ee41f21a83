// The rule that scenario ids are unique across everything one run judges.
#include <map>

#include "sancheck/scenario.hpp"

namespace sancheck {

void CheckUniqueScenarioIds(const std::vector<Scenario>& scenarios, Diagnostics& diags) {
  std::map<std::string, const Scenario*> seen;
  for (const auto& s : scenarios) {
    auto [it, inserted] = seen.emplace(s.id, &s);
    if (!inserted && !s.id.empty()) {
      diags.Error(s.pos, "scenario.duplicate_id",
                  "duplicate scenario id '" + s.id + "' (also in " + it->second->file + ")");
    }
  }
}

}  // namespace sancheck
