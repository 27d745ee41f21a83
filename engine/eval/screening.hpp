// Party screening for the checker: stated designations and name matching against the packs' designation lists.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "eval/facts_builder.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"

namespace sancheck {

struct Checker::Screening {
  std::string snapshot;  ///< date of the designation list, empty when no pack has one
};

namespace eval {

std::unique_ptr<Checker::Screening> LoadScreening(const rules::RuleSet& set,
                                                  const std::string& clearances_path,
                                                  Diagnostics& diags);

/// One status per party of `s`, as of `date` (a designation applies from its listing date).
std::vector<PartyStatus> ScreenParties(const Checker::Screening& screening, const Scenario& s, Date date);

std::string DesignationsSnapshot(const Checker::Screening& screening);

}  // namespace eval
}  // namespace sancheck
