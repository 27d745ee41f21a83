// ApplyClaim(): what a claimed exemption does to a finding — never permits, at most turns prohibited into review.
#pragma once

#include "rules/rule_set.hpp"
#include "sancheck/result.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::judge {

/// A claimed exemption that covers the rule on `date` (rules::JudgeExemptionClaim: a kind of
/// the rule's pack that the rule lists, inside its window) turns a prohibited finding into
/// review — someone must check the claim; any other claim changes nothing. Either way the
/// finding says why.
void ApplyClaim(const rules::RuleSet& set, const rules::Rule& rule, const Activity& a, Date date, Finding& f);

}  // namespace sancheck::judge
