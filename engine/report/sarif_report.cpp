// The SARIF 2.1.0 report for code-scanning dashboards: rules that fired with citations, results at scenario lines.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "common/files.hpp"
#include "common/json_document.hpp"
#include "common/visible.hpp"
#include "report/common.hpp"
#include "report/lists_json.hpp"
#include "report/writers.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view Level(Verdict v) {
  switch (v) {
    case Verdict::kProhibited: return "error";
    case Verdict::kReview: return "warning";
    case Verdict::kPermitted: return "note";
  }
  return "note";
}

// A path as given becomes a URI reference: relative paths stay relative (so
// code scanning resolves them against the repository), absolute ones become file: URIs.
std::string PathUri(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Json CitationsJson(const std::vector<Citation>& citations) {
  Json out = Json::array();
  for (const auto& c : citations) {
    Json j = {{"resolution", c.resolution}, {"paragraph", c.paragraph}, {"text", c.text}};
    if (!c.url.empty()) j["url"] = c.url;
    j["verified"] = VerificationName(c.verified);
    out.push_back(j);
  }
  return out;
}

// "un-dprk/arms-from-dprk" → "ArmsFromDprk": the one-word friendly name SARIF viewers show
// beside the id (Azure DevOps requires one). The pack is left out: the id keeps it.
std::string FriendlyName(std::string_view id) {
  const size_t slash = id.rfind('/');
  const std::string_view local = slash == std::string_view::npos ? id : id.substr(slash + 1);
  std::string out;
  bool word_start = true;
  for (char c : local) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      word_start = true;
      continue;
    }
    out += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  // An identifier starts with a letter: a rule named "2375-textiles" becomes "Rule2375Textiles".
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "Rule" + out;
  return out;
}

Json RuleJson(const RuleInfo& r) {
  const std::string cites = JoinCitations(r.citations);
  std::string help = Trimmed(r.message) + "\n\nLegal basis: " + cites + ".";
  std::string markdown = Trimmed(r.message) + "\n\n**Legal basis:**\n";
  for (const auto& c : r.citations) {
    markdown += c.url.empty() ? "- " + c.text + "\n" : "- [" + c.text + "](" + c.url + ")\n";
  }
  if (!r.exemptions.empty()) {
    help += "\n\nHow it could be lawful:";
    markdown += "\n**How it could be lawful:**\n";
    for (const auto& e : r.exemptions) {
      help += "\n- " + e.text;
      markdown += "- " + e.text + "\n";
    }
  } else if (!r.no_exemption.empty()) {
    help += "\n\nNo exemption: " + r.no_exemption;
    markdown += "\n**No exemption:** " + r.no_exemption + "\n";
  }
  Json j;
  j["id"] = r.id;
  j["name"] = FriendlyName(r.id);
  j["shortDescription"] = {{"text", r.title.empty() ? r.id : r.title}};
  j["fullDescription"] = {{"text", Trimmed(r.message) + " (" + cites + ")"}};
  for (const auto& c : r.citations) {
    if (!c.url.empty()) {
      j["helpUri"] = c.url;
      break;
    }
  }
  j["help"] = {{"text", help}, {"markdown", markdown}};
  j["defaultConfiguration"] = {{"level", Level(r.verdict)}};
  Json props;
  props["tags"] = Json::array({"sanctions", r.pack});
  props["pack"] = r.pack;
  props["verdict"] = VerdictName(r.verdict);
  props["effective"] = r.effective.ToString();
  if (r.until) props["until"] = r.until->ToString();
  props["citations"] = CitationsJson(r.citations);
  j["properties"] = props;
  return j;
}

class SarifWriter {
 public:
  SarifWriter(const RunResult& run, const ReportOptions& options) : run_(run), options_(options) {}

  std::string Render() {
    Json driver;
    driver["name"] = "sancheck";
    driver["fullName"] = "sancheck " + std::string(ToolVersion()) + " sanctions compliance rule checker";
    driver["version"] = ToolVersion();
    driver["semanticVersion"] = ToolVersion();
    driver["informationUri"] = SANCHECK_HOMEPAGE_URL;
    Json rules = Json::array();
    for (size_t i = 0; i < run_.rules_fired.size(); ++i) {
      rule_index_[run_.rules_fired[i].id] = static_cast<int>(i);
      rules.push_back(RuleJson(run_.rules_fired[i]));
    }
    driver["rules"] = rules;
    Json tool;
    tool["driver"] = driver;
    // The rule packs are the tool's extensions: name and version as SARIF
    // defines them, the hash of their sources as a property.
    Json extensions = Json::array();
    for (const auto& p : run_.packs) {
      extensions.push_back({{"name", p.name},
                            {"version", p.version},
                            {"properties", {{"sha256", p.sha256}, {"builtin", p.builtin}}}});
    }
    if (!extensions.empty()) tool["extensions"] = extensions;

    Json artifacts = Json::array();
    for (const auto& f : ScenarioFiles(run_)) {
      artifact_index_[f.file] = static_cast<int>(artifacts.size());
      artifacts.push_back({{"location", {{"uri", PathUri(f.file)}}}, {"hashes", {{"sha-256", f.sha256}}}});
    }

    Json results = Json::array();
    for (const auto& s : run_.scenarios) {
      for (const auto& a : s.activities) {
        for (const auto& f : a.findings) results.push_back(ResultJson(s, a, f));
      }
    }

    Json sarif_run;
    sarif_run["tool"] = tool;
    sarif_run["automationDetails"] = AutomationDetails();
    sarif_run["invocations"] = Json::array({Invocation()});
    sarif_run["artifacts"] = artifacts;
    sarif_run["results"] = results;
    sarif_run["properties"] = Audit();

    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = Json::array({sarif_run});
    return JsonDocument(root);
  }

 private:
  const RunResult& run_;
  const ReportOptions& options_;
  std::map<std::string, int> rule_index_;
  std::map<std::string, int> artifact_index_;

  Json ResultJson(const ScenarioResult& s, const ActivityResult& a, const Finding& f) {
    const std::string item = ItemLabel(f);
    std::string text = std::string(VerdictName(f.verdict)) + ": " + Trimmed(f.message) + " (" + s.scenario + " / " + a.id +
                       (item.empty() ? "" : ", " + item) + "). Legal basis: " + JoinCitations(f.citations) + ".";
    Json r;
    r["ruleId"] = f.rule;
    if (auto it = rule_index_.find(f.rule); it != rule_index_.end()) r["ruleIndex"] = it->second;
    r["level"] = Level(f.verdict);
    // Shown to people by code-scanning views: what a viewer would act on (bidi overrides) is escaped.
    r["message"] = {{"text", Visible(text)}};

    Json physical;
    Json artifact = {{"uri", PathUri(s.file)}};
    if (auto it = artifact_index_.find(s.file); it != artifact_index_.end()) artifact["index"] = it->second;
    physical["artifactLocation"] = artifact;
    if (f.pos.line > 0) {
      Json region = {{"startLine", f.pos.line}};
      if (f.pos.column > 0) region["startColumn"] = f.pos.column;
      physical["region"] = region;
    }
    Json logical = {{"name", a.id}, {"fullyQualifiedName", s.scenario + "/" + a.id}, {"kind", "object"}};
    r["locations"] = Json::array({{{"physicalLocation", physical}, {"logicalLocations", Json::array({logical})}}});

    // Independent of line numbers, so moving an activity inside its file keeps
    // the alert's identity (and its dismissal) in code scanning.
    r["partialFingerprints"] = {
        {"sancheckFinding/v1",
         Sha256Hex(s.scenario + '\0' + a.id + '\0' + f.rule + '\0' + std::to_string(f.item))}};

    if (f.waiver >= 0) {
      const Waiver& w = run_.waivers[static_cast<size_t>(f.waiver)].waiver;
      r["suppressions"] = Json::array({{{"kind", "external"},
                                        {"status", "accepted"},
                                        {"justification", waivers::Describe(w)},
                                        {"properties",
                                         {{"ticket", w.ticket},
                                          {"approvedBy", w.approved_by},
                                          {"expires", w.expires.ToString()}}}}});
    }

    Json props;
    props["verdict"] = VerdictName(f.verdict);
    props["scenario"] = s.scenario;
    props["activity"] = a.id;
    if (f.item >= 0) {
      props["item"] = f.item;
      props["itemDescription"] = f.item_description;
    }
    props["citations"] = CitationsJson(f.citations);
    props["exemptions"] = f.exemptions;
    if (f.exemption_claimed) {
      props["exemptionClaimed"] = {{"kind", f.exemption_claimed->name},
                                   {"reference", f.exemption_claimed->reference}};
    }
    if (f.undecided) props["undecided"] = true;
    if (f.match) {
      props["match"] = {{"party", f.match->party},
                        {"reference", f.match->reference},
                        {"name", f.match->name},
                        {"score", f.match->score}};
      if (!f.match->list.empty()) props["match"]["list"] = f.match->list;
      if (!f.match->regime.empty()) props["match"]["regime"] = f.match->regime;
    }
    if (!f.cap_note.empty()) props["cap"] = f.cap_note;
    props["failsRun"] = FindingFails(f, options_.fail);
    r["properties"] = props;
    return r;
  }

  // Which run this is, in the one shape all three consumers take. GitHub reads the id up to its
  // last '/' as the analysis category, which must not change between runs for alerts to be
  // tracked; the report id after it names this run's inputs. GitHub Advanced Security for Azure
  // DevOps requires the id's prefix and four build properties: sancheck does not know the
  // pipeline that runs it, so it gives the values for no build definition (-1) and a phase id
  // derived from the report id (an RFC 9562 version-8 UUID), stable for the same inputs.
  Json AutomationDetails() const {
    constexpr std::string_view kAdo = "azuredevops/pipeline/build/";
    std::string phase = Sha256Hex(run_.report_id).substr(0, 32);
    phase[12] = '8';
    phase[16] = "89ab"[std::stoi(phase.substr(16, 1), nullptr, 16) & 3];
    phase = phase.substr(0, 8) + "-" + phase.substr(8, 4) + "-" + phase.substr(12, 4) + "-" + phase.substr(16, 4) + "-" +
            phase.substr(20);
    Json properties;
    properties[std::string(kAdo) + "buildDefinitionId"] = "-1";
    properties[std::string(kAdo) + "buildDefinitionName"] = "sancheck";
    properties[std::string(kAdo) + "phaseId"] = phase;
    properties[std::string(kAdo) + "phaseName"] = "sancheck";
    return {{"id", std::string(kAdo) + options_.sarif_category + "/" + run_.report_id}, {"properties", properties}};
  }

  // Expired and unused waivers are notifications about the run, not results about a file.
  Json Invocation() {
    Json inv;
    inv["executionSuccessful"] = true;
    inv["endTimeUtc"] = run_.generated;
    Json notes = Json::array();
    for (const auto& st : run_.waivers) {
      if (st.state == WaiverState::kApplied) continue;
      const Waiver& w = st.waiver;
      const bool expired = st.state == WaiverState::kExpired;
      Json n;
      n["descriptor"] = {{"id", expired ? "waiver-expired" : "waiver-unused"}};
      n["level"] = expired ? "error" : "warning";
      n["message"] = {{"text", Visible(expired ? "Waiver " + w.ticket + " expired on " + w.expires.ToString() +
                                                     "; the findings it covered count again."
                                               : "Waiver " + w.ticket + " matched no finding; remove it.")}};
      if (w.pos.file) {
        Json physical = {{"artifactLocation", {{"uri", PathUri(w.pos.file->path)}}}};
        if (w.pos.line > 0) physical["region"] = {{"startLine", w.pos.line}, {"startColumn", std::max(1, w.pos.column)}};
        n["locations"] = Json::array({{{"physicalLocation", physical}}});
      }
      notes.push_back(n);
    }
    if (!notes.empty()) inv["toolExecutionNotifications"] = notes;
    return inv;
  }

  Json Audit() {
    Json p;
    p["generated"] = run_.generated;
    p["reportId"] = run_.report_id;
    if (!run_.prepared_by.empty()) p["preparedBy"] = run_.prepared_by;
    if (!run_.reviewed_by.empty()) p["reviewedBy"] = run_.reviewed_by;
    p["asOf"] = run_.as_of ? Json(run_.as_of->ToString()) : Json(nullptr);
    p["designationsSnapshot"] = run_.designations_snapshot.empty() ? Json(nullptr) : Json(run_.designations_snapshot);
    p["designationsAgeDays"] = run_.designations_age_days ? Json(*run_.designations_age_days) : Json(nullptr);
    p["builtinPacks"] = BuiltinPacks(run_);
    p["designationLists"] = ListsJson(run_.lists);
    Json packs = Json::array();
    for (const auto& pk : run_.packs) {
      packs.push_back({{"name", pk.name}, {"version", pk.version}, {"sha256", pk.sha256}});
    }
    p["rulePacks"] = packs;
    const Summary& m = run_.summary;
    p["summary"] = {{"scenarios", m.scenarios}, {"activities", m.activities}, {"prohibited", m.prohibited},
                    {"review", m.review},       {"permitted", m.permitted},   {"waived", m.waived}};
    Json ws = Json::array();
    for (const auto& st : run_.waivers) {
      const Waiver& w = st.waiver;
      Json j = {{"ticket", w.ticket}, {"scenario", w.scenario}};
      if (!w.activity.empty()) j["activity"] = w.activity;
      if (!w.rule.empty()) j["rule"] = w.rule;
      j["reason"] = w.reason;
      j["approvedBy"] = w.approved_by;
      j["expires"] = w.expires.ToString();
      j["state"] = waivers::WaiverStateName(st.state);
      j["findings"] = st.findings;
      ws.push_back(j);
    }
    if (!ws.empty()) p["waivers"] = ws;
    return p;
  }
};

}  // namespace

std::string RenderSarif(const RunResult& run, const ReportOptions& options) {
  return SarifWriter(run, options).Render();
}

}  // namespace sancheck::report
