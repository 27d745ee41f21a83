// CompareRuns(): activity by activity, the verdicts, citations and rule findings of two judgements of the same scenarios.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "impact/impact.hpp"
#include "judge/rule_firings.hpp"

namespace sancheck::impact {
namespace {

// What one rule contributed to an activity on one side.
struct Firing {
  Verdict verdict = Verdict::kPermitted;
  std::vector<std::string> citations;
};

std::map<std::string, Firing> Firings(const ActivityResult& a) {
  std::map<std::string, Firing> out;
  for (const Finding* f : judge::RuleFirings(a)) {
    Firing& firing = out[f->rule];
    firing.verdict = f->verdict;
    judge::AddCitationTexts(firing.citations, f->citations);
  }
  return out;
}

// Citations compared as sets: findings come sorted by rule, so their order says nothing.
std::vector<std::string> Citations(const ActivityResult& a) {
  std::vector<std::string> out;
  for (const Finding& f : a.findings) judge::AddCitationTexts(out, f.citations);
  return out;
}

bool SameSet(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

std::vector<RuleEffect> Effects(const ActivityResult& before, const ActivityResult& after) {
  const auto old_rules = Firings(before);
  const auto new_rules = Firings(after);
  std::map<std::string, RuleEffect> by_rule;
  for (const auto& [rule, f] : old_rules) {
    RuleEffect& e = by_rule[rule];
    e.before = f.verdict;
    e.citations_before = f.citations;
  }
  for (const auto& [rule, f] : new_rules) {
    RuleEffect& e = by_rule[rule];
    e.after = f.verdict;
    e.citations_after = f.citations;
  }
  std::vector<RuleEffect> out;
  for (auto& [rule, e] : by_rule) {
    if (e.before == e.after && SameSet(e.citations_before, e.citations_after)) continue;
    e.rule = rule;
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<Group> GroupOf(Verdict before, Verdict after, bool same_citations) {
  if (after > before) return Group::kStricter;
  if (after < before) return Group::kLooser;
  if (!same_citations) return Group::kRecited;
  return std::nullopt;
}

}  // namespace

std::string_view GroupName(Group g) {
  switch (g) {
    case Group::kStricter: return "stricter";
    case Group::kLooser: return "looser";
    case Group::kRecited: return "re-cited";
  }
  return "";
}

int Impact::Count(Group g) const {
  return static_cast<int>(
      std::count_if(activities.begin(), activities.end(), [g](const ActivityImpact& a) { return a.group == g; }));
}

std::vector<ActivityImpact> CompareRuns(const RunResult& before, const RunResult& after) {
  std::vector<ActivityImpact> out;
  // Both runs judged the same scenarios, so they line up one for one. Anything else is a bug,
  // and an activity left out of the comparison must not pass for one that did not move.
  auto lines_up = [](bool same) {
    if (!same) throw std::logic_error("impact: the two runs did not judge the same activities");
  };
  lines_up(before.scenarios.size() == after.scenarios.size());
  for (size_t si = 0; si < after.scenarios.size(); ++si) {
    const ScenarioResult& sb = before.scenarios[si];
    const ScenarioResult& sa = after.scenarios[si];
    lines_up(sb.file == sa.file && sb.scenario == sa.scenario && sb.activities.size() == sa.activities.size());
    for (size_t ai = 0; ai < sa.activities.size(); ++ai) {
      lines_up(sb.activities[ai].id == sa.activities[ai].id);
      const ActivityResult& b = sb.activities[ai];
      const ActivityResult& a = sa.activities[ai];
      std::vector<std::string> cited_before = Citations(b);
      std::vector<std::string> cited_after = Citations(a);
      const auto group = GroupOf(b.verdict, a.verdict, SameSet(cited_before, cited_after));
      if (!group) continue;
      out.push_back(ActivityImpact{.group = *group,
                                   .file = sa.file,
                                   .scenario = sa.scenario,
                                   .activity = a.id,
                                   .type = a.type,
                                   .date = a.date,
                                   .before = b.verdict,
                                   .after = a.verdict,
                                   .citations_before = std::move(cited_before),
                                   .citations_after = std::move(cited_after),
                                   .rules = Effects(b, a)});
    }
  }
  // Grouped for the reader, in file order inside each group.
  std::stable_sort(out.begin(), out.end(),
                   [](const ActivityImpact& x, const ActivityImpact& y) { return x.group < y.group; });
  return out;
}

}  // namespace sancheck::impact
