// ApplyClaim(): what a claimed exemption does to a finding — never permits, at most turns prohibited into review.
#pragma once

#include "rules/rule_set.hpp"
#include "sancheck/result.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::judge {

/// A claimed exemption that the rule lists turns a prohibited finding into review
/// (someone must check the claim); any other claim changes nothing.
void ApplyClaim(const rules::Rule& rule, const Activity& a, Date date, Finding& f);

}  // namespace sancheck::judge
