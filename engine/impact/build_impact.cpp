// BuildImpact(): both sides judge the same scenarios through Checker::Check, then the runs and the packs are compared.
#include <algorithm>
#include <span>

#include "impact/impact.hpp"
#include "judge/checker_impl.hpp"

namespace sancheck::impact {

Impact BuildImpact(const Checker& base, const Checker& next, const std::vector<Scenario>& scenarios,
                   std::optional<Date> as_of) {
  Impact out;
  // A scenario that claims a kind, or tags an item, only the new packs know would be refused by
  // `check` under the base packs: it has no base verdict to compare with, and is listed instead.
  // Each is validated alone, in place; the others are copied only when one is refused, so the
  // common case judges the caller's vector as it is.
  std::vector<bool> refused(scenarios.size());
  bool any_refused = false;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    Diagnostics one;
    base.Validate(std::span(&scenarios[i], 1), one);
    const auto error = std::find_if(one.items().begin(), one.items().end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::kError; });
    if (error == one.items().end()) continue;
    out.not_compared.push_back({scenarios[i].file, scenarios[i].id, error->message});
    refused[i] = any_refused = true;
  }
  std::vector<Scenario> kept;
  for (size_t i = 0; any_refused && i < scenarios.size(); ++i) {
    if (!refused[i]) kept.push_back(scenarios[i]);
  }
  const std::vector<Scenario>& judged = any_refused ? kept : scenarios;
  const RunResult before = base.Check(judged, as_of);
  const RunResult after = next.Check(judged, as_of);
  out.base_packs = before.packs;
  out.new_packs = after.packs;
  out.base_lists = before.lists;
  out.new_lists = after.lists;
  out.compared = after.summary.activities;
  out.activities = CompareRuns(before, after);
  out.diff = DiffPacks(*base.impl().set, *next.impl().set);
  return out;
}

}  // namespace sancheck::impact
