// The impact report as Markdown for a pull-request comment: counts, rule changes, one table per group.
#include "lists/import_text.hpp"
#include "report/common.hpp"
#include "report/impact.hpp"
#include "report/impact_wording.hpp"
#include "report/markdown_text.hpp"
#include "sancheck/report.hpp"

namespace sancheck::report {
namespace {

using impact::Group;
using impact::RuleDiff;

// Past this many rows a pull-request comment stops being read; the text and JSON have the rest.
constexpr int kMaxRows = 100;

std::string Lines(const std::vector<std::string>& lines) {
  std::vector<std::string> cells;
  for (const auto& l : lines) cells.push_back(MarkdownCell(l));
  return lists::Joined(cells, "<br>");
}

std::string RuleTable(const impact::PackDiff& diff) {
  std::string out = "\n### Rule changes: " + RuleCounts(diff) + "\n";
  if (!diff.rules.empty()) {
    out += "\n| rule | change | details |\n|---|---|---|\n";
    for (const RuleDiff& d : diff.rules) {
      std::vector<std::string> lines = RuleChangeLines(d);
      std::string details = Lines(lines);
      if (d.condition) {
        details += "<br>before: " + MarkdownCode(Trimmed(d.condition->before)) +
                   "<br>after: " + MarkdownCode(Trimmed(d.condition->after));
      }
      out += "| " + MarkdownCode(d.id) + " | " + MarkdownCell(lists::Joined(d.Aspects(), ", ")) + " | " + details + " |\n";
    }
  }
  std::vector<std::string> others;
  for (const auto& s : diff.sets) others.push_back("set " + SetChangeText(s));
  for (const auto& k : diff.kinds) others.push_back("exemption kind " + KindChangeText(k));
  for (const auto& o : others) out += "\n- " + MarkdownCell(o);
  if (!others.empty()) out += "\n";
  return out;
}

std::string GroupTable(const impact::Impact& impact, Group g, const std::string& heading) {
  const int n = impact.Count(g);
  if (n == 0) return "";
  std::string out = "\n### " + heading + " (" + std::to_string(n) + ")\n\n";
  const bool recited = g == Group::kRecited;
  out += recited ? "| scenario | activity | date | verdict | cited before | cited now |\n|---|---|---|---|---|---|\n"
                 : "| scenario | activity | date | verdict | rules | rule change |\n|---|---|---|---|---|---|\n";
  int rows = 0;
  for (const auto& a : impact.activities) {
    if (a.group != g || ++rows > kMaxRows) continue;
    // The new verdict in bold when it is looser: what a reviewer must approve.
    const std::string after(VerdictName(a.after));
    const std::string verdict = std::string(VerdictName(a.before)) + " → " + (g == Group::kLooser ? "**" + after + "**" : after);
    out += "| " + MarkdownCode(a.scenario) + " | " + MarkdownCode(a.activity) + " | " + a.date.ToString() + " | " +
           verdict + " | ";
    if (recited) {
      out += MarkdownCell(lists::Joined(a.citations_before, "; ")) + " | " +
             MarkdownCell(lists::Joined(a.citations_after, "; ")) + " |\n";
      continue;
    }
    std::vector<std::string> effects, causes;
    for (const auto& e : a.rules) {
      effects.push_back(MarkdownCode(e.rule) + " " + MarkdownCell(EffectText(e)));
      causes.push_back(MarkdownCell(CauseText(impact.diff, e.rule)));
    }
    out += lists::Joined(effects, "<br>") + " | " + lists::Joined(causes, "<br>") + " |\n";
  }
  if (rows > kMaxRows) out += "\n… and " + std::to_string(rows - kMaxRows) + " more; see the text or JSON report.\n";
  return out;
}

std::string Side(const char* name, const std::string& revision, const std::vector<PackInfo>& packs,
                 const std::vector<ListInfo>& lists) {
  std::string out;
  if (!revision.empty()) out += std::string("- ") + name + ": read from git revision " + MarkdownCode(revision) + "\n";
  for (const auto& p : packs) {
    out += std::string("- ") + name + ": rule pack " + MarkdownCode(p.name) + " " + MarkdownCell(p.version) +
           ", sha256 `" + p.sha256 + "`\n";
  }
  for (const auto& l : lists) out += std::string("- ") + name + ": designation list " + MarkdownCell(ListLabel(l)) + "\n";
  return out;
}

}  // namespace

std::string RenderImpactMarkdown(const impact::Impact& impact) {
  const int stricter = impact.Count(Group::kStricter);
  const int looser = impact.Count(Group::kLooser);
  const int recited = impact.Count(Group::kRecited);
  std::string out = "## sancheck impact: " + std::to_string(looser) + " looser, " + std::to_string(stricter) +
                    " stricter, " + std::to_string(recited) + " re-cited — " +
                    Plural(impact.compared, "activity", "activities") + " judged\n\n";
  if (looser > 0) {
    out += "> **" + Plural(looser, "activity is", "activities are") +
           " judged less severely than before.** A reviewer should approve each one below.\n\n";
  }
  out += "| change | activities |\n|---|---:|\n";
  out += "| stricter | " + std::to_string(stricter) + " |\n";
  out += "| looser | " + std::to_string(looser) + " |\n";
  out += "| re-cited | " + std::to_string(recited) + " |\n";
  out += "| unchanged | " + std::to_string(impact.Unchanged()) + " |\n";
  out += RuleTable(impact.diff);
  out += GroupTable(impact, Group::kStricter, "Stricter");
  out += GroupTable(impact, Group::kLooser, "Looser");
  out += GroupTable(impact, Group::kRecited, "Re-cited");
  if (!impact.not_compared.empty()) {
    out += "\n### Not compared\n\nThe base packs refuse these scenarios:\n\n";
    for (const auto& n : impact.not_compared) {
      out += "- " + MarkdownCode(n.file) + " (" + MarkdownCode(n.scenario) + "): " + MarkdownCell(n.reason) + "\n";
    }
  }
  out += "\n<details><summary>Packs and lists</summary>\n\n";
  out += "- sancheck " + std::string(ToolVersion()) + "\n";
  out += Side("base", impact.base_revision, impact.base_packs, impact.base_lists);
  out += Side("new", impact.new_revision, impact.new_packs, impact.new_lists);
  out += "\n</details>\n";
  return out;
}

}  // namespace sancheck::report
