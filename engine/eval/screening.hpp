// Party screening for the checker: stated designations and name matching against the packs' designation lists.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "eval/facts_builder.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"
#include "screen/clearances.hpp"
#include "screen/screener.hpp"

namespace sancheck {

struct Checker::Screening {
  std::string snapshot;  ///< date(s) of the designation lists, empty when no pack has one
  std::unique_ptr<screen::Screener> screener;  ///< null when no pack has a designation list
  std::vector<screen::Clearance> clearances;
};

namespace eval {

std::unique_ptr<Checker::Screening> LoadScreening(const rules::RuleSet& set,
                                                  const std::string& clearances_path,
                                                  Diagnostics& diags);

/// One status per party of `s`. Designations apply from their listing date, so
/// `date` is the activity's; clearances expire against `run_date`, the day of the run.
std::vector<PartyStatus> ScreenParties(const Checker::Screening& screening, const Scenario& s, Date date,
                                       Date run_date);

std::string DesignationsSnapshot(const Checker::Screening& screening);

}  // namespace eval
}  // namespace sancheck
