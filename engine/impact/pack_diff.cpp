// DiffPacks(): rules, named sets and exemption kinds compared by name across two loaded rule sets.
#include "impact/pack_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/number_text.hpp"
#include "expr/set_members.hpp"
#include "lists/import_text.hpp"
#include "lint/shadowing.hpp"

namespace sancheck::impact {
namespace {

std::string CanonicalOf(const expr::Program& p) { return p.nodes.empty() ? "true" : lint::Canonical(p, p.root); }

std::vector<std::string> Difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  }
  return out;
}

std::vector<std::string> Kinds(const RuleInfo& r) {
  std::vector<std::string> out;
  for (const auto& e : r.exemptions) out.push_back(e.kind);
  return out;
}

std::vector<ActivityType> SortedTypes(std::vector<ActivityType> types) {
  std::sort(types.begin(), types.end());
  return types;
}

std::vector<std::string> FactsRead(const expr::Program& a, const expr::Program& b) {
  std::set<expr::FieldId> ids(a.fields_read.begin(), a.fields_read.end());
  ids.insert(b.fields_read.begin(), b.fields_read.end());
  std::vector<std::string> out;
  for (const expr::FieldId f : ids) out.emplace_back(expr::Field(f).name);
  return out;
}

std::vector<SetDiff> DiffSets(const rules::RuleSet& before, const rules::RuleSet& after) {
  std::set<std::string> names;
  for (const auto& [name, set] : before.sets) names.insert(name);
  for (const auto& [name, set] : after.sets) names.insert(name);
  std::vector<SetDiff> out;
  for (const auto& name : names) {
    const auto b = before.sets.find(name);
    const auto a = after.sets.find(name);
    SetDiff d;
    d.name = name;
    d.only_before = a == after.sets.end();
    d.only_after = b == before.sets.end();
    const auto old_members = d.only_after ? std::vector<std::string>{} : expr::SetMembers(*b->second, before.tags);
    const auto new_members = d.only_before ? std::vector<std::string>{} : expr::SetMembers(*a->second, after.tags);
    d.added = Difference(new_members, old_members);
    d.removed = Difference(old_members, new_members);
    if (d.only_before || d.only_after || !d.added.empty() || !d.removed.empty()) out.push_back(std::move(d));
  }
  return out;
}

std::vector<KindDiff> DiffKinds(const rules::RuleSet& before, const rules::RuleSet& after) {
  std::map<std::string, KindDiff> by_name;
  for (const auto& k : before.exemption_kinds) by_name[k.name].before = WindowText(k);
  for (const auto& k : after.exemption_kinds) by_name[k.name].after = WindowText(k);
  std::vector<KindDiff> out;
  for (auto& [name, d] : by_name) {
    if (d.before == d.after) continue;
    d.name = name;
    out.push_back(std::move(d));
  }
  return out;
}

std::optional<ConditionChange> DiffCondition(const rules::Rule& b, const rules::Rule& a, const rules::RuleSet& before,
                                             const rules::RuleSet& after, const std::vector<SetDiff>& sets) {
  ConditionChange c;
  for (const auto& s : sets) {
    const auto& used_before = b.program.sets_used;
    const auto& used_after = a.program.sets_used;
    if (std::find(used_before.begin(), used_before.end(), s.name) != used_before.end() ||
        std::find(used_after.begin(), used_after.end(), s.name) != used_after.end()) {
      c.sets.push_back(s.name);
    }
  }
  // Re-indented text is the same condition; so is one compiled to the same canonical form
  // (operands reordered), unless it reads a set whose members moved.
  const bool same_text = lists::FoldSpaces(b.info.condition) == lists::FoldSpaces(a.info.condition);
  if (c.sets.empty() && (same_text || CanonicalOf(b.program) == CanonicalOf(a.program))) return std::nullopt;
  c.before = b.info.condition;
  c.after = a.info.condition;
  c.reads = FactsRead(b.program, a.program);
  c.relation = CompareConditions(b, a, before.tags, after.tags);
  return c;
}

// A rule only one side has.
RuleDiff OneSided(RuleDiff::Kind kind, const RuleInfo& info) {
  RuleDiff d;
  d.kind = kind;
  d.id = info.id;
  (kind == RuleDiff::Kind::kAdded ? d.after : d.before) = info;
  return d;
}

RuleDiff DiffRule(const rules::Rule& b, const rules::Rule& a, const rules::RuleSet& before,
                  const rules::RuleSet& after, const std::vector<SetDiff>& sets) {
  RuleDiff d;
  d.kind = RuleDiff::Kind::kChanged;
  d.id = b.info.id;
  d.before = b.info;
  d.after = a.info;
  d.redated = b.info.effective != a.info.effective || b.info.until != a.info.until;
  d.recited = CitationTexts(b.info.citations) != CitationTexts(a.info.citations);
  d.verdict = b.info.verdict != a.info.verdict;
  d.applies_to = SortedTypes(b.info.applies_to) != SortedTypes(a.info.applies_to);
  d.exemptions_added = Difference(Kinds(a.info), Kinds(b.info));
  d.exemptions_removed = Difference(Kinds(b.info), Kinds(a.info));
  d.condition = DiffCondition(b, a, before, after, sets);
  const std::string cap_before = b.cap ? CapText(*b.cap) : "none";
  const std::string cap_after = a.cap ? CapText(*a.cap) : "none";
  if (cap_before != cap_after) {
    d.cap_before = cap_before;
    d.cap_after = cap_after;
  }
  return d;
}

}  // namespace

std::vector<std::string> RuleDiff::Aspects() const {
  if (kind == Kind::kAdded) return {"added"};
  if (kind == Kind::kRemoved) return {"removed"};
  std::vector<std::string> out;
  if (redated) out.emplace_back("re-dated");
  if (recited) out.emplace_back("re-cited");
  if (verdict) out.emplace_back("verdict");
  if (applies_to) out.emplace_back("applies-to");
  if (!exemptions_added.empty() || !exemptions_removed.empty()) out.emplace_back("exemptions");
  if (condition) out.emplace_back("condition");
  if (!cap_before.empty()) out.emplace_back("cap");
  return out;
}

const RuleDiff* PackDiff::Find(const std::string& id) const {
  const auto it = std::lower_bound(rules.begin(), rules.end(), id, [](const RuleDiff& d, const std::string& x) { return d.id < x; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

std::string CapText(const rules::Cap& cap) {
  std::string out = NumberText(cap.limit) + " " + std::string(UnitName(cap.unit));
  if (cap.period == rules::Cap::Period::kWhole) {
    out += " in all";
  } else {
    out += " a year";
    if (cap.start_month != 1 || cap.start_day != 1) {
      out += " from " + Date::FromCivil(2000, cap.start_month, cap.start_day).ToString().substr(5);
    }
  }
  std::string factors;
  for (const auto& [unit, factor] : cap.factors) {
    if (unit == cap.unit) continue;
    factors += (factors.empty() ? "" : ", ") + std::string(UnitName(unit)) + " × " + NumberText(factor);
  }
  return factors.empty() ? out : out + " (" + factors + ")";
}

std::string WindowText(const rules::ExemptionKindDef& kind) {
  if (!kind.from && !kind.until) return "on any date";
  std::string out;
  if (kind.from) out = "from " + kind.from->ToString();
  if (kind.until) out += (out.empty() ? "" : " ") + std::string("until ") + kind.until->ToString();
  return out;
}

std::vector<std::string> CitationTexts(const std::vector<Citation>& citations) {
  std::vector<std::string> out;
  for (const auto& c : citations) out.push_back(c.text);
  return out;
}

PackDiff DiffPacks(const rules::RuleSet& before, const rules::RuleSet& after) {
  PackDiff out;
  out.sets = DiffSets(before, after);
  out.kinds = DiffKinds(before, after);
  // Both lists are sorted by id: one merge walk.
  auto b = before.rules.begin();
  auto a = after.rules.begin();
  while (b != before.rules.end() || a != after.rules.end()) {
    if (a == after.rules.end() || (b != before.rules.end() && b->info.id < a->info.id)) {
      out.rules.push_back(OneSided(RuleDiff::Kind::kRemoved, b->info));
      ++b;
    } else if (b == before.rules.end() || a->info.id < b->info.id) {
      out.rules.push_back(OneSided(RuleDiff::Kind::kAdded, a->info));
      ++a;
    } else {
      RuleDiff d = DiffRule(*b, *a, before, after, out.sets);
      if (!d.Aspects().empty()) out.rules.push_back(std::move(d));
      ++b;
      ++a;
    }
  }
  return out;
}

}  // namespace sancheck::impact
