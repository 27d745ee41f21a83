// The JSON report (sancheck-report/1), field for field as the report format specifies.
#include "report/writers.hpp"

#include <algorithm>
#include <new>

#include <nlohmann/json.hpp>

#include "report/common.hpp"
#include "report/lists_json.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

using Json = nlohmann::ordered_json;

Json CitationsJson(const std::vector<Citation>& citations) {
  Json out = Json::array();
  for (const auto& c : citations) {
    out.push_back({{"resolution", c.resolution}, {"paragraph", c.paragraph}, {"text", c.text},
                   {"verified", VerificationName(c.verified)}});
  }
  return out;
}

Json WaiverJson(const Waiver& w) {
  Json j = {{"ticket", w.ticket}, {"scenario", w.scenario}};
  if (!w.activity.empty()) j["activity"] = w.activity;
  if (!w.rule.empty()) j["rule"] = w.rule;
  j["reason"] = w.reason;
  j["approved_by"] = w.approved_by;
  j["expires"] = w.expires.ToString();
  if (w.pos.file) j["source"] = w.pos.file->path + ":" + std::to_string(w.pos.line);
  return j;
}

Json FindingJson(const RunResult& run, const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["verdict"] = VerdictName(f.verdict);
  if (f.item >= 0) j["item"] = f.item;
  j["citations"] = CitationsJson(f.citations);
  j["message"] = f.message;
  j["exemptions"] = f.exemptions;
  if (f.match) {
    Json m;
    m["party"] = f.match->party;
    m["reference"] = f.match->reference;
    m["name"] = f.match->name;
    if (!f.match->list.empty()) m["list"] = f.match->list;
    if (!f.match->regime.empty()) m["regime"] = f.match->regime;
    m["score"] = f.match->score;
    if (f.match->possible) m["possible"] = true;
    if (!f.match->cleared_by.empty()) {
      m["cleared_by"] = f.match->cleared_by;
      m["clearance"] = f.match->clearance_note;
    }
    j["match"] = m;
  }
  // Extensions beyond report format v1, present only when they apply.
  if (f.exemption_claimed) {
    j["exemption_claimed"] = {{"kind", f.exemption_claimed->name},
                              {"reference", f.exemption_claimed->reference}};
  }
  if (!f.exemption_note.empty()) j["exemption_note"] = f.exemption_note;
  if (f.undecided) j["undecided"] = true;
  if (!f.cap_note.empty()) j["cap"] = f.cap_note;
  if (f.waiver >= 0) j["waived"] = WaiverJson(run.waivers[static_cast<size_t>(f.waiver)].waiver);
  return j;
}

Json ActivityJson(const RunResult& run, const ActivityResult& a) {
  Json ja;
  ja["id"] = a.id;
  ja["type"] = ActivityTypeName(a.type);
  ja["date"] = a.date.ToString();
  ja["verdict"] = VerdictName(a.verdict);
  Json fs = Json::array();
  for (const auto& f : a.findings) fs.push_back(FindingJson(run, f));
  ja["findings"] = fs;
  return ja;
}

// The report is written part by part in nlohmann's layout (indent 2), each activity from a
// document of its own: one document for the whole report took several times the report's
// size (100,000 activities: 42 MB of JSON, a few hundred MB of nodes).
class JsonWriter {
 public:
  std::string& text() { return out_; }

  /// `j` as dump(2) writes it when nested `depth` levels deep (its first line is not indented).
  void Value(const Json& j, size_t depth) {
    // Inputs are checked to be UTF-8 when loaded; replacing (not throwing) keeps any miss from failing the report.
    const std::string s = j.dump(2, ' ', false, Json::error_handler_t::replace);
    size_t from = 0;
    for (size_t nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', from)) {
      out_.append(s, from, nl + 1 - from);
      Indent(depth);
      from = nl + 1;
    }
    out_.append(s, from);
  }
  /// Starts member `key` of an object `depth` levels deep: the separator, indent and key.
  void Key(std::string_view key, size_t depth, bool first) {
    out_ += first ? "\n" : ",\n";
    Indent(depth);
    out_ += '"';
    out_ += key;
    out_ += "\": ";
  }
  void Member(std::string_view key, const Json& value, size_t depth, bool first = false) {
    Key(key, depth, first);
    Value(value, depth);
  }
  /// Starts entry `i` of an array `depth` levels deep.
  void Entry(size_t i, size_t depth) {
    out_ += i == 0 ? "\n" : ",\n";
    Indent(depth);
  }
  /// Ends a non-empty object or array whose entries were `depth` levels deep.
  void Close(char bracket, size_t depth) {
    out_ += '\n';
    Indent(depth - 1);
    out_ += bracket;
  }
  void Indent(size_t depth) { out_.append(2 * depth, ' '); }

  /// Called after each activity: once a sample of activities is written, reserves room for
  /// the `left` still to come at the sample's size and a quarter more. A string left to double
  /// holds up to twice the report, and three times it while the last doubling copies.
  void ActivityWritten(size_t left) {
    if (++written_ != kSample) return;
    const size_t per_activity = (out_.size() - sample_from_) / kSample;
    const size_t wanted = (left + left / 4) * per_activity + 4096;
    // Only a hint: a sample heavier than the rest could ask for far more than the report needs,
    // so it is bounded, and a refusal leaves the string to grow as it would have.
    try {
      out_.reserve(out_.size() + std::min(wanted, kMaxReserve));
    } catch (const std::bad_alloc&) {
    }
  }
  void StartSample() { sample_from_ = out_.size(); }

 private:
  static constexpr size_t kSample = 256;
  static constexpr size_t kMaxReserve = size_t{1} << 31;
  std::string out_;
  size_t written_ = 0;      ///< activities written so far, in every scenario
  size_t sample_from_ = 0;  ///< where the first activity began
};

void WriteScenario(JsonWriter& w, const RunResult& run, const ScenarioResult& s, size_t& activities_left) {
  // Entries of the root's "scenarios" are at depth 2, so their members at 3.
  w.text() += '{';
  w.Member("file", s.file, 3, true);
  w.Member("scenario", s.scenario, 3);
  w.Member("title", s.title, 3);
  w.Member("verdict", VerdictName(s.verdict), 3);
  w.Key("activities", 3, false);
  if (s.activities.empty()) {
    w.text() += "[]";
  } else {
    w.text() += '[';
    for (size_t i = 0; i < s.activities.size(); ++i) {
      w.Entry(i, 4);
      w.Value(ActivityJson(run, s.activities[i]), 4);
      w.ActivityWritten(--activities_left);
    }
    w.Close(']', 4);
  }
  w.Member("sha256", s.sha256, 3);
  w.Close('}', 3);
}

}  // namespace

std::string RenderJson(const RunResult& run) {
  JsonWriter w;
  w.text() += '{';
  w.Member("format", "sancheck-report/1", 1, true);
  w.Member("tool", {{"name", "sancheck"}, {"version", ToolVersion()}}, 1);
  w.Member("generated", run.generated, 1);
  Json packs = Json::array();
  for (const auto& p : run.packs) {
    packs.push_back({{"name", p.name}, {"version", p.version}, {"sha256", p.sha256}, {"builtin", p.builtin}});
  }
  w.Member("rule_packs", packs, 1);
  w.Key("scenarios", 1, false);
  if (run.scenarios.empty()) {
    w.text() += "[]";
  } else {
    w.text() += '[';
    size_t activities_left = 0;
    for (const auto& s : run.scenarios) activities_left += s.activities.size();
    w.StartSample();
    for (size_t i = 0; i < run.scenarios.size(); ++i) {
      w.Entry(i, 2);
      WriteScenario(w, run, run.scenarios[i], activities_left);
    }
    w.Close(']', 2);
  }
  w.Member("summary",
           {{"scenarios", run.summary.scenarios},
            {"activities", run.summary.activities},
            {"prohibited", run.summary.prohibited},
            {"review", run.summary.review},
            {"permitted", run.summary.permitted},
            {"waived", run.summary.waived}},
           1);
  // Audit extensions: what the verdicts were judged against.
  w.Member("as_of", run.as_of ? Json(run.as_of->ToString()) : Json(nullptr), 1);
  w.Member("designations_snapshot",
           run.designations_snapshot.empty() ? Json(nullptr) : Json(run.designations_snapshot), 1);
  w.Member("designations_age_days", run.designations_age_days ? Json(*run.designations_age_days) : Json(nullptr), 1);
  w.Member("builtin_packs", BuiltinPacks(run), 1);
  w.Member("report_id", run.report_id, 1);
  if (!run.prepared_by.empty()) w.Member("prepared_by", run.prepared_by, 1);
  if (!run.reviewed_by.empty()) w.Member("reviewed_by", run.reviewed_by, 1);
  w.Member("lists", ListsJson(run.lists), 1);
  if (!run.waivers.empty()) {
    Json ws = Json::array();
    for (const auto& st : run.waivers) {
      Json j = WaiverJson(st.waiver);
      j["state"] = waivers::WaiverStateName(st.state);
      j["findings"] = st.findings;
      ws.push_back(j);
    }
    w.Member("waivers", ws, 1);
  }
  w.Close('}', 1);
  w.text() += '\n';
  return std::move(w.text());
}

}  // namespace sancheck::report
