// BuildImpact(): both sides judge the same scenarios through Checker::Check, then the runs and the packs are compared.
#include <algorithm>

#include "impact/impact.hpp"
#include "judge/checker_impl.hpp"

namespace sancheck::impact {

Impact BuildImpact(const Checker& base, const Checker& next, const std::vector<Scenario>& scenarios,
                   std::optional<Date> as_of) {
  Impact out;
  // A scenario that claims a kind, or tags an item, only the new packs know would be refused by
  // `check` under the base packs: it has no base verdict to compare with, and is listed instead.
  // Scenarios are copied only then: the common case judges the caller's vector as it is.
  Diagnostics refused;
  base.Validate(scenarios, refused);
  std::vector<Scenario> kept;
  if (refused.HasErrors()) {
    for (const Scenario& s : scenarios) {
      Diagnostics one;
      base.Validate({s}, one);
      const auto error = std::find_if(one.items().begin(), one.items().end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::kError; });
      if (error == one.items().end()) {
        kept.push_back(s);
      } else {
        out.not_compared.push_back({s.file, s.id, error->message});
      }
    }
  }
  const std::vector<Scenario>& judged = refused.HasErrors() ? kept : scenarios;
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
