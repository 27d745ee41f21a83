// The JUnit XML report for CI dashboards: a testsuite per scenario file, a testcase per activity.
#include "report/common.hpp"
#include "report/writers.hpp"
#include "report/xml.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

// The Ant JUnit schema wants a local date-time without a zone: "2023-11-14T22:13:20".
std::string Timestamp(const std::string& generated) {
  std::string t = generated;
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  return t.size() == 19 ? t : "1970-01-01T00:00:00";
}

std::string Attr(std::string_view s) { return XmlEscape(s); }

class JunitWriter {
 public:
  JunitWriter(const RunResult& run, const ReportOptions& options) : run_(run), options_(options) {}

  std::string Render() {
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
    // One suite per file: a file may hold several scenarios (YAML documents).
    int id = 0;
    for (const auto& f : ScenarioFiles(run_)) Suite(f, id++);
    if (!run_.waivers.empty()) WaiverSuite(id);
    out_ += "</testsuites>\n";
    return out_;
  }

 private:
  const RunResult& run_;
  const ReportOptions& options_;
  std::string out_;

  void Property(std::string_view name, std::string_view value) {
    out_ += "      <property name=\"" + Attr(name) + "\" value=\"" + Attr(value) + "\"/>\n";
  }

  void SuiteOpen(std::string_view name, std::string_view package, int id, int tests, int failures, int skipped) {
    out_ += "  <testsuite name=\"" + Attr(name) + "\" package=\"" + Attr(package) + "\" id=\"" +
            std::to_string(id) + "\" timestamp=\"" + Timestamp(run_.generated) +
            "\" hostname=\"localhost\" tests=\"" + std::to_string(tests) + "\" failures=\"" +
            std::to_string(failures) + "\" errors=\"0\" skipped=\"" + std::to_string(skipped) +
            "\" time=\"0\">\n";
  }

  // Audit fields every suite carries, so one suite read alone is still traceable.
  void AuditProperties() {
    Property("tool", "sancheck " + std::string(ToolVersion()));
    for (const auto& p : run_.packs) Property("rule-pack", PackLabel(p));
    Property("as-of", run_.as_of ? run_.as_of->ToString() : "not given");
    Property("designations-snapshot", SnapshotText(run_));
    for (const auto& l : run_.lists) Property("designation-list", ListLabel(l));
    Property("builtin-packs", BuiltinPacks(run_) ? "true" : "false");
    Property("generated", run_.generated);
    Property("fail-on", options_.fail.Name());
  }

  static std::string FindingText(const Finding& f) {
    std::string t = std::string(VerdictName(f.verdict)) + ": " + f.rule;
    if (const std::string item = ItemLabel(f); !item.empty()) t += " [" + item + "]";
    t += "\n  " + Trimmed(f.message) + "\n  cites: " + JoinCitations(f.citations);
    for (const auto& e : f.exemptions) t += "\n  lawful only if: " + e;
    if (f.exemption_claimed) {
      t += "\n  exemption claimed: " + f.exemption_claimed->name +
           (f.exemption_claimed->reference.empty() ? "" : " (" + f.exemption_claimed->reference + ")");
    }
    if (f.match) {
      t += "\n  match: " + f.match->party + " ~ " + f.match->reference + " " + f.match->name + MatchSource(*f.match);
    }
    if (!f.cap_note.empty()) t += "\n  cap: " + f.cap_note;
    return t;
  }

  void Suite(const FileHash& file, int id) {
    int tests = 0, failures = 0, skipped = 0;
    for (const auto& s : run_.scenarios) {
      if (s.file != file.file) continue;
      for (const auto& a : s.activities) {
        ++tests;
        if (ActivityFails(a, options_.fail)) {
          ++failures;
        } else if (Waived(a)) {
          ++skipped;
        }
      }
    }
    SuiteOpen(file.file, file.file, id, tests, failures, skipped);
    out_ += "    <properties>\n";
    Property("file", file.file);
    Property("sha256", file.sha256);
    AuditProperties();
    std::string notes;
    for (const auto& s : run_.scenarios) {
      if (s.file != file.file) continue;
      Property("scenario", s.scenario + ": " + std::string(VerdictName(s.verdict)));
      for (const auto& a : s.activities) {
        for (const auto& f : a.findings) {
          std::string value = std::string(VerdictName(f.verdict)) + "; " + JoinCitations(f.citations);
          if (f.waiver >= 0) value += "; waived by " + run_.waivers[static_cast<size_t>(f.waiver)].waiver.ticket;
          Property("finding:" + s.scenario + "/" + a.id + ":" + f.rule + (f.item >= 0 ? ":item " + std::to_string(f.item) : ""),
                   value);
        }
      }
    }
    out_ += "    </properties>\n";
    for (const auto& s : run_.scenarios) {
      if (s.file != file.file) continue;
      for (const auto& a : s.activities) Case(s, a, notes);
    }
    out_ += "    <system-out>" + XmlEscape(notes) + "</system-out>\n";
    out_ += "    <system-err></system-err>\n";
    out_ += "  </testsuite>\n";
  }

  // Skipped, not passed: the activity would fail but a waiver accepted it.
  bool Waived(const ActivityResult& a) const {
    bool any = false;
    for (const auto& f : a.findings) any = any || (f.waiver >= 0 && options_.fail.Fails(f.verdict));
    return any && !ActivityFails(a, options_.fail);
  }

  void Case(const ScenarioResult& s, const ActivityResult& a, std::string& notes) {
    out_ += "    <testcase name=\"" + Attr(a.id) + "\" classname=\"" + Attr(s.scenario) + "\" time=\"0\"";
    std::string failing, rules, other;
    for (const auto& f : a.findings) {
      std::string text = FindingText(f);
      if (f.waiver >= 0) text += "\n  waived: " + waivers::Describe(run_.waivers[static_cast<size_t>(f.waiver)].waiver);
      if (FindingFails(f, options_.fail)) {
        failing += text + "\n";
        rules += (rules.empty() ? "" : ", ") + f.rule;
      } else {
        other += text + "\n";
      }
    }
    if (!failing.empty()) {
      out_ += ">\n      <failure type=\"" + std::string(VerdictName(a.verdict)) + "\" message=\"" +
              Attr(std::string(VerdictName(a.verdict)) + ": " + rules) + "\">" + XmlEscape(failing + other) +
              "</failure>\n    </testcase>\n";
    } else if (Waived(a)) {
      out_ += ">\n      <skipped message=\"" + Attr("waived " + std::string(VerdictName(a.verdict))) + "\">" +
              XmlEscape(other) + "</skipped>\n    </testcase>\n";
    } else {
      // A passing activity may still carry review findings or notes: keep them in the suite's output.
      if (!other.empty()) notes += s.scenario + "/" + a.id + " (" + std::string(VerdictName(a.verdict)) + ")\n" + other;
      out_ += "/>\n";
    }
  }

  // The waivers are a suite of their own: an expired one is a failure, an unused one is skipped.
  void WaiverSuite(int id) {
    int failures = 0, skipped = 0;
    for (const auto& st : run_.waivers) {
      failures += st.state == WaiverState::kExpired;
      skipped += st.state == WaiverState::kUnused;
    }
    const std::string file = run_.waivers.front().waiver.pos.file ? run_.waivers.front().waiver.pos.file->path : "waivers";
    SuiteOpen("waivers", file, id, static_cast<int>(run_.waivers.size()), failures, skipped);
    out_ += "    <properties>\n";
    Property("file", file);
    AuditProperties();
    out_ += "    </properties>\n";
    for (const auto& st : run_.waivers) {
      const Waiver& w = st.waiver;
      const std::string where = file + ":" + std::to_string(w.pos.line);
      out_ += "    <testcase name=\"" + Attr(w.ticket) + "\" classname=\"waivers\" time=\"0\"";
      switch (st.state) {
        case WaiverState::kApplied: out_ += "/>\n"; continue;
        case WaiverState::kExpired:
          out_ += ">\n      <failure type=\"expired-waiver\" message=\"" +
                  Attr("waiver " + w.ticket + " expired on " + w.expires.ToString()) + "\">" +
                  XmlEscape(where + ": " + waivers::Describe(w) + "\nRenew it or fix the scenario.") +
                  "</failure>\n    </testcase>\n";
          continue;
        case WaiverState::kUnused:
          out_ += ">\n      <skipped message=\"" + Attr("waiver " + w.ticket + " matched no finding") + "\">" +
                  XmlEscape(where + ": " + waivers::Describe(w)) + "</skipped>\n    </testcase>\n";
          continue;
      }
    }
    out_ += "    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n";
  }
};

}  // namespace

std::string RenderJunit(const RunResult& run, const ReportOptions& options) {
  return JunitWriter(run, options).Render();
}

}  // namespace sancheck::report
