// ScenarioParser: a scenario's header and parties strictly checked against scenario format v1; activities go to ActivityParser.
#include "scenario/scenario_parser.hpp"

#include "scenario/activity_parser.hpp"

namespace sancheck {

template <typename Node>
bool ScenarioParser<Node>::ParseScenario(const Node& doc, Scenario& s) {
  YamlReader& r = f_.r;
  s.file = r.file()->path;
  s.pos = r.Pos(doc);
  if (!f_.CheckKeys(doc, "a scenario", {"scenario", "title", "date", "description", "sources", "parties", "activities"})) {
    return false;
  }
  bool ok = r.Require(doc, "a scenario", {"scenario", "parties", "activities"});
  if (const auto& n = doc["scenario"]) {
    if (auto id = r.String(n, "scenario")) {
      s.id = *id;
      s.pos = r.Pos(n);
      if (!ValidId(s.id)) {
        r.Error(n, "bad_id", "scenario id " + Describe(n) + " must match [a-z0-9][a-z0-9._-]* (lower case, digits, . _ -)");
        ok = false;
      }
    }
  }
  if (const auto& n = doc["title"]) s.title = r.Prose(n, "title").value_or("");
  if (const auto& n = doc["description"]) s.description = r.Prose(n, "description").value_or("");
  if (const auto& n = doc["date"]) s.date = r.DateValue(n, "the scenario date");
  if (const auto& n = doc["sources"]) s.sources = r.StringList(n, "sources").value_or(std::vector<std::string>{});
  if (const auto& n = doc["parties"]) ParseParties(n, s);
  if (const auto& n = doc["activities"]) ActivityParser<Node>(f_).ParseActivities(n, s);
  return ok;
}

template <typename Node>
void ScenarioParser<Node>::ParseParties(const Node& map, Scenario& s) {
  YamlReader& r = f_.r;
  if (!map.IsMap()) {
    r.Error(map, "wrong_type", "parties must be a map from party id to party, found " + Describe(map));
    return;
  }
  f_.party_index.clear();
  for (auto it = map.begin(); it != map.end(); ++it) {
    Party p;
    p.pos = r.Pos(it->first);
    p.id = it->first.IsScalar() ? std::string(it->first.Scalar()) : std::string();
    if (!ValidId(p.id)) {
      r.Error(it->first, "bad_id", "party id " + Describe(it->first) + " must match [a-z0-9][a-z0-9._-]*");
    } else if (!f_.party_index.try_emplace(p.id, static_cast<int>(s.parties.size())).second) {
      r.Error(it->first, "duplicate_id", "duplicate party id '" + p.id + "'");
    }
    ParseParty(it->second, p);
    s.parties.push_back(std::move(p));
  }
}

template <typename Node>
void ScenarioParser<Node>::ParseParty(const Node& n, Party& p) {
  YamlReader& r = f_.r;
  const std::string what = "party '" + p.id + "'";
  if (!f_.CheckKeys(n, what, {"name", "country", "kind", "aliases", "born", "imo", "designated"})) return;
  r.Require(n, what, {"name", "country"});
  if (const auto& v = n["name"]) p.name = r.String(v, "name").value_or("");
  if (const auto& v = n["country"]) {
    if (auto c = f_.CountryValue(v, what)) p.country = *c;
  }
  if (const auto& v = n["kind"]) {
    if (auto k = r.String(v, "kind")) {
      if (auto pk = ParsePartyKind(*k)) {
        p.kind = *pk;
      } else {
        f_.UnknownName(v, "party kind", EnumNames<PartyKind>(), "party-kinds");
      }
    }
  }
  if (const auto& v = n["aliases"]) p.aliases = r.StringList(v, "aliases").value_or(std::vector<std::string>{});
  if (const auto& v = n["born"]) ParseBorn(v, p);
  if (const auto& v = n["imo"]) {
    if (auto imo = r.String(v, "imo")) {
      const bool digits = imo->size() == 7 && imo->find_first_not_of("0123456789") == std::string::npos;
      if (!digits) r.Error(v, "bad_value", "imo must be 7 digits, found " + Describe(v));
      p.imo = *imo;
    }
  }
  if (const auto& v = n["designated"]) p.designated = r.String(v, "designated").value_or("");
}

template <typename Node>
void ScenarioParser<Node>::ParseBorn(const Node& v, Party& p) {
  YamlReader& r = f_.r;
  auto text = r.String(v, "born");
  if (!text) return;
  p.born = BirthDate::Parse(*text);
  if (!p.born) {
    r.Error(v, "bad_date", "born must be a year (1960) or a date (1960-04-04) from 1900 to 2100, found " + Describe(v));
  }
}

template class ScenarioParser<YAML::Node>;
template class ScenarioParser<CompactNode>;

}  // namespace sancheck
