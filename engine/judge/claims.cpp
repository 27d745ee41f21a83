// ApplyClaim(): a covering claim turns prohibited into review; every claim's reason is recorded.
#include "judge/claims.hpp"

#include "rules/exemptions.hpp"

namespace sancheck::judge {

void ApplyClaim(const rules::RuleSet& set, const rules::Rule& rule, const Activity& a, Date date, Finding& f) {
  if (!a.exemption || f.verdict != Verdict::kProhibited) return;
  const auto claim = rules::JudgeExemptionClaim(set, rule, *a.exemption, date);
  f.exemption_note = claim.why;
  if (!claim.covers) return;
  f.verdict = Verdict::kReview;
  f.exemption_claimed = a.exemption;
}

}  // namespace sancheck::judge
