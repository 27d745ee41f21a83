// Exemption kinds owned by rule packs: resolving a claimed kind, and whether a claim covers a rule on a date.
#include "rules/exemptions.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "rules/citations.hpp"
#include "rules/rule_set.hpp"
#include "scenario/format_doc.hpp"

namespace sancheck::rules {
namespace {

// "2375 OP16", or "2371 OP6 / 2270 OP22" for a kind granted by several paragraphs.
std::string KindCitation(const ExemptionKindDef& kind) {
  std::string out;
  for (const auto& c : kind.citations) out += (out.empty() ? "" : " / ") + ShortCitation(c.resolution, c.paragraph);
  return out;
}

std::string Accepted(const RuleSet& set, const Rule& rule) {
  std::string out;
  for (size_t i = 0; i < set.exemption_kinds.size(); ++i) {
    if (rule.exemption_mask & (uint64_t{1} << i)) out += (out.empty() ? "" : ", ") + set.exemption_kinds[i].name;
  }
  return out.empty() ? "it accepts no exemption" : "it accepts: " + out;
}

}  // namespace

int ExemptionKindIndex(const RuleSet& set, std::string_view name) {
  for (size_t i = 0; i < set.exemption_kinds.size(); ++i) {
    if (set.exemption_kinds[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::string UnknownExemptionMessage(const RuleSet& set, std::string_view name, std::string_view pack) {
  std::string message = "unknown exemption kind '" + std::string(name) + "'";
  const ExemptionKindDef* best = nullptr;
  size_t best_distance = 0;
  for (const auto& k : set.exemption_kinds) {
    if (!pack.empty() && k.pack != pack) continue;
    const size_t d = EditDistance(name, k.name);
    if (!best || d < best_distance) {
      best = &k;
      best_distance = d;
    }
  }
  if (best && best_distance <= std::max<size_t>(2, name.size() / 3)) {
    return message + " (did you mean '" + best->name + "'?)";
  }
  if (pack.empty()) return message + ": no loaded pack defines it (packs define their kinds under exemptions:)";
  return message + ": pack '" + std::string(pack) + "' does not define it (under exemptions: in its header)";
}

void CheckExemptionClaims(const RuleSet& set, std::span<const Scenario> scenarios, Diagnostics& diags) {
  for (const auto& s : scenarios) {
    for (const auto& a : s.activities) {
      if (!a.exemption || ExemptionKindIndex(set, a.exemption->name) >= 0) continue;
      diags.Error(a.exemption->pos.file ? a.exemption->pos : a.pos, "scenario.unknown_exemption",
                  UnknownExemptionMessage(set, a.exemption->name) + SeeScenarioFormat("exemptions"));
    }
  }
}

ClaimDecision JudgeExemptionClaim(const RuleSet& set, const Rule& rule, const Exemption& claim, Date date) {
  const int index = ExemptionKindIndex(set, claim.name);
  const ExemptionKindDef* kind = index >= 0 ? &set.exemption_kinds[static_cast<size_t>(index)] : nullptr;
  const std::string head = "claimed: " + (kind ? kind->title : claim.name) +
                           (claim.reference.empty() ? "" : " (\"" + claim.reference + "\")") + " — ";
  if (!kind) return {false, head + "no loaded pack defines this exemption kind; it changes nothing"};
  if (kind->pack != rule.info.pack) {
    return {false, head + "an exemption of pack " + kind->pack + " covers only that pack's rules, not " + rule.info.id};
  }
  if (!(rule.exemption_mask & (uint64_t{1} << static_cast<unsigned>(index)))) {
    return {false, head + rule.info.id + " does not accept it (" + Accepted(set, rule) + ")"};
  }
  const std::string window = "the " + (kind->window.empty() ? std::string("window") : kind->window) + " of " +
                             KindCitation(*kind);
  if (kind->from && date < *kind->from) return {false, head + window + " opens on " + kind->from->ToString()};
  if (kind->until && date > *kind->until) return {false, head + window + " closed on " + kind->until->ToString()};
  return {true, head + "can cover this rule (" + KindCitation(*kind) +
                    "): the finding becomes review until someone checks the reference"};
}

}  // namespace sancheck::rules
