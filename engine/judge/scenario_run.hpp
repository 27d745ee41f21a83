// JudgeScenarios(): the scenario front end's pass — facts per activity, the one judge per rule, caps, claims.
#pragma once

#include <optional>
#include <vector>

#include "judge/observer.hpp"
#include "judge/party_screen.hpp"
#include "judge/scenario_facts.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/result.hpp"

namespace sancheck::judge {

/// Judges every activity of `scenarios`: activities without a date are judged as of
/// `today`; clearances expire against `run_date`. Fills scenarios, summary and
/// rules_fired of a RunResult (the caller adds the audit fields). With an observer,
/// the same pass is traced (explain); without, evaluation costs nothing extra.
RunResult JudgeScenarios(const rules::RuleSet& set, const Screening& screening,
                         const std::vector<Scenario>& scenarios, Date today, Date run_date,
                         Observer* observer = nullptr);

/// The day an activity is judged on: its own date, else its scenario's, else `undated`.
inline Date ActivityDay(const Scenario& s, const Activity& a, Date undated) {
  return a.date.value_or(s.date.value_or(undated));
}

/// A finding whose delivery counts against a cap: the rule, the item as judged, and the
/// finding's index among the activity's findings.
struct CappedDelivery {
  const rules::Rule* rule = nullptr;
  expr::ItemFacts item;
  size_t finding = 0;
};

/// The step JudgeScenarios takes per activity, for the passes that judge one scenario's
/// activities one at a time (a timeline judges one activity on many days, the rest once).
/// Its parties are screened once and kept: screening is most of what judging costs.
class ScenarioJudge {
 public:
  ScenarioJudge(const rules::RuleSet& set, const Screening& screening, const Scenario& s, Date run_date,
                Observer* observer = nullptr);

  /// Each activity after the one it serves (for:), so that a service is judged knowing the
  /// verdict of what it serves; otherwise file order.
  const std::vector<size_t>& order() const { return order_; }
  /// The scenario's parties, screened once: what Judge reads of them.
  ScenarioParties& parties() { return parties_; }

  /// Judges activity `ai` as on `date` into `out`, its findings as rules gave them (claims and
  /// caps are applied after: SettleFindings, CapCounter). `judged` holds the results of the
  /// activities before it in order(), as this step gave them: what it serves is read there.
  /// Capped findings are appended to `capped`.
  void Judge(size_t ai, Date date, const std::vector<ActivityResult>& judged, ActivityResult& out,
             std::vector<CappedDelivery>& capped);

 private:
  const rules::RuleSet& set_;
  const Screening& screening_;
  const Scenario& scenario_;
  Observer* observer_;
  std::optional<ObserverHooks> hooks_;
  ScenarioParties parties_;
  std::vector<size_t> order_;
  std::vector<size_t> goods_of_;  ///< per activity: the activity whose items it is judged on (GoodsOf)
  ActivityFactsHolder holder_;
};

/// Applies each finding's claimed exemption (ApplyClaim), sets the activity's verdict to its
/// most severe finding's, and sorts its findings by rule and item: once caps are settled.
void SettleFindings(const rules::RuleSet& set, const Activity& a, ActivityResult& ar);

}  // namespace sancheck::judge
