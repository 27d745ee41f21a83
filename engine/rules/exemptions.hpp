// Exemption kinds owned by rule packs: resolving a claimed kind, and whether a claim covers a rule on a date.
#pragma once

#include <string>
#include <string_view>
#include <span>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::rules {

class RuleSet;
struct Rule;

/// Index into RuleSet::exemption_kinds of the kind called `name`; -1 when no loaded pack defines it.
int ExemptionKindIndex(const RuleSet& set, std::string_view name);

/// "unknown exemption kind 'x' (did you mean 'y'?)", suggesting among the kinds of `pack`
/// (every loaded pack when empty).
std::string UnknownExemptionMessage(const RuleSet& set, std::string_view name, std::string_view pack = "");

/// Every exemption a scenario claims must name a kind that a loaded pack defines:
/// otherwise an error at the claim, with a suggestion.
void CheckExemptionClaims(const RuleSet& set, std::span<const Scenario> scenarios, Diagnostics& diags);

struct ClaimDecision {
  bool covers = false;  ///< the claim turns the rule's prohibited finding into review
  std::string why;      ///< "claimed: contract wind-down (textiles) — the 90-day window of 2375 OP16 closed on 2017-12-10"
};

/// The one place that decides whether a claimed exemption covers `rule` for an
/// activity dated `date`: the kind must belong to the rule's pack, be listed by
/// the rule, and the date must fall inside the kind's window. Says why either way.
ClaimDecision JudgeExemptionClaim(const RuleSet& set, const Rule& rule, const Exemption& claim, Date date);

}  // namespace sancheck::rules
