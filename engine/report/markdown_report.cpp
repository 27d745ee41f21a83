// The Markdown summary for pull-request comments and CI job summaries: counts, then what is not permitted.
#include "common/visible.hpp"
#include "report/common.hpp"
#include "report/facts.hpp"
#include "report/writers.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

// Past this many rows a pull-request comment stops being read; the full reports have the rest.
constexpr int kMaxRows = 100;

// Table cells: no line breaks, nothing that Markdown or HTML would interpret,
// and control characters from input files shown as escapes (\x1b), not passed on.
std::string Cell(std::string_view text) {
  std::string kept;
  for (char c : text) kept += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  const std::string s = Visible(kept);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

// Inline code spans cannot contain their own delimiter; ids never do, but files might.
std::string Code(std::string_view s) {
  if (s.find('`') != std::string_view::npos || s.find('|') != std::string_view::npos || NeedsVisible(s)) {
    return Cell(s);
  }
  return "`" + std::string(s) + "`";
}

// Link targets in Markdown end at an unbalanced ')'; resolution URLs have parentheses.
std::string LinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else if (c == ' ') out += "%20";
    else out += c;
  }
  return out;
}

std::string CitationLinks(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) {
    if (!out.empty()) out += "; ";
    const bool web = c.url.rfind("https://", 0) == 0 || c.url.rfind("http://", 0) == 0;
    out += !web ? Cell(c.text) : "[" + Cell(c.text) + "](" + LinkTarget(c.url) + ")";
    out += " (" + Cell(VerificationLabel(c)) + ")";
  }
  return out;
}

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
  out += "\n\n" + Cell(IdentityLine(run)) + "\n";

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
        rules += (rules.empty() ? "" : "<br>") + Code(f.rule) + (f.item >= 0 ? " (item " + std::to_string(f.item) + ")" : "");
        for (const auto& c : f.citations) {
          bool dup = false;
          for (const auto& t : seen) dup = dup || t == c.text;
          if (dup) continue;
          seen.push_back(c.text);
          cites += (cites.empty() ? "" : "; ") + CitationLinks({c});
        }
        if (f.waiver >= 0) {
          const std::string& t = run.waivers[static_cast<size_t>(f.waiver)].waiver.ticket;
          if (waived.find(Cell(t)) == std::string::npos) waived += (waived.empty() ? "" : ", ") + Cell(t);
        }
      }
      std::string verdict = std::string(ActivityFails(a, options.fail) ? "**" : "") +
                            std::string(VerdictName(a.verdict)) +
                            (ActivityFails(a, options.fail) ? "**" : "");
      if (!waived.empty()) verdict += " (waived: " + waived + ")";
      rows += "| " + Code(s.scenario) + " | " + Code(a.id) + " | " + verdict + " | " + rules + " | " + cites + " |\n";
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
    wl += "- **" + std::string(waivers::WaiverStateName(st.state)) + "**: " + Cell(w.ticket) + " (scenario " +
          Code(w.scenario) + (st.state == WaiverState::kExpired ? ", expired " + w.expires.ToString() : "") + ")\n";
  }
  if (!wl.empty()) out += "\n### Waivers to act on\n\n" + wl;

  // Folded away: a pull-request comment leads with what fails; an auditor opens the facts.
  // Capped like the table above, so that a large run still fits in one comment.
  out += "\n<details><summary>Judged facts</summary>\n";
  int shown = 0;
  for (const auto& s : run.scenarios) {
    for (const auto& a : s.activities) {
      if (++shown > kMaxRows) continue;
      out += "\n" + Code(s.scenario) + " / " + Code(a.id) + " (" + std::string(VerdictName(a.verdict)) + ")\n\n";
      for (const FactRow& row : FactRows(a)) out += "- " + Cell(row.label) + ": " + Cell(row.value) + "\n";
    }
  }
  if (shown > kMaxRows) out += "\n… and " + std::to_string(shown - kMaxRows) + " more; see the full report.\n";
  out += "\n</details>\n";

  out += "\n<details><summary>Audit</summary>\n\n";
  out += "- sancheck " + std::string(ToolVersion()) + ", generated " + run.generated + "\n";
  for (const auto& p : run.packs) out += "- rule pack " + Code(p.name) + " " + Cell(p.version) + ", sha256 `" + p.sha256 + "`\n";
  out += "- designations snapshot: " + Cell(SnapshotText(run)) + "\n";
  for (const auto& l : run.lists) out += "- designation list " + Cell(ListLabel(l)) + "\n";
  out += std::string("- built-in packs: ") + (BuiltinPacks(run) ? "loaded" : "not loaded") + "\n";
  for (const auto& f : ScenarioFiles(run)) out += "- " + Code(f.file) + " sha256 `" + f.sha256 + "`\n";
  out += "\n</details>\n";
  return out;
}

}  // namespace sancheck::report
