// The JSON report (sancheck-report/1), field for field as the report format specifies.
#include "report/writers.hpp"

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

}  // namespace

std::string RenderJson(const RunResult& run) {
  Json root;
  root["format"] = "sancheck-report/1";
  root["tool"] = {{"name", "sancheck"}, {"version", ToolVersion()}};
  root["generated"] = run.generated;
  Json packs = Json::array();
  for (const auto& p : run.packs) {
    packs.push_back({{"name", p.name}, {"version", p.version}, {"sha256", p.sha256}, {"builtin", p.builtin}});
  }
  root["rule_packs"] = packs;
  Json scenarios = Json::array();
  for (const auto& s : run.scenarios) {
    Json js;
    js["file"] = s.file;
    js["scenario"] = s.scenario;
    js["title"] = s.title;
    js["verdict"] = VerdictName(s.verdict);
    Json acts = Json::array();
    for (const auto& a : s.activities) {
      Json ja;
      ja["id"] = a.id;
      ja["type"] = ActivityTypeName(a.type);
      ja["date"] = a.date.ToString();
      ja["verdict"] = VerdictName(a.verdict);
      Json fs = Json::array();
      for (const auto& f : a.findings) fs.push_back(FindingJson(run, f));
      ja["findings"] = fs;
      acts.push_back(ja);
    }
    js["activities"] = acts;
    js["sha256"] = s.sha256;
    scenarios.push_back(js);
  }
  root["scenarios"] = scenarios;
  root["summary"] = {{"scenarios", run.summary.scenarios},
                     {"activities", run.summary.activities},
                     {"prohibited", run.summary.prohibited},
                     {"review", run.summary.review},
                     {"permitted", run.summary.permitted},
                     {"waived", run.summary.waived}};
  // Audit extensions: what the verdicts were judged against.
  root["as_of"] = run.as_of ? Json(run.as_of->ToString()) : Json(nullptr);
  root["designations_snapshot"] =
      run.designations_snapshot.empty() ? Json(nullptr) : Json(run.designations_snapshot);
  root["designations_age_days"] = run.designations_age_days ? Json(*run.designations_age_days) : Json(nullptr);
  root["builtin_packs"] = BuiltinPacks(run);
  root["lists"] = ListsJson(run.lists);
  if (!run.waivers.empty()) {
    Json ws = Json::array();
    for (const auto& st : run.waivers) {
      Json j = WaiverJson(st.waiver);
      j["state"] = waivers::WaiverStateName(st.state);
      j["findings"] = st.findings;
      ws.push_back(j);
    }
    root["waivers"] = ws;
  }
  // Inputs are checked to be UTF-8 when loaded; replacing (not throwing) keeps any miss from failing the report.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace sancheck::report
