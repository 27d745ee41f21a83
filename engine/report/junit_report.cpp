// The JUnit XML report of check for CI dashboards: a testsuite per scenario file, a testcase per activity.
#include "report/common.hpp"
#include "report/writers.hpp"
#include "report/junit_xml.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

using Outcome = JunitCase::Outcome;

class JunitWriter {
 public:
  JunitWriter(const RunResult& run, const ReportOptions& options) : run_(run), options_(options) {}

  std::string Render() {
    std::vector<JunitSuite> suites;
    // One suite per file: a file may hold several scenarios (YAML documents).
    for (const auto& f : ScenarioFiles(run_)) suites.push_back(Suite(f));
    if (!run_.waivers.empty()) suites.push_back(WaiverSuite());
    return RenderJunitDocument(suites, run_.generated);
  }

 private:
  const RunResult& run_;
  const ReportOptions& options_;

  // Audit fields every suite carries, so one suite read alone is still traceable.
  void AuditProperties(JunitSuite& suite) const {
    auto& p = suite.properties;
    p.emplace_back("tool", "sancheck " + std::string(ToolVersion()));
    p.emplace_back("report-id", run_.report_id);
    if (!run_.prepared_by.empty()) p.emplace_back("prepared-by", run_.prepared_by);
    if (!run_.reviewed_by.empty()) p.emplace_back("reviewed-by", run_.reviewed_by);
    for (const auto& pack : run_.packs) p.emplace_back("rule-pack", PackLabel(pack));
    p.emplace_back("as-of", run_.as_of ? run_.as_of->ToString() : "not given");
    p.emplace_back("designations-snapshot", SnapshotText(run_));
    for (const auto& l : run_.lists) p.emplace_back("designation-list", ListLabel(l));
    p.emplace_back("builtin-packs", BuiltinPacks(run_) ? "true" : "false");
    p.emplace_back("generated", run_.generated);
    p.emplace_back("fail-on", options_.fail.Name());
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

  JunitSuite Suite(const FileHash& file) const {
    JunitSuite suite{file.file, file.file, {{"file", file.file}, {"sha256", file.sha256}}, {}, {}};
    AuditProperties(suite);
    for (const auto& s : run_.scenarios) {
      if (s.file != file.file) continue;
      suite.properties.emplace_back("scenario", s.scenario + ": " + std::string(VerdictName(s.verdict)));
      for (const auto& a : s.activities) {
        for (const auto& f : a.findings) {
          std::string value = std::string(VerdictName(f.verdict)) + "; " + JoinCitations(f.citations);
          if (f.waiver >= 0) value += "; waived by " + run_.waivers[static_cast<size_t>(f.waiver)].waiver.ticket;
          suite.properties.emplace_back(
              "finding:" + s.scenario + "/" + a.id + ":" + f.rule + (f.item >= 0 ? ":item " + std::to_string(f.item) : ""),
              value);
        }
      }
    }
    for (const auto& s : run_.scenarios) {
      if (s.file != file.file) continue;
      for (const auto& a : s.activities) suite.cases.push_back(Case(s, a, suite.system_out));
    }
    return suite;
  }

  // Skipped, not passed: the activity would fail but a waiver accepted it.
  bool Waived(const ActivityResult& a) const {
    bool any = false;
    for (const auto& f : a.findings) any = any || (f.waiver >= 0 && options_.fail.Fails(f.verdict));
    return any && !ActivityFails(a, options_.fail);
  }

  JunitCase Case(const ScenarioResult& s, const ActivityResult& a, std::string& notes) const {
    JunitCase c{a.id, s.scenario, Outcome::kPassed, {}, {}, {}};
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
    const std::string verdict(VerdictName(a.verdict));
    if (!failing.empty()) {
      c.outcome = Outcome::kFailure;
      c.type = verdict;
      c.message = verdict + ": " + rules;
      c.text = failing + other;
    } else if (Waived(a)) {
      c.outcome = Outcome::kSkipped;
      c.message = "waived " + verdict;
      c.text = other;
    } else if (!other.empty()) {
      // A passing activity may still carry review findings or notes: keep them in the suite's output.
      notes += s.scenario + "/" + a.id + " (" + verdict + ")\n" + other;
    }
    return c;
  }

  // The waivers are a suite of their own: an expired one is a failure, an unused one is skipped.
  JunitSuite WaiverSuite() const {
    const std::string file = run_.waivers.front().waiver.pos.file ? run_.waivers.front().waiver.pos.file->path : "waivers";
    JunitSuite suite{"waivers", file, {{"file", file}}, {}, {}};
    AuditProperties(suite);
    for (const auto& st : run_.waivers) {
      const Waiver& w = st.waiver;
      const std::string where = file + ":" + std::to_string(w.pos.line);
      JunitCase c{w.ticket, "waivers", Outcome::kPassed, {}, {}, {}};
      switch (st.state) {
        case WaiverState::kApplied: break;
        case WaiverState::kExpired:
          c.outcome = Outcome::kFailure;
          c.type = "expired-waiver";
          c.message = "waiver " + w.ticket + " expired on " + w.expires.ToString();
          c.text = where + ": " + waivers::Describe(w) + "\nRenew it or fix the scenario.";
          break;
        case WaiverState::kUnused:
          c.outcome = Outcome::kSkipped;
          c.message = "waiver " + w.ticket + " matched no finding";
          c.text = where + ": " + waivers::Describe(w);
          break;
      }
      suite.cases.push_back(std::move(c));
    }
    return suite;
  }
};

}  // namespace

std::string RenderJunit(const RunResult& run, const ReportOptions& options) {
  return JunitWriter(run, options).Render();
}

}  // namespace sancheck::report
