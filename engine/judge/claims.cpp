// ApplyClaim(): a listed exemption turns prohibited into review and records the claim.
#include "judge/claims.hpp"

namespace sancheck::judge {

void ApplyClaim(const rules::Rule& rule, const Activity& a, Date /*date*/, Finding& f) {
  if (!a.exemption || f.verdict != Verdict::kProhibited) return;
  if (!(rule.exemption_mask & (1U << static_cast<unsigned>(a.exemption->kind)))) return;
  f.verdict = Verdict::kReview;
  f.exemption_claimed = a.exemption;
}

}  // namespace sancheck::judge
