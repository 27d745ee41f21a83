// Checker::Impl: what a loaded Checker holds — for the tools inside the engine (explain), not for callers.
#pragma once

#include <memory>

#include "judge/observer.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"

namespace sancheck {

struct Checker::Impl {
  CheckOptions options;
  std::shared_ptr<const Clock> clock;
  std::unique_ptr<rules::RuleSet> set;
  std::unique_ptr<judge::Screening> screening;

  /// The generation timestamp (ISO 8601 UTC) and the day clearances expire against.
  std::string Generated() const;
  /// The day (UTC) the clock reads: clearances expire against it, undated activities are judged on it.
  Date RunDate() const;
  /// Checker::Check, watched by `observer` when one is given (explain).
  RunResult Judge(const std::vector<Scenario>& scenarios, std::optional<Date> as_of, judge::Observer* observer) const;
};

}  // namespace sancheck
