// The words of an impact report: rule changes, relations, effects on activities, packs, sets and exemption kinds.
#include "report/impact_wording.hpp"

#include "lists/import_text.hpp"
#include "report/common.hpp"

namespace sancheck::report {
namespace {

using impact::RuleDiff;

std::string Dates(const RuleInfo& r) {
  return "from " + r.effective.ToString() + (r.until ? " until " + r.until->ToString() : "");
}

std::string Types(const RuleInfo& r) {
  std::vector<std::string> names;
  for (const ActivityType t : r.applies_to) names.emplace_back(ActivityTypeName(t));
  return lists::Joined(names, ", ");
}

std::string Change(const std::string& before, const std::string& after) { return before + " → " + after; }

std::string Marked(const std::vector<std::string>& items, const char* mark) {
  return items.empty() ? "" : std::string(mark) + " " + lists::Joined(items, ", ");
}

// "+ a, b; − c": what was added, then what was removed.
std::string PlusMinus(const std::vector<std::string>& added, const std::vector<std::string>& removed) {
  const std::string plus = Marked(added, "+");
  const std::string minus = Marked(removed, "−");
  return plus + (plus.empty() || minus.empty() ? "" : "; ") + minus;
}

}  // namespace

std::string RuleTerms(const RuleInfo& r) {
  return std::string(VerdictName(r.verdict)) + ", " + Dates(r) + ", applies to " + Types(r);
}

std::string RelationText(impact::Relation r) {
  switch (r) {
    case impact::Relation::kEquivalent: return "equivalent: never true where the old one was false, nor false where it was true";
    case impact::Relation::kNarrower: return "narrower: true only where the old one was true or undecided";
    case impact::Relation::kWider: return "wider: false only where the old one was false or undecided";
    case impact::Relation::kUnknown: return "unknown: neither narrower nor wider could be proved";
  }
  return "";
}

std::vector<std::string> RuleChangeLines(const RuleDiff& d) {
  if (d.kind != RuleDiff::Kind::kChanged) {
    const RuleInfo& r = d.kind == RuleDiff::Kind::kAdded ? *d.after : *d.before;
    return {(d.kind == RuleDiff::Kind::kAdded ? "now: " : "was: ") + RuleTerms(r) + "; " + JoinCitations(r.citations)};
  }
  const RuleInfo& b = *d.before;
  const RuleInfo& a = *d.after;
  std::vector<std::string> out;
  if (d.redated) out.push_back("re-dated: " + Change(Dates(b), Dates(a)));
  if (d.recited) out.push_back("re-cited: " + Change(JoinCitations(b.citations), JoinCitations(a.citations)));
  if (d.verdict) out.push_back("verdict: " + VerdictChange(b.verdict, a.verdict));
  if (d.applies_to) out.push_back("applies to: " + Change(Types(b), Types(a)));
  if (!d.exemptions_added.empty() || !d.exemptions_removed.empty()) {
    out.push_back("exemptions: " + PlusMinus(d.exemptions_added, d.exemptions_removed));
  }
  if (d.condition) {
    const auto& c = *d.condition;
    out.push_back("condition: " + RelationText(c.relation) + " (reads " + lists::Joined(c.reads, ", ") +
                  (c.sets.empty() ? "" : "; sets changed: $" + lists::Joined(c.sets, ", $")) + ")");
  }
  if (!d.cap_before.empty()) out.push_back("cap: " + Change(d.cap_before, d.cap_after));
  return out;
}

std::string EffectText(const impact::RuleEffect& e) {
  if (!e.before) return "started (" + std::string(VerdictName(*e.after)) + ")";
  if (!e.after) return "ended (was " + std::string(VerdictName(*e.before)) + ")";
  if (*e.before != *e.after) return VerdictChange(*e.before, *e.after);
  return std::string(VerdictName(*e.after)) + ", on other citations";
}

std::string CauseText(const impact::PackDiff& diff, const std::string& rule) {
  const RuleDiff* d = diff.Find(rule);
  return d ? lists::Joined(d->Aspects(), ", ") : "rule unchanged";
}

std::string VerdictChange(Verdict before, Verdict after) {
  return Change(std::string(VerdictName(before)), std::string(VerdictName(after)));
}

std::string SetChangeText(const impact::SetDiff& d) {
  if (d.only_after) return "$" + d.name + ": added";
  if (d.only_before) return "$" + d.name + ": removed";
  return "$" + d.name + ": " + PlusMinus(d.added, d.removed);
}

std::string KindChangeText(const impact::KindDiff& d) {
  if (d.before.empty()) return d.name + ": added (" + d.after + ")";
  if (d.after.empty()) return d.name + ": removed";
  return d.name + ": " + Change(d.before, d.after);
}

std::string RuleCounts(const impact::PackDiff& diff) {
  int added = 0, removed = 0, changed = 0;
  for (const auto& d : diff.rules) {
    (d.kind == RuleDiff::Kind::kAdded ? added : d.kind == RuleDiff::Kind::kRemoved ? removed : changed)++;
  }
  std::vector<std::string> parts;
  if (added > 0) parts.push_back(std::to_string(added) + " added");
  if (removed > 0) parts.push_back(std::to_string(removed) + " removed");
  if (changed > 0) parts.push_back(std::to_string(changed) + " changed");
  return parts.empty() ? "none" : lists::Joined(parts, ", ");
}

}  // namespace sancheck::report
