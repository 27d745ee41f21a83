// The HTML report for auditors: one self-contained page with a verdict chart, every finding, packs and waivers.
#include <algorithm>

#include "report/common.hpp"
#include "report/facts.hpp"
#include "report/html_style.hpp"
#include "report/writers.hpp"
#include "report/xml.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {


// Escaped for an attribute value or the title, where no markup may go.
std::string Attr(std::string_view s) { return XmlEscape(s); }

bool Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// The length of the ISO date (2023-09-12) or UTC timestamp (2023-09-12T08:00:00Z) at `at`, else 0.
size_t DateAt(std::string_view s, size_t at) {
  if ((at > 0 && Digits(s, at - 1, 1)) || !Digits(s, at, 4) || s.substr(at + 4, 1) != "-" || !Digits(s, at + 5, 2) ||
      s.substr(at + 7, 1) != "-" || !Digits(s, at + 8, 2)) {
    return 0;
  }
  size_t n = 10;
  if (s.substr(at + 10, 1) == "T" && Digits(s, at + 11, 2) && s.substr(at + 13, 1) == ":" && Digits(s, at + 14, 2) &&
      s.substr(at + 16, 1) == ":" && Digits(s, at + 17, 2) && s.substr(at + 19, 1) == "Z") {
    n = 20;
  }
  return Digits(s, at + n, 1) ? 0 : n;
}

// Escaped text, each date in it a <time>: a browser may break a line after a hyphen, and a
// date split over two lines ("2023-09-" / "12") is easily misread, on a phone or on paper.
std::string E(std::string_view s) {
  const std::string escaped = XmlEscape(s);
  std::string out;
  out.reserve(escaped.size());
  for (size_t i = 0; i < escaped.size(); ++i) {
    if (const size_t n = DateAt(escaped, i); n > 0) {
      out += "<time>" + escaped.substr(i, n) + "</time>";
      i += n - 1;
    } else {
      out += escaped[i];
    }
  }
  return out;
}

std::string Badge(std::string_view cls, std::string_view text) {
  return "<span class=\"badge " + Attr(cls) + "\">" + E(text) + "</span>";
}

// The verdict in words and with its icon, so that it survives greyscale printing.
std::string VerdictBadge(Verdict v) {
  const std::string name(VerdictName(v));
  return "<span class=\"badge " + name + "\"><svg class=\"icon\" aria-hidden=\"true\"><use href=\"#icon-" + name +
         "\"/></svg>" + name + "</span>";
}

// A table with a header row whose body cells carry their column's name (data-label), for
// the narrow layout that stacks each row as a labelled card.
class Table {
 public:
  Table(std::string& out, std::vector<std::string_view> columns, std::string_view cls = "")
      : out_(out), columns_(std::move(columns)) {
    out_ += cls.empty() ? "<table>" : "<table class=\"" + Attr(cls) + "\">";
    out_ += "\n<thead><tr>";
    for (auto c : columns_) out_ += "<th>" + E(c) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
  }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  ~Table() { out_ += "</tbody>\n</table>\n"; }

  /// One row of HTML cells; with `row_header`, the first cell heads its row (a <th>).
  void Row(std::initializer_list<std::string> cells, bool row_header = false) {
    out_ += "<tr>";
    size_t i = 0;
    for (const auto& cell : cells) {
      const std::string label = i < columns_.size() ? std::string(columns_[i]) : std::string();
      if (i == 0 && row_header) {
        out_ += "<th scope=\"row\">" + cell + "</th>";
      } else {
        out_ += (label.empty() ? "<td>" : "<td data-label=\"" + Attr(label) + "\">") + cell + "</td>";
      }
      ++i;
    }
    out_ += "</tr>\n";
  }

 private:
  std::string& out_;
  std::vector<std::string_view> columns_;
};

// Only web links become anchors: a rule pack is user input and must not smuggle a javascript: URL.
std::string CitationHtml(const Citation& c) {
  const bool web = c.url.rfind("https://", 0) == 0 || c.url.rfind("http://", 0) == 0;
  const std::string level = " <span class=\"muted\">(" + E(VerificationLabel(c)) + ")</span>";
  if (!web) return E(c.text) + level;
  return "<a href=\"" + Attr(c.url) + "\" rel=\"noreferrer\">" + E(c.text) + "</a>" + level;
}

std::string CitationsHtml(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) out += (out.empty() ? "" : "; ") + CitationHtml(c);
  return out;
}

std::string Hash(std::string_view hex) { return "<span class=\"hash\">" + E(hex) + "</span>"; }

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
    out_ += "<title>sancheck report — " + Attr(run_.generated) + "</title>\n<style>" + kHtmlStyle +
            "</style>\n</head>\n<body>\n" + kHtmlIcons + "<main>\n";
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
    {
      Table table(out_, {"scenario", "title", "verdict", "activities"});
      for (size_t i = 0; i < run_.scenarios.size(); ++i) {
        const auto& s = run_.scenarios[i];
        table.Row({"<a href=\"#" + Anchor(i) + "\"><code>" + E(s.scenario) + "</code></a>", E(s.title),
                   VerdictBadge(s.verdict), std::to_string(s.activities.size())});
      }
    }
    out_ += "</section>\n";
  }

  // A horizontal bar per verdict, scaled to the largest count.
  void Chart() {
    const Summary& m = run_.summary;
    // Coloured by the style sheet (svg.chart rect.prohibited, ...), which holds every verdict colour.
    struct Bar {
      const char* label;
      int count;
    };
    const Bar bars[] = {{"prohibited", m.prohibited}, {"review", m.review}, {"permitted", m.permitted}};
    const int most = std::max({m.prohibited, m.review, m.permitted, 1});
    constexpr int kLabel = 100, kWidth = 360, kRow = 30;
    out_ += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + std::to_string(kLabel + kWidth + 60) +
            "\" height=\"" + std::to_string(3 * kRow + 10) + "\" viewBox=\"0 0 " + std::to_string(kLabel + kWidth + 60) +
            " " + std::to_string(3 * kRow + 10) + "\" aria-labelledby=\"chart-title\">\n";
    out_ += "<title id=\"chart-title\">Activities by verdict: " + std::to_string(m.prohibited) + " prohibited, " +
            std::to_string(m.review) + " review, " + std::to_string(m.permitted) + " permitted</title>\n";
    for (int i = 0; i < 3; ++i) {
      const int y = 5 + i * kRow;
      const int w = bars[i].count * kWidth / most;
      out_ += "<text x=\"0\" y=\"" + std::to_string(y + 18) + "\" font-size=\"14\">" + bars[i].label + "</text>";
      out_ += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
              std::to_string(std::max(w, bars[i].count > 0 ? 2 : 0)) + "\" height=\"18\" rx=\"2\" class=\"" +
              bars[i].label + "\"/>";
      out_ += "<text x=\"" + std::to_string(kLabel + w + 8) + "\" y=\"" + std::to_string(y + 18) +
              "\" font-size=\"14\" font-weight=\"700\">" + std::to_string(bars[i].count) + "</text>\n";
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
    out_ += "</table>\n<h3>Rule packs</h3>\n";
    {
      Table table(out_, {"pack", "version", "title", "SHA-256 of sources"});
      for (const auto& p : run_.packs) {
        table.Row({"<code>" + E(p.name) + "</code>" + (p.builtin ? " <span class=\"muted\">(built in)</span>" : ""),
                   E(p.version), E(p.title), Hash(p.sha256)});
      }
    }
    out_ += "<h3>Scenario files</h3>\n";
    {
      Table table(out_, {"file", "SHA-256"});
      for (const auto& f : ScenarioFiles(run_)) table.Row({"<code>" + E(f.file) + "</code>", Hash(f.sha256)});
    }
    out_ += "</section>\n";
  }

  void WaiverSection() {
    out_ += "<section id=\"waivers\">\n<h2>Waivers</h2>\n";
    out_ += "<p class=\"muted\">CI waivers accept findings until their expiry; waived findings keep their verdict and are listed below.</p>\n";
    {
      Table table(out_, {"ticket", "state", "applies to", "reason", "approved by", "expires", "findings"});
      for (const auto& st : run_.waivers) {
        const Waiver& w = st.waiver;
        std::string scope = "<code>" + E(w.scenario) + "</code>";
        if (!w.activity.empty()) scope += " / <code>" + E(w.activity) + "</code>";
        scope += w.rule.empty() ? " (every rule)" : " · <code>" + E(w.rule) + "</code>";
        table.Row({E(w.ticket), Badge(waivers::WaiverStateName(st.state), waivers::WaiverStateName(st.state)), scope,
                   E(w.reason), E(w.approved_by), E(w.expires.ToString()), std::to_string(st.findings)});
      }
    }
    out_ += "</section>\n";
  }

  void ScenarioSection(const ScenarioResult& s, size_t index) {
    out_ += "<section class=\"scenario\" id=\"" + Anchor(index) + "\">\n<h2>" + VerdictBadge(s.verdict) + " <code>" + E(s.scenario) + "</code></h2>\n";
    if (!s.title.empty()) out_ += "<p>" + E(s.title) + "</p>\n";
    out_ += "<p class=\"muted\">file <code>" + E(s.file) + "</code> · sha256 " + Hash(s.sha256) + "</p>\n";
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
    out_ += "<section id=\"signatures\">\n<h2>Sign-off</h2>\n<p class=\"muted\">report " + Hash(run_.report_id) + "</p>\n";
    {
      Table table(out_, {"", "name", "date", "signature"}, "sign");
      table.Row({"prepared by", E(run_.prepared_by), "", ""}, true);
      table.Row({"reviewed by", E(run_.reviewed_by), "", ""}, true);
    }
    out_ += "</section>\n";
  }

  void RulesSection() {
    out_ += "<section id=\"rules\">\n<h2>Rules that fired</h2>\n";
    {
      Table table(out_, {"rule", "title", "verdict", "in force", "legal basis"});
      for (const auto& r : run_.rules_fired) {
        table.Row({"<code>" + E(r.id) + "</code>", E(r.title), VerdictBadge(r.verdict),
                   E(r.effective.ToString()) + (r.until ? " to " + E(r.until->ToString()) : ""), CitationsHtml(r.citations)});
      }
    }
    out_ += "</section>\n";
  }
};

}  // namespace

std::string RenderHtml(const RunResult& run, const ReportOptions& options) {
  return HtmlWriter(run, options).Render();
}

}  // namespace sancheck::report
