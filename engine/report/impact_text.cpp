// The impact report as text: the rule changes, then the activities that became stricter, looser or re-cited.
#include "common/visible.hpp"
#include "lists/import_text.hpp"
#include "report/common.hpp"
#include "report/impact.hpp"
#include "report/impact_wording.hpp"
#include "sancheck/report.hpp"

namespace sancheck::report {
namespace {

using impact::Group;
using impact::RuleDiff;

// " (from git revision origin/main)", or "" for packs read from the files.
std::string Revision(const std::string& rev) { return rev.empty() ? "" : " (from git revision " + rev + ")"; }

void RuleChanges(const impact::PackDiff& diff, std::string& out) {
  out += "\nRule changes: " + RuleCounts(diff) + "\n";
  for (const RuleDiff& d : diff.rules) {
    const RuleInfo& r = d.after ? *d.after : *d.before;
    const char* kind = d.kind == RuleDiff::Kind::kAdded ? "added  " : d.kind == RuleDiff::Kind::kRemoved ? "removed" : "changed";
    out += "  " + std::string(kind) + "  " + r.id + " — " + Trimmed(r.title) + "\n";
    for (const auto& line : RuleChangeLines(d)) out += "      " + line + "\n";
    if (d.condition) {
      out += "        before: " + Trimmed(d.condition->before) + "\n";
      out += "        after:  " + Trimmed(d.condition->after) + "\n";
    }
  }
  if (!diff.sets.empty()) {
    out += "Sets changed:\n";
    for (const auto& s : diff.sets) out += "  " + SetChangeText(s) + "\n";
  }
  if (!diff.kinds.empty()) {
    out += "Exemption kinds changed:\n";
    for (const auto& k : diff.kinds) out += "  " + KindChangeText(k) + "\n";
  }
}

void GroupText(const impact::Impact& impact, Group g, const std::string& heading, std::string& out) {
  const int n = impact.Count(g);
  out += "\n" + heading + ": " + (n == 0 ? std::string("none") : std::to_string(n)) + "\n";
  for (const auto& a : impact.activities) {
    if (a.group != g) continue;
    out += "  " + a.scenario + " / " + a.activity + " (" + std::string(ActivityTypeName(a.type)) + ", " +
           a.date.ToString() + "): " + VerdictChange(a.before, a.after) + "\n";
    out += "      " + a.file + "\n";
    for (const auto& e : a.rules) {
      out += "      " + e.rule + " " + EffectText(e) + " — " + CauseText(impact.diff, e.rule) + "\n";
    }
    if (g == Group::kRecited) {
      out += "      cited before: " + lists::Joined(a.citations_before, "; ") + "\n";
      out += "      cited now:    " + lists::Joined(a.citations_after, "; ") + "\n";
    }
  }
}

}  // namespace

std::string RenderImpactText(const impact::Impact& impact) {
  std::string out = "sancheck " + std::string(ToolVersion()) + " · impact of a rule-pack change\n";
  out += "base: " + PackNames(impact.base_packs) + Revision(impact.base_revision) + "\n";
  out += "new:  " + PackNames(impact.new_packs) + Revision(impact.new_revision) + "\n";
  RuleChanges(impact.diff, out);
  GroupText(impact, Group::kStricter, "Stricter", out);
  GroupText(impact, Group::kLooser, "Looser", out);
  GroupText(impact, Group::kRecited, "Re-cited", out);
  if (!impact.not_compared.empty()) {
    out += "\nNot compared (the base packs refuse them):\n";
    for (const auto& n : impact.not_compared) out += "  " + n.file + " (" + n.scenario + "): " + n.reason + "\n";
  }
  out += "\nSummary: " + Plural(impact.compared, "activity", "activities") + " judged on both sides: " +
         std::to_string(impact.Count(Group::kStricter)) + " stricter, " + std::to_string(impact.Count(Group::kLooser)) +
         " looser, " + std::to_string(impact.Count(Group::kRecited)) + " re-cited, " +
         std::to_string(impact.Unchanged()) + " unchanged\n";
  // Titles, ids and conditions come from the files: shown escaped, never obeyed by a terminal.
  return VisibleText(out);
}

}  // namespace sancheck::report
