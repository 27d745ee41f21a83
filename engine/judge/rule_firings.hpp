// RuleFirings(): an activity's findings, one per rule — the rule's most severe finding; AddCitationTexts().
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sancheck/result.hpp"

namespace sancheck::judge {

/// The most severe finding of each rule that fired on `a` (the first of them when several are
/// as severe), in the order the rules first appear. A rule's findings (one per item it caught)
/// share its citations, so the finding kept speaks for the rule: what the timeline shows per
/// interval and what impact compares between two versions of a pack.
inline std::vector<const Finding*> RuleFirings(const ActivityResult& a) {
  std::vector<const Finding*> out;
  for (const Finding& f : a.findings) {
    const auto same = std::find_if(out.begin(), out.end(), [&](const Finding* g) { return g->rule == f.rule; });
    if (same == out.end()) {
      out.push_back(&f);
    } else if (f.verdict > (*same)->verdict) {
      *same = &f;
    }
  }
  return out;
}

/// Appends the texts of `citations` that `to` does not hold yet.
inline void AddCitationTexts(std::vector<std::string>& to, const std::vector<Citation>& citations) {
  for (const Citation& c : citations) {
    if (std::find(to.begin(), to.end(), c.text) == to.end()) to.push_back(c.text);
  }
}

}  // namespace sancheck::judge
