// The impact report as JSON (sancheck-impact/1): both sides, the rule diff, and the changed activities.
#include <nlohmann/json.hpp>

#include "report/impact.hpp"
#include "report/lists_json.hpp"
#include "report/rules_json.hpp"
#include "sancheck/report.hpp"
#include "common/json_document.hpp"

namespace sancheck::report {
namespace {

using Json = nlohmann::ordered_json;
using impact::RuleDiff;

Json OrNull(const std::optional<RuleInfo>& r) { return r ? RuleJson(*r) : Json(nullptr); }

Json VerdictOrNull(const std::optional<Verdict>& v) { return v ? Json(VerdictName(*v)) : Json(nullptr); }

Json SideJson(const std::string& revision, const std::vector<PackInfo>& packs, const std::vector<ListInfo>& lists) {
  Json p = Json::array();
  for (const auto& pack : packs) p.push_back(PackJson(pack));
  return {{"revision", revision.empty() ? Json(nullptr) : Json(revision)}, {"packs", p}, {"lists", ListsJson(lists)}};
}

Json RuleDiffJson(const RuleDiff& d) {
  const char* change = d.kind == RuleDiff::Kind::kAdded ? "added" : d.kind == RuleDiff::Kind::kRemoved ? "removed" : "changed";
  Json j = {{"rule", d.id}, {"change", change}, {"aspects", d.Aspects()}, {"before", OrNull(d.before)},
            {"after", OrNull(d.after)}};
  if (!d.exemptions_added.empty() || !d.exemptions_removed.empty()) {
    j["exemptions"] = {{"added", d.exemptions_added}, {"removed", d.exemptions_removed}};
  }
  if (d.condition) {
    j["condition"] = {{"relation", impact::RelationName(d.condition->relation)},
                      {"reads", d.condition->reads},
                      {"sets_changed", d.condition->sets}};
  }
  if (!d.cap_before.empty()) j["cap"] = {{"before", d.cap_before}, {"after", d.cap_after}};
  return j;
}

Json SetDiffJson(const impact::SetDiff& s) {
  const char* change = s.only_after ? "added" : s.only_before ? "removed" : "changed";
  return {{"set", s.name}, {"change", change}, {"added", s.added}, {"removed", s.removed}};
}

Json KindDiffJson(const impact::KindDiff& k) {
  auto window = [](const std::string& w) { return w.empty() ? Json(nullptr) : Json(w); };
  return {{"kind", k.name}, {"before", window(k.before)}, {"after", window(k.after)}};
}

Json ActivityJson(const impact::ActivityImpact& a, const impact::PackDiff& diff) {
  Json rules = Json::array();
  for (const auto& e : a.rules) {
    const RuleDiff* d = diff.Find(e.rule);
    rules.push_back({{"rule", e.rule},
                     {"before", VerdictOrNull(e.before)},
                     {"after", VerdictOrNull(e.after)},
                     {"citations_before", e.citations_before},
                     {"citations_after", e.citations_after},
                     {"diff", d ? Json(d->Aspects()) : Json::array()}});
  }
  return {{"group", impact::GroupName(a.group)},
          {"file", a.file},
          {"scenario", a.scenario},
          {"activity", a.activity},
          {"type", ActivityTypeName(a.type)},
          {"date", a.date.ToString()},
          {"before", {{"verdict", VerdictName(a.before)}, {"citations", a.citations_before}}},
          {"after", {{"verdict", VerdictName(a.after)}, {"citations", a.citations_after}}},
          {"rules", rules}};
}

}  // namespace

std::string RenderImpactJson(const impact::Impact& impact) {
  Json rules = Json::array();
  for (const auto& d : impact.diff.rules) rules.push_back(RuleDiffJson(d));
  Json sets = Json::array();
  for (const auto& s : impact.diff.sets) sets.push_back(SetDiffJson(s));
  Json kinds = Json::array();
  for (const auto& k : impact.diff.kinds) kinds.push_back(KindDiffJson(k));
  Json activities = Json::array();
  for (const auto& a : impact.activities) activities.push_back(ActivityJson(a, impact.diff));
  Json not_compared = Json::array();
  for (const auto& n : impact.not_compared) {
    not_compared.push_back({{"file", n.file}, {"scenario", n.scenario}, {"reason", n.reason}});
  }
  const Json root = {
      {"format", "sancheck-impact/1"},
      {"tool", {{"name", "sancheck"}, {"version", ToolVersion()}}},
      {"base", SideJson(impact.base_revision, impact.base_packs, impact.base_lists)},
      {"new", SideJson(impact.new_revision, impact.new_packs, impact.new_lists)},
      {"rules", rules},
      {"sets", sets},
      {"exemption_kinds", kinds},
      {"activities", activities},
      {"not_compared", not_compared},
      {"summary",
       {{"compared", impact.compared},
        {"stricter", impact.Count(impact::Group::kStricter)},
        {"looser", impact.Count(impact::Group::kLooser)},
        {"re_cited", impact.Count(impact::Group::kRecited)},
        {"unchanged", impact.Unchanged()}}}};
  // Replace rather than throw on a byte that is not UTF-8: the output must never fail half-way.
  return JsonDocument(root);
}

}  // namespace sancheck::report
