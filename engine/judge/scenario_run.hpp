// JudgeScenarios(): the scenario front end's pass — facts per activity, the one judge per rule, caps, claims.
#pragma once

#include <vector>

#include "judge/observer.hpp"
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

}  // namespace sancheck::judge
