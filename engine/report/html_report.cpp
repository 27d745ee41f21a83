// The HTML report for auditors: one self-contained page with a verdict chart, every finding, packs and waivers.
#include <algorithm>

#include "report/common.hpp"
#include "report/facts.hpp"
#include "report/writers.hpp"
#include "report/xml.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

// Inline styles only: the page must render offline, from an artifact store or an e-mail.
constexpr const char* kStyle = R"CSS(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:0;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px}h3{font-size:16px;margin:18px 0 6px}
section{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:4px 18px 14px;margin:16px 0}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #e6e8ec}
th{font-weight:600;background:#f0f2f5}code,.hash{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px}
.hash{word-break:break-all}.muted{color:#5b6470}
.badge{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#fff}
.prohibited{background:#b42318}.review{background:#b54708}.permitted{background:#2e7d32}.waived{background:#475467}
.expired{background:#b42318}.unused{background:#b54708}.applied{background:#475467}
.result{font-size:18px;font-weight:700}.fail{color:#b42318}.pass{color:#2e7d32}
ul.findings{list-style:none;padding:0;margin:4px 0 10px}ul.findings>li{border-left:4px solid #d9dde3;padding:4px 10px;margin:6px 0;background:#fafbfc}
ul.findings>li.v-prohibited{border-color:#b42318}ul.findings>li.v-review{border-color:#b54708}ul.findings>li.v-permitted{border-color:#2e7d32}
.activity{margin-top:14px}table.kv th{width:14em}table.facts{font-size:14px}table.facts th{font-weight:500;background:none;color:#5b6470}
table.sign td{height:2.6em;border-bottom:1px solid #1d232a}table.sign td:first-of-type{width:30%}
)CSS";

std::string E(std::string_view s) { return XmlEscape(s); }

std::string Badge(std::string_view cls, std::string_view text) {
  return "<span class=\"badge " + E(cls) + "\">" + E(text) + "</span>";
}

std::string VerdictBadge(Verdict v) { return Badge(VerdictName(v), VerdictName(v)); }

// Only web links become anchors: a rule pack is user input and must not smuggle a javascript: URL.
std::string CitationHtml(const Citation& c) {
  const bool web = c.url.rfind("https://", 0) == 0 || c.url.rfind("http://", 0) == 0;
  const std::string level = " <span class=\"muted\">(" + E(VerificationLabel(c)) + ")</span>";
  if (!web) return E(c.text) + level;
  return "<a href=\"" + E(c.url) + "\" rel=\"noreferrer\">" + E(c.text) + "</a>" + level;
}

std::string CitationsHtml(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) out += (out.empty() ? "" : "; ") + CitationHtml(c);
  return out;
}

// Anchors for scenario sections: ids are [a-z0-9._-], but a document needs them unique.
std::string Anchor(size_t index) { return "scenario-" + std::to_string(index + 1); }

class HtmlWriter {
 public:
  HtmlWriter(const RunResult& run, const ReportOptions& options) : run_(run), options_(options) {}

  std::string Render() {
    const bool fails = RunFails(run_, options_.fail);
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Nothing may be fetched: the report is a record and must look the same anywhere.
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>sancheck report — " + E(run_.generated) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
    out_ += "<h1>Sanctions compliance report</h1>\n";
    out_ += "<p class=\"result " + std::string(fails ? "fail\">Run failed" : "pass\">Run passed") + "</p>\n";
    out_ += "<p class=\"muted\">sancheck " + E(ToolVersion()) + " · generated " + E(run_.generated) + " · fails on " +
            E(options_.fail.Name()) + " · as of " +
            E(run_.as_of ? run_.as_of->ToString() : "each activity's date (else the day of the run)") + "</p>\n";
    out_ += "<p class=\"muted\">" + E(IdentityLine(run_)) + "</p>\n";
    SummarySection();
    AuditSection();
    if (!run_.waivers.empty()) WaiverSection();
    for (size_t i = 0; i < run_.scenarios.size(); ++i) ScenarioSection(run_.scenarios[i], i);
    if (!run_.rules_fired.empty()) RulesSection();
    SignatureSection();
    out_ += "</main>\n</body>\n</html>\n";
    return out_;
  }

 private:
  const RunResult& run_;
  const ReportOptions& options_;
  std::string out_;

  void SummarySection() {
    const Summary& m = run_.summary;
    out_ += "<section id=\"summary\">\n<h2>Summary</h2>\n";
    out_ += "<p>" + E(Plural(m.scenarios, "scenario", "scenarios")) + ", " + E(Plural(m.activities, "activity", "activities")) +
            (m.waived > 0 ? "; " + E(Plural(m.waived, "activity", "activities")) + " waived (counted under their verdict)" : "") +
            ".</p>\n";
    Chart();
    out_ += "<table>\n<tr><th>scenario</th><th>title</th><th>verdict</th><th>activities</th></tr>\n";
    for (size_t i = 0; i < run_.scenarios.size(); ++i) {
      const auto& s = run_.scenarios[i];
      out_ += "<tr><td><a href=\"#" + Anchor(i) + "\"><code>" + E(s.scenario) + "</code></a></td><td>" + E(s.title) +
              "</td><td>" + VerdictBadge(s.verdict) + "</td><td>" + std::to_string(s.activities.size()) + "</td></tr>\n";
    }
    out_ += "</table>\n</section>\n";
  }

  // A horizontal bar per verdict, scaled to the largest count.
  void Chart() {
    const Summary& m = run_.summary;
    struct Bar {
      const char* label;
      int count;
      const char* colour;
    };
    const Bar bars[] = {{"prohibited", m.prohibited, "#b42318"}, {"review", m.review, "#b54708"},
                        {"permitted", m.permitted, "#2e7d32"}};
    const int most = std::max({m.prohibited, m.review, m.permitted, 1});
    constexpr int kLabel = 100, kWidth = 360, kRow = 30;
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(kLabel + kWidth + 60) +
            "\" height=\"" + std::to_string(3 * kRow + 10) + "\" viewBox=\"0 0 " + std::to_string(kLabel + kWidth + 60) +
            " " + std::to_string(3 * kRow + 10) + "\" aria-labelledby=\"chart-title\">\n";
    out_ += "<title id=\"chart-title\">Activities by verdict: " + std::to_string(m.prohibited) + " prohibited, " +
            std::to_string(m.review) + " review, " + std::to_string(m.permitted) + " permitted</title>\n";
    for (int i = 0; i < 3; ++i) {
      const int y = 5 + i * kRow;
      const int w = bars[i].count * kWidth / most;
      out_ += "<text x=\"0\" y=\"" + std::to_string(y + 18) + "\" font-size=\"14\" fill=\"#1d232a\">" + bars[i].label +
              "</text>";
      out_ += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
              std::to_string(std::max(w, bars[i].count > 0 ? 2 : 0)) + "\" height=\"18\" rx=\"2\" fill=\"" +
              bars[i].colour + "\"/>";
      out_ += "<text x=\"" + std::to_string(kLabel + w + 8) + "\" y=\"" + std::to_string(y + 18) +
              "\" font-size=\"14\" font-weight=\"700\" fill=\"#1d232a\">" + std::to_string(bars[i].count) + "</text>\n";
    }
    out_ += "</svg>\n";
  }

  void AuditSection() {
    out_ += "<section id=\"audit\">\n<h2>Audit</h2>\n<table class=\"kv\">\n";
    out_ += "<tr><th>tool</th><td>sancheck " + E(ToolVersion()) + "</td></tr>\n";
    out_ += "<tr><th>generated</th><td>" + E(run_.generated) + "</td></tr>\n";
    out_ += "<tr><th>as of</th><td>" + E(run_.as_of ? run_.as_of->ToString() : "not given") + "</td></tr>\n";
    out_ += "<tr><th>designations snapshot</th><td>" +
            E(SnapshotText(run_)) + "</td></tr>\n";
    out_ += std::string("<tr><th>built-in packs</th><td>") +
            (BuiltinPacks(run_) ? "loaded" : "not loaded") + "</td></tr>\n";
    for (const auto& l : run_.lists) {
      out_ += "<tr><th>designation list</th><td>" + E(ListLabel(l)) + "</td></tr>\n";
    }
    out_ += "</table>\n<h3>Rule packs</h3>\n<table>\n<tr><th>pack</th><th>version</th><th>title</th><th>SHA-256 of sources</th></tr>\n";
    for (const auto& p : run_.packs) {
      out_ += "<tr><td><code>" + E(p.name) + "</code>" + (p.builtin ? " <span class=\"muted\">(built in)</span>" : "") +
              "</td><td>" + E(p.version) + "</td><td>" + E(p.title) + "</td><td class=\"hash\">" + E(p.sha256) + "</td></tr>\n";
    }
    out_ += "</table>\n<h3>Scenario files</h3>\n<table>\n<tr><th>file</th><th>SHA-256</th></tr>\n";
    for (const auto& f : ScenarioFiles(run_)) {
      out_ += "<tr><td><code>" + E(f.file) + "</code></td><td class=\"hash\">" + E(f.sha256) + "</td></tr>\n";
    }
    out_ += "</table>\n</section>\n";
  }

  void WaiverSection() {
    out_ += "<section id=\"waivers\">\n<h2>Waivers</h2>\n";
    out_ += "<p class=\"muted\">CI waivers accept findings until their expiry; waived findings keep their verdict and are listed below.</p>\n";
    out_ += "<table>\n<tr><th>ticket</th><th>state</th><th>applies to</th><th>reason</th><th>approved by</th><th>expires</th><th>findings</th></tr>\n";
    for (const auto& st : run_.waivers) {
      const Waiver& w = st.waiver;
      std::string scope = "<code>" + E(w.scenario) + "</code>";
      if (!w.activity.empty()) scope += " / <code>" + E(w.activity) + "</code>";
      scope += w.rule.empty() ? " (every rule)" : " · <code>" + E(w.rule) + "</code>";
      out_ += "<tr><td>" + E(w.ticket) + "</td><td>" + Badge(waivers::WaiverStateName(st.state), waivers::WaiverStateName(st.state)) +
              "</td><td>" + scope + "</td><td>" + E(w.reason) + "</td><td>" + E(w.approved_by) + "</td><td>" +
              E(w.expires.ToString()) + "</td><td>" + std::to_string(st.findings) + "</td></tr>\n";
    }
    out_ += "</table>\n</section>\n";
  }

  void ScenarioSection(const ScenarioResult& s, size_t index) {
    out_ += "<section id=\"" + Anchor(index) + "\">\n<h2>" + VerdictBadge(s.verdict) + " <code>" + E(s.scenario) + "</code></h2>\n";
    if (!s.title.empty()) out_ += "<p>" + E(s.title) + "</p>\n";
    out_ += "<p class=\"muted\">file <code>" + E(s.file) + "</code> · sha256 <span class=\"hash\">" + E(s.sha256) + "</span></p>\n";
    for (const auto& a : s.activities) {
      out_ += "<div class=\"activity\"><h3>" + VerdictBadge(a.verdict) +
              (waivers::ActivityWaived(a) ? " " + Badge("waived", "waived") : "") + " <code>" + E(a.id) + "</code> <span class=\"muted\">" +
              E(ActivityTypeName(a.type)) + ", " + E(a.date.ToString()) + (a.pos.line > 0 ? ", line " + std::to_string(a.pos.line) : "") +
              "</span></h3>\n";
      FactsTable(a);
      if (a.findings.empty()) {
        out_ += "<p class=\"muted\">No rule applies.</p></div>\n";
        continue;
      }
      out_ += "<ul class=\"findings\">\n";
      for (const auto& f : a.findings) FindingItem(f);
      out_ += "</ul></div>\n";
    }
    out_ += "</section>\n";
  }

  // The facts beside the findings, so that a reader can check the verdict against what was judged.
  void FactsTable(const ActivityResult& a) {
    out_ += "<table class=\"kv facts\">\n";
    for (const FactRow& row : FactRows(a)) out_ += "<tr><th>" + E(row.label) + "</th><td>" + E(row.value) + "</td></tr>\n";
    out_ += "</table>\n";
  }

  void FindingItem(const Finding& f) {
    out_ += "<li class=\"v-" + std::string(VerdictName(f.verdict)) + "\">" + VerdictBadge(f.verdict) + " <code>" + E(f.rule) + "</code>";
    if (const std::string item = ItemLabel(f); !item.empty()) out_ += " · " + E(item);
    out_ += "<br>" + E(Trimmed(f.message));
    out_ += "<br><span class=\"muted\">Legal basis:</span> " + CitationsHtml(f.citations);
    for (const auto& e : f.exemptions) out_ += "<br><span class=\"muted\">Lawful only if:</span> " + E(e);
    if (f.exemption_claimed) {
      out_ += "<br><span class=\"muted\">Exemption claimed:</span> " + E(f.exemption_claimed->name) +
              (f.exemption_claimed->reference.empty() ? "" : " (" + E(f.exemption_claimed->reference) + ")") + " — verify it";
    }
    if (f.match) {
      out_ += "<br><span class=\"muted\">Designation match:</span> party <code>" + E(f.match->party) + "</code> ~ " +
              E(f.match->reference) + " " + E(f.match->name) + E(MatchSource(*f.match)) +
              (f.match->possible ? " (possible match)" : "");
    }
    if (!f.cap_note.empty()) out_ += "<br><span class=\"muted\">Cap:</span> " + E(f.cap_note);
    if (f.waiver >= 0) {
      out_ += "<br>" + Badge("waived", "waived") + " " + E(waivers::Describe(run_.waivers[static_cast<size_t>(f.waiver)].waiver));
    }
    out_ += "</li>\n";
  }

  // Filled in by hand on the printed or PDF report: a name not given leaves its line blank to write on.
  void SignatureSection() {
    out_ += "<section id=\"signatures\">\n<h2>Sign-off</h2>\n<p class=\"muted\">report <span class=\"hash\">" +
            E(run_.report_id) + "</span></p>\n<table class=\"sign\">\n<tr><th></th><th>name</th><th>date</th><th>signature</th></tr>\n";
    auto row = [&](const char* role, const std::string& name) {
      out_ += std::string("<tr><th>") + role + "</th><td>" + E(name) + "</td><td></td><td></td></tr>\n";
    };
    row("prepared by", run_.prepared_by);
    row("reviewed by", run_.reviewed_by);
    out_ += "</table>\n</section>\n";
  }

  void RulesSection() {
    out_ += "<section id=\"rules\">\n<h2>Rules that fired</h2>\n<table>\n<tr><th>rule</th><th>title</th><th>verdict</th><th>in force</th><th>legal basis</th></tr>\n";
    for (const auto& r : run_.rules_fired) {
      out_ += "<tr><td><code>" + E(r.id) + "</code></td><td>" + E(r.title) + "</td><td>" + VerdictBadge(r.verdict) + "</td><td>" +
              E(r.effective.ToString()) + (r.until ? " to " + E(r.until->ToString()) : "") + "</td><td>" +
              CitationsHtml(r.citations) + "</td></tr>\n";
    }
    out_ += "</table>\n</section>\n";
  }
};

}  // namespace

std::string RenderHtml(const RunResult& run, const ReportOptions& options) {
  return HtmlWriter(run, options).Render();
}

}  // namespace sancheck::report
