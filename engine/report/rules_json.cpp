// The loaded rule packs, rules and exemption kinds as JSON (`sancheck rules --format json` and the server).
#include "report/rules_json.hpp"

#include "judge/checker_impl.hpp"
#include "rules/citations.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::report {

nlohmann::ordered_json RuleJson(const RuleInfo& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["verdict"] = VerdictName(r.verdict);
  j["effective"] = r.effective.ToString();
  j["until"] = r.until ? nlohmann::ordered_json(r.until->ToString()) : nlohmann::ordered_json(nullptr);
  std::vector<std::string> types;
  for (auto t : r.applies_to) types.emplace_back(ActivityTypeName(t));
  j["applies_to"] = types;
  nlohmann::ordered_json cites = nlohmann::ordered_json::array();
  for (const auto& c : r.citations) {
    nlohmann::ordered_json cite = {{"resolution", c.resolution}, {"paragraph", c.paragraph}, {"text", c.text},
                                   {"verified", VerificationName(c.verified)}};
    if (c.clarifies) cite["clarifies"] = true;
    cites.push_back(std::move(cite));
  }
  j["citations"] = cites;
  std::vector<std::string> kinds;
  for (const auto& e : r.exemptions) kinds.emplace_back(e.kind);
  j["exemptions"] = kinds;
  j["when"] = r.condition;
  j["message"] = r.message;
  return j;
}

nlohmann::ordered_json PackJson(const PackInfo& p) {
  return {{"name", p.name}, {"version", p.version}, {"sha256", p.sha256}};
}

nlohmann::ordered_json RulesJson(const Checker& checker) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& r : checker.rules()) list.push_back(RuleJson(r));
  nlohmann::ordered_json root;
  nlohmann::ordered_json packs = nlohmann::ordered_json::array();
  for (const auto& p : checker.packs()) packs.push_back(PackJson(p));
  root["rule_packs"] = packs;
  root["rules"] = list;
  // The exemption kinds scenario files can claim, with what grants them and when.
  nlohmann::ordered_json kinds_json = nlohmann::ordered_json::array();
  for (const auto& k : checker.impl().set->exemption_kinds) {
    nlohmann::ordered_json cites = nlohmann::ordered_json::array();
    for (const auto& c : k.citations) cites.push_back(rules::ShortCitation(c.resolution, c.paragraph));
    kinds_json.push_back({{"kind", k.name}, {"pack", k.pack}, {"title", k.title}, {"citations", cites},
                          {"from", k.from ? nlohmann::ordered_json(k.from->ToString()) : nlohmann::ordered_json(nullptr)},
                          {"until", k.until ? nlohmann::ordered_json(k.until->ToString()) : nlohmann::ordered_json(nullptr)}});
  }
  root["exemption_kinds"] = kinds_json;
  return root;
}

}  // namespace sancheck::report
