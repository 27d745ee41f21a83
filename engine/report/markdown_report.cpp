// The Markdown summary for pull-request comments and CI job summaries: counts, then what is not permitted.
#include "report/common.hpp"
#include "report/facts.hpp"
#include "report/markdown_text.hpp"
#include "report/writers.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

// Past this many rows a pull-request comment stops being read; the full reports have the rest.
constexpr int kMaxRows = 100;

}  // namespace

std::string RenderMarkdown(const RunResult& run, const ReportOptions& options) {
  const Summary& m = run.summary;
  const bool fails = RunFails(run, options.fail);
  std::string out = "## sancheck: " + std::string(fails ? "failed" : "passed") + " — " +
                    Plural(m.scenarios, "scenario", "scenarios") + ", " +
                    Plural(m.activities, "activity", "activities") + "\n\n";
  out += "| verdict | activities |\n|---|---:|\n";
  out += "| prohibited | " + std::to_string(m.prohibited) + " |\n";
  out += "| review | " + std::to_string(m.review) + " |\n";
  out += "| permitted | " + std::to_string(m.permitted) + " |\n";
  if (m.waived > 0) out += "| of which waived | " + std::to_string(m.waived) + " |\n";
  out += "\nFails on: `" + std::string(options.fail.Name()) + "`";
  if (run.as_of) out += " · as of " + run.as_of->ToString();
  out += "\n\n" + MarkdownCell(IdentityLine(run)) + "\n";

  std::string rows;
  int count = 0;
  for (const auto& s : run.scenarios) {
    for (const auto& a : s.activities) {
      if (a.verdict == Verdict::kPermitted) continue;
      if (++count > kMaxRows) continue;
      std::string rules, cites, waived;
      std::vector<std::string> seen;
      for (const auto& f : a.findings) {
        if (f.verdict == Verdict::kPermitted) continue;
        rules += (rules.empty() ? "" : "<br>") + MarkdownCode(f.rule) + (f.item >= 0 ? " (item " + std::to_string(f.item) + ")" : "");
        for (const auto& c : f.citations) {
          bool dup = false;
          for (const auto& t : seen) dup = dup || t == c.text;
          if (dup) continue;
          seen.push_back(c.text);
          cites += (cites.empty() ? "" : "; ") + MarkdownCitations({c});
        }
        if (f.waiver >= 0) {
          const std::string& t = run.waivers[static_cast<size_t>(f.waiver)].waiver.ticket;
          if (waived.find(MarkdownCell(t)) == std::string::npos) waived += (waived.empty() ? "" : ", ") + MarkdownCell(t);
        }
      }
      std::string verdict = std::string(ActivityFails(a, options.fail) ? "**" : "") +
                            std::string(VerdictName(a.verdict)) +
                            (ActivityFails(a, options.fail) ? "**" : "");
      if (!waived.empty()) verdict += " (waived: " + waived + ")";
      rows += "| " + MarkdownCode(s.scenario) + " | " + MarkdownCode(a.id) + " | " + verdict + " | " + rules + " | " + cites + " |\n";
    }
  }
  if (count > 0) {
    out += "\n### Not permitted\n\n| scenario | activity | verdict | rules | citations |\n|---|---|---|---|---|\n" + rows;
    if (count > kMaxRows) {
      out += "\n… and " + std::to_string(count - kMaxRows) + " more; see the full report.\n";
    }
  }

  std::string wl;
  for (const auto& st : run.waivers) {
    if (st.state == WaiverState::kApplied) continue;
    const Waiver& w = st.waiver;
    wl += "- **" + std::string(waivers::WaiverStateName(st.state)) + "**: " + MarkdownCell(w.ticket) + " (scenario " +
          MarkdownCode(w.scenario) + (st.state == WaiverState::kExpired ? ", expired " + w.expires.ToString() : "") + ")\n";
  }
  if (!wl.empty()) out += "\n### Waivers to act on\n\n" + wl;

  // Folded away: a pull-request comment leads with what fails; an auditor opens the facts.
  // Capped like the table above, so that a large run still fits in one comment.
  out += "\n<details><summary>Judged facts</summary>\n";
  int shown = 0;
  for (const auto& s : run.scenarios) {
    for (const auto& a : s.activities) {
      if (++shown > kMaxRows) continue;
      out += "\n" + MarkdownCode(s.scenario) + " / " + MarkdownCode(a.id) + " (" + std::string(VerdictName(a.verdict)) + ")\n\n";
      for (const FactRow& row : FactRows(a)) out += "- " + MarkdownCell(row.label) + ": " + MarkdownCell(row.value) + "\n";
    }
  }
  if (shown > kMaxRows) out += "\n… and " + std::to_string(shown - kMaxRows) + " more; see the full report.\n";
  out += "\n</details>\n";

  out += "\n<details><summary>Audit</summary>\n\n";
  out += "- sancheck " + std::string(ToolVersion()) + ", generated " + run.generated + "\n";
  for (const auto& p : run.packs) out += "- rule pack " + MarkdownCode(p.name) + " " + MarkdownCell(p.version) + ", sha256 `" + p.sha256 + "`\n";
  out += "- designations snapshot: " + MarkdownCell(SnapshotText(run)) + "\n";
  for (const auto& l : run.lists) out += "- designation list " + MarkdownCell(ListLabel(l)) + "\n";
  out += std::string("- built-in packs: ") + (BuiltinPacks(run) ? "loaded" : "not loaded") + "\n";
  for (const auto& f : ScenarioFiles(run)) out += "- " + MarkdownCode(f.file) + " sha256 `" + f.sha256 + "`\n";
  out += "\n</details>\n";
  return out;
}

}  // namespace sancheck::report
