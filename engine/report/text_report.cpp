// The text report for people: scenarios, activities and findings with verdicts and citations.
#include "report/writers.hpp"

#include <algorithm>

#include "common/visible.hpp"
#include "report/common.hpp"

#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

const char* Colour(Verdict v) {
  switch (v) {
    case Verdict::kProhibited: return "\033[1;31m";
    case Verdict::kReview: return "\033[1;33m";
    case Verdict::kPermitted: return "\033[32m";
  }
  return "";
}

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

class TextWriter {
 public:
  explicit TextWriter(const ReportOptions& o) : color_(o.color) {}

  std::string Render(const RunResult& run) {
    run_ = &run;
    Line("sancheck " + std::string(ToolVersion()) + " · rule packs: " + PackNames(run.packs) +
         (run.as_of ? " · as of " + run.as_of->ToString() : ""));
    Line(IdentityLine(run));
    for (const auto& s : run.scenarios) Scenario(s);
    out_ += '\n';
    Audit(run);
    out_ += '\n';
    const Summary& m = run.summary;
    Line("Summary: " + std::to_string(m.scenarios) + " scenario" + (m.scenarios == 1 ? "" : "s") + ", " +
         std::to_string(m.activities) + " activit" + (m.activities == 1 ? "y" : "ies") + ": " +
         std::to_string(m.prohibited) + " prohibited, " + std::to_string(m.review) + " review, " +
         std::to_string(m.permitted) + " permitted" +
         (m.waived > 0 ? " (" + std::to_string(m.waived) + " waived)" : ""));
    Waivers(run);
    return out_;
  }

 private:
  bool color_;
  const RunResult* run_ = nullptr;
  std::string out_;

  // Every line may carry text from input files (titles, descriptions, names,
  // rule messages, paths): what a terminal would obey is shown escaped instead.
  // A line break inside (a multi-line message) continues the line indented
  // deeper, so no text can pass for a line of the report's own.
  void Line(const std::string& s) {
    const std::string indent(std::min(s.find_first_not_of(' '), s.size()) + 4, ' ');
    size_t start = 0;
    for (size_t nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', start)) {
      out_ += (start == 0 ? "" : indent) + Visible(s.substr(start, nl - start)) + '\n';
      start = nl + 1;
    }
    out_ += (start == 0 ? "" : indent) + Visible(s.substr(start)) + '\n';
  }

  // A line opening with a verdict word, coloured on terminals: the only escape
  // sequences the report itself writes.
  void TagLine(const std::string& indent, Verdict v, const std::string& rest) {
    const std::string word = Upper(VerdictName(v));
    out_ += indent + (color_ ? std::string(Colour(v)) + word + "\033[0m" : word) + Visible(rest) + '\n';
  }

  // What the verdicts were judged against, in full, so a saved text report is a record too.
  void Audit(const RunResult& run) {
    Line("Audit: generated " + run.generated + " · designations snapshot " +
         SnapshotText(run) +
         (BuiltinPacks(run) ? "" : " · built-in packs not loaded"));
    for (const auto& p : run.packs) Line("  pack " + p.name + " " + p.version + " sha256 " + p.sha256);
    for (const auto& l : run.lists) Line("  list " + ListLabel(l));
    std::vector<std::string> seen;
    for (const auto& s : run.scenarios) {
      if (std::find(seen.begin(), seen.end(), s.file) != seen.end()) continue;
      seen.push_back(s.file);
      Line("  file " + s.file + " sha256 " + s.sha256);
    }
  }

  // Waivers that need action are repeated on standard error; here they are part of the record.
  void Waivers(const RunResult& run) {
    if (run.waivers.empty()) return;
    out_ += '\n';
    Line("Waivers:");
    for (const auto& st : run.waivers) {
      Line("  " + std::string(waivers::WaiverStateName(st.state)) + ": " + waivers::Describe(st.waiver) +
           (st.state == WaiverState::kApplied ? " [" + std::to_string(st.findings) + " finding" +
                                                    (st.findings == 1 ? "" : "s") + "]"
                                              : ""));
    }
  }

  void Scenario(const ScenarioResult& s) {
    out_ += '\n';
    TagLine("", s.verdict, "  " + s.scenario + (s.title.empty() ? "" : " — " + s.title));
    Line("  " + s.file);
    for (const auto& a : s.activities) {
      TagLine("  ", a.verdict, "  " + a.id + " (" + std::string(ActivityTypeName(a.type)) + ", " +
                                   a.date.ToString() + ")");
      for (const auto& f : a.findings) Finding(f);
    }
  }

  void Finding(const sancheck::Finding& f) {
    std::string head = "      " + std::string(VerdictName(f.verdict)) + ": " + f.rule;
    if (f.item >= 0) head += " [item " + std::to_string(f.item) + ": " + f.item_description + "]";
    Line(head);
    Line("        " + f.message);
    std::string cites;
    for (const auto& c : f.citations) cites += (cites.empty() ? "" : "; ") + c.text + " (" + VerificationLabel(c) + ")";
    Line("        cites: " + cites);
    if (f.match) {
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", f.match->score);
      Line("        match: party '" + f.match->party + "' ~ " + f.match->reference + " " + f.match->name +
           MatchSource(*f.match) +
           " (score " + score + (f.match->possible ? ", possible match" : "") + ")");
    }
    if (!f.cap_note.empty()) Line("        cap: " + f.cap_note);
    if (f.waiver >= 0) {
      Line("        waived: " + waivers::Describe(run_->waivers[static_cast<size_t>(f.waiver)].waiver));
    }
    // The note names the claim and says whether it covers this finding, and why.
    if (!f.exemption_note.empty()) Line("        exemption " + f.exemption_note);
  }
};

}  // namespace

std::string RenderText(const RunResult& run, const ReportOptions& options) {
  return TextWriter(options).Render(run);
}

}  // namespace sancheck::report
