// Scenario loader: YAML scenario files → Scenario values, strictly checked against the scenario format v1.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/files.hpp"
#include "common/strings.hpp"
#include "common/yaml_reader.hpp"
#include "sancheck/scenario.hpp"
#include "scenario/country_hint.hpp"
#include "scenario/loader.hpp"

namespace sancheck {
namespace {

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  auto lower_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_digit(id[0])) return false;
  for (char c : id) {
    if (!lower_digit(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

// Which keys each activity type accepts beyond the common ones, and which it needs.
struct TypeKeys {
  std::vector<std::string_view> allowed;
  std::vector<std::string_view> required;
};

TypeKeys KeysFor(ActivityType t) {
  switch (t) {
    case ActivityType::kSupply: return {{"from", "to", "items"}, {"from", "to", "items"}};
    case ActivityType::kService:
      return {{"from", "to", "service", "subject", "amount_usd"}, {"from", "to", "service"}};
    case ActivityType::kTravel: return {{"person", "destination"}, {"person", "destination"}};
    case ActivityType::kEmployment: return {{"from", "to", "workers"}, {"from", "to"}};
    case ActivityType::kJointVenture: return {{"parties", "amount_usd"}, {"parties"}};
    case ActivityType::kLaunch: return {{"from", "vehicle"}, {"from", "vehicle"}};
    case ActivityType::kNuclearTest: return {{"from"}, {"from"}};
    case ActivityType::kPortCall: return {{"port_country"}, {"vessel", "port_country"}};
    case ActivityType::kShipToShip: return {{"from", "to", "items"}, {"from", "to", "items"}};
  }
  return {{}, {}};
}

// The names of an enumeration as written in files, for "did you mean" hints.
template <typename E>
std::vector<std::string_view> NamesOf(std::string_view (*name)(E), E last) {
  std::vector<std::string_view> out;
  for (int i = 0; i <= static_cast<int>(last); ++i) out.push_back(name(static_cast<E>(i)));
  return out;
}

class ScenarioParser {
 public:
  ScenarioParser(std::shared_ptr<const SourceFile> file, Diagnostics& diags)
      : r_(std::move(file), diags, "scenario.") {}

  std::vector<Scenario> Parse() {
    std::vector<Scenario> out;
    auto docs = r_.LoadAll();
    if (!docs) return out;
    for (const auto& doc : *docs) {
      if (doc.IsNull()) continue;  // an empty document between '---' separators
      Scenario s;
      if (ParseScenario(doc, s)) out.push_back(std::move(s));
    }
    if (docs->empty() || (out.empty() && !r_.diags().HasErrors())) {
      r_.diags().Error(SourcePos{r_.file(), 1, 1}, "scenario.empty", "the file holds no scenario");
    }
    return out;
  }

  bool ParseScenario(const YAML::Node& doc, Scenario& s) {
    s.file = r_.file()->path;
    s.pos = r_.Pos(doc);
    if (!CheckKeys(doc, "a scenario",
                     {"scenario", "title", "date", "description", "sources", "parties", "activities"})) {
      return false;
    }
    bool ok = r_.Require(doc, "a scenario", {"scenario", "parties", "activities"});
    if (const auto& n = doc["scenario"]) {
      if (auto id = r_.String(n, "scenario")) {
        s.id = *id;
        s.pos = r_.Pos(n);
        if (!ValidId(s.id)) {
          r_.Error(n, "bad_id", "scenario id " + Describe(n) +
                                    " must match [a-z0-9][a-z0-9._-]* (lower case, digits, . _ -)");
          ok = false;
        }
      }
    }
    if (const auto& n = doc["title"]) s.title = r_.Prose(n, "title").value_or("");
    if (const auto& n = doc["description"]) s.description = r_.Prose(n, "description").value_or("");
    if (const auto& n = doc["date"]) s.date = r_.DateValue(n, "the scenario date");
    if (const auto& n = doc["sources"]) s.sources = r_.StringList(n, "sources").value_or(std::vector<std::string>{});
    if (const auto& n = doc["parties"]) ParseParties(n, s);
    if (const auto& n = doc["activities"]) ParseActivities(n, s);
    return ok;
  }

 private:
  YamlReader r_;
  std::unordered_map<std::string, int> party_index_;  ///< the current scenario's party ids

  // CheckMap with a hint for a misspelt key (`form:` for `from:`): the close
  // ones are reported here, the rest (and duplicates, non-maps) by CheckMap.
  bool CheckKeys(const YAML::Node& n, std::string_view what, std::span<const std::string_view> allowed) {
    if (!n.IsMap()) return r_.CheckMap(n, what, allowed);
    std::vector<std::string_view> known(allowed.begin(), allowed.end());
    std::vector<std::string> hinted;
    for (auto it = n.begin(); it != n.end(); ++it) {
      const YAML::Node key = it->first;  // a copy: it->first is a temporary
      if (!key.IsScalar() || std::find(allowed.begin(), allowed.end(), key.Scalar()) != allowed.end()) continue;
      const std::string best = Closest(key.Scalar(), allowed);
      if (best.empty()) continue;
      r_.Error(key, "unknown_key", "unknown key '" + key.Scalar() + "' in " + std::string(what) +
                                       " (did you mean '" + best + "'?)");
      hinted.push_back(key.Scalar());
    }
    known.insert(known.end(), hinted.begin(), hinted.end());
    return r_.CheckMap(n, what, known);
  }
  bool CheckKeys(const YAML::Node& n, std::string_view what, std::initializer_list<std::string_view> allowed) {
    return CheckKeys(n, what, std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }

  // "unknown unit 'kgs' (did you mean 'kg'?)", or the list of valid names when none is close.
  void UnknownName(const YAML::Node& v, std::string_view what, const std::vector<std::string_view>& names,
                   std::string_view otherwise) {
    const std::string hint = v.IsScalar() ? DidYouMean(v.Scalar(), names) : "";
    r_.Error(v, "bad_value", "unknown " + std::string(what) + " " + Describe(v) + (hint.empty() ? std::string(otherwise) : hint));
  }

  // CountryValue with a hint for what people write instead of a code ('kp', 'PRK', 'Iran', 'UK').
  std::optional<Country> CountryValue(const YAML::Node& n, std::string_view what) {
    if (n.IsScalar() && !Country::Parse(n.Scalar())) {
      if (const auto hint = CountryHint(n.Scalar())) {
        r_.Error(n, "bad_country", "unknown country code " + Describe(n) + " in " + std::string(what) +
                                       " (did you mean '" + hint->ToString() + "'?)");
        return std::nullopt;
      }
    }
    return r_.CountryValue(n, what);
  }

  void ParseParties(const YAML::Node& map, Scenario& s) {
    if (!map.IsMap()) {
      r_.Error(map, "wrong_type", "parties must be a map from party id to party, found " + Describe(map));
      return;
    }
    party_index_.clear();
    for (auto it = map.begin(); it != map.end(); ++it) {
      Party p;
      p.pos = r_.Pos(it->first);
      p.id = it->first.IsScalar() ? it->first.Scalar() : "";
      if (!ValidId(p.id)) {
        r_.Error(it->first, "bad_id", "party id " + Describe(it->first) +
                                          " must match [a-z0-9][a-z0-9._-]*");
      } else if (!party_index_.try_emplace(p.id, static_cast<int>(s.parties.size())).second) {
        r_.Error(it->first, "duplicate_id", "duplicate party id '" + p.id + "'");
      }
      ParseParty(it->second, p);
      s.parties.push_back(std::move(p));
    }
  }

  void ParseParty(const YAML::Node& n, Party& p) {
    const std::string what = "party '" + p.id + "'";
    if (!CheckKeys(n, what, {"name", "country", "kind", "aliases", "born", "imo", "designated"})) return;
    r_.Require(n, what, {"name", "country"});
    if (const auto& v = n["name"]) p.name = r_.String(v, "name").value_or("");
    if (const auto& v = n["country"]) {
      if (auto c = CountryValue(v, what)) p.country = *c;
    }
    if (const auto& v = n["kind"]) {
      if (auto k = r_.String(v, "kind")) {
        if (auto pk = ParsePartyKind(*k)) {
          p.kind = *pk;
        } else {
          UnknownName(v, "party kind", NamesOf(&PartyKindName, PartyKind::kOrganisation),
                      " (expected state, government, military, company, bank, individual, vessel or organisation)");
        }
      }
    }
    if (const auto& v = n["aliases"]) p.aliases = r_.StringList(v, "aliases").value_or(std::vector<std::string>{});
    if (const auto& v = n["born"]) ParseBorn(v, p);
    if (const auto& v = n["imo"]) {
      if (auto imo = r_.String(v, "imo")) {
        const bool digits = imo->size() == 7 && imo->find_first_not_of("0123456789") == std::string::npos;
        if (!digits) r_.Error(v, "bad_value", "imo must be 7 digits, found " + Describe(v));
        p.imo = *imo;
      }
    }
    if (const auto& v = n["designated"]) p.designated = r_.String(v, "designated").value_or("");
  }

  void ParseBorn(const YAML::Node& v, Party& p) {
    auto text = r_.String(v, "born");
    if (!text) return;
    p.born = BirthDate::Parse(*text);
    if (!p.born) {
      r_.Error(v, "bad_date", "born must be a year (1960) or a date (1960-04-04) from 1900 to 2100, found " +
                                  Describe(v));
    }
  }

  // Resolves a party reference; reports when it names no party.
  int PartyRef(const YAML::Node& n, std::string_view key) {
    auto id = r_.String(n, std::string(key));
    if (!id) return -1;
    // A map, not Scenario::FindParty's scan: a file may name tens of thousands of parties.
    const auto found = party_index_.find(*id);
    const int idx = found == party_index_.end() ? -1 : found->second;
    if (idx < 0) {
      r_.Error(n, "unknown_party", "'" + std::string(key) + "' names no party: '" + *id +
                                       "' is not under parties");
    }
    return idx;
  }

  int VesselRef(const YAML::Node& n, const Scenario& s, std::string_view key) {
    const int idx = PartyRef(n, key);
    if (idx >= 0 && s.parties[static_cast<size_t>(idx)].kind != PartyKind::kVessel) {
      r_.Error(n, "not_a_vessel", "'" + std::string(key) + "' must name a vessel; party '" +
                                      s.parties[static_cast<size_t>(idx)].id + "' is of kind " +
                                      std::string(PartyKindName(s.parties[static_cast<size_t>(idx)].kind)));
    }
    return idx;
  }

  void ParseActivities(const YAML::Node& list, Scenario& s) {
    if (!list.IsSequence() || list.size() == 0) {
      r_.Error(list, "wrong_type", "activities must be a non-empty list, found " + Describe(list));
      return;
    }
    std::unordered_map<std::string, int> activity_index;
    std::vector<std::pair<size_t, YAML::Node>> served;  // (activity, its `for:` node)
    for (const auto& n : list) {
      Activity a;
      if (ParseActivity(n, s, a)) {
        if (!activity_index.try_emplace(a.id, static_cast<int>(s.activities.size())).second) {
          r_.Error(n["id"], "duplicate_id", "duplicate activity id '" + a.id + "' in scenario '" + s.id + "'");
        }
        if (const auto& f = n["for"]) served.emplace_back(s.activities.size(), f);
        s.activities.push_back(std::move(a));
      }
    }
    ResolveServed(served, activity_index, s);
  }

  // `for:` names an activity of the same scenario, possibly a later one; chains are
  // allowed (insurance for the transport of a supply), cycles are not.
  void ResolveServed(const std::vector<std::pair<size_t, YAML::Node>>& served,
                     const std::unordered_map<std::string, int>& activity_index, Scenario& s) {
    for (const auto& [index, node] : served) {
      const auto id = r_.String(node, "for");
      if (!id) continue;
      const auto found = activity_index.find(*id);
      const int target = found == activity_index.end() ? -1 : found->second;
      if (target < 0) {
        r_.Error(node, "unknown_activity", "'for' names no activity of scenario '" + s.id + "': " + Describe(node));
      } else if (static_cast<size_t>(target) == index) {
        r_.Error(node, "bad_value", "an activity cannot serve itself ('for: " + *id + "')");
      } else {
        s.activities[index].serves = target;
      }
    }
    // Each activity serves at most one other, so the links form chains; one walk per chain,
    // marking what it passed, finds a cycle in time linear in the activities (a walk from
    // every activity would be quadratic on a long chain).
    enum : uint8_t { kUnseen, kOnWalk, kDone };
    std::vector<uint8_t> state(s.activities.size(), kUnseen);
    for (size_t start = 0; start < s.activities.size(); ++start) {
      if (state[start] != kUnseen) continue;
      int at = static_cast<int>(start);
      while (at >= 0 && state[static_cast<size_t>(at)] == kUnseen) {
        state[static_cast<size_t>(at)] = kOnWalk;
        at = s.activities[static_cast<size_t>(at)].serves;
      }
      if (at >= 0 && state[static_cast<size_t>(at)] == kOnWalk) {
        ReportCycle(served, static_cast<size_t>(at), s);
        return;
      }
      for (int done = static_cast<int>(start); done >= 0 && state[static_cast<size_t>(done)] == kOnWalk;
           done = s.activities[static_cast<size_t>(done)].serves) {
        state[static_cast<size_t>(done)] = kDone;
      }
    }
  }

  // Reports the cycle through activity `on` at its `for:` and unlinks every activity.
  void ReportCycle(const std::vector<std::pair<size_t, YAML::Node>>& served, size_t on, Scenario& s) {
    const YAML::Node* where = &served.front().second;
    for (const auto& [index, node] : served) {
      if (index == on) where = &node;
    }
    r_.Error(*where, "bad_value",
             "the 'for' links of scenario '" + s.id + "' form a cycle through activity '" + s.activities[on].id + "'");
    for (auto& a : s.activities) a.serves = -1;
  }

  bool ParseActivity(const YAML::Node& n, const Scenario& s, Activity& a) {
    a.pos = r_.Pos(n);
    if (!n.IsMap()) {
      r_.Error(n, "wrong_type", "an activity must be a map, found " + Describe(n));
      return false;
    }
    const auto& type_node = n["type"];
    if (!type_node) {
      r_.Error(n, "missing_key", "an activity needs 'type'");
      return false;
    }
    auto type_text = r_.String(type_node, "type");
    if (!type_text) return false;
    auto type = ParseActivityType(*type_text);
    if (!type) {
      UnknownName(type_node, "activity type", NamesOf(&ActivityTypeName, ActivityType::kShipToShip),
                  " (expected supply, service, travel, employment, joint-venture, launch, nuclear-test, "
                  "port-call or ship-to-ship)");
      return false;
    }
    a.type = *type;
    const std::string what = "a " + *type_text + " activity";
    const TypeKeys keys = KeysFor(a.type);
    // The common keys plus the type's own, checked in one pass so that the
    // message lists exactly what this type accepts.
    std::vector<std::string_view> allowed = {"id", "type", "date", "description", "via", "vessel", "exemption", "for"};
    allowed.insert(allowed.end(), keys.allowed.begin(), keys.allowed.end());
    CheckKeys(n, what, allowed);
    bool ok = r_.Require(n, what, {"id"});
    for (auto req : keys.required) {
      if (!n[std::string(req)]) {
        r_.Error(n, "missing_key", what + " needs '" + std::string(req) + "'");
        ok = false;
      }
    }
    if (const auto& v = n["id"]) {
      a.id = r_.String(v, "id").value_or("");
      if (!a.id.empty() && !ValidId(a.id)) {
        r_.Error(v, "bad_id", "activity id " + Describe(v) + " must match [a-z0-9][a-z0-9._-]*");
      }
    }
    // Keys this type does not accept were reported above; reading them would
    // only add noise after the real error.
    auto key = [&](const char* k) {
      for (auto a : allowed) {
        if (a == k) return n[k];
      }
      return YAML::Node(YAML::NodeType::Undefined);
    };
    if (const auto& v = key("date")) a.date = r_.DateValue(v, "the activity date");
    if (const auto& v = key("description")) a.description = r_.Prose(v, "description").value_or("");
    if (const auto& v = key("via")) ParseCountryList(v, "via", a.via);
    if (const auto& v = key("vessel")) a.vessel = VesselRef(v, s, "vessel");
    if (const auto& v = key("exemption")) ParseExemption(v, a);
    if (const auto& v = key("from")) {
      a.from = a.type == ActivityType::kShipToShip ? VesselRef(v, s, "from") : PartyRef(v, "from");
    }
    if (const auto& v = key("to")) {
      a.to = a.type == ActivityType::kShipToShip ? VesselRef(v, s, "to") : PartyRef(v, "to");
    }
    if (const auto& v = key("person")) a.person = PartyRef(v, "person");
    if (const auto& v = key("parties")) {
      if (!v.IsSequence() || v.size() == 0) {
        r_.Error(v, "wrong_type", "parties of a joint venture must be a non-empty list of party ids");
      } else {
        for (const auto& p : v) a.parties.push_back(PartyRef(p, "parties"));
      }
    }
    if (const auto& v = key("items")) ParseItems(v, a, "items");
    if (const auto& v = key("subject")) ParseItems(v, a, "subject");
    if (const auto& v = key("service")) {
      if (auto t = r_.String(v, "service")) {
        a.service = ParseServiceKind(*t);
        if (!a.service) {
          UnknownName(v, "service", NamesOf(&ServiceKindName, ServiceKind::kOther),
                      " (see the scenario format for the list of services)");
        }
      }
    }
    if (const auto& v = key("amount_usd")) a.amount_usd = r_.Number(v, "amount_usd");
    if (const auto& v = key("workers")) a.workers = r_.Number(v, "workers");
    if (const auto& v = key("vehicle")) {
      if (auto t = r_.String(v, "vehicle")) {
        a.vehicle = ParseVehicle(*t);
        if (!a.vehicle) {
          UnknownName(v, "vehicle", NamesOf(&VehicleName, Vehicle::kCruiseMissile),
                      " (expected ballistic-missile, satellite-launcher or cruise-missile)");
        }
      }
    }
    if (const auto& v = key("destination")) a.destination = CountryValue(v, "destination");
    if (const auto& v = key("port_country")) a.port_country = CountryValue(v, "port_country");
    return ok;
  }

  void ParseCountryList(const YAML::Node& v, std::string_view what, std::vector<Country>& out) {
    if (!v.IsSequence()) {
      r_.Error(v, "wrong_type", std::string(what) + " must be a list of country codes, found " + Describe(v));
      return;
    }
    for (const auto& c : v) {
      if (auto country = CountryValue(c, what)) out.push_back(*country);
    }
  }

  void ParseExemption(const YAML::Node& v, Activity& a) {
    if (!r_.CheckMap(v, "exemption", {"kind", "reference"})) return;
    r_.Require(v, "exemption", {"kind"});
    Exemption e;
    // Kinds belong to the rule packs: the name is checked against the loaded
    // packs once they are known (rules::CheckExemptionClaims).
    if (const auto& k = v["kind"]) {
      if (auto t = r_.String(k, "kind")) {
        e.name = *t;
        e.kind = ParseExemptionKind(*t).value_or(ExemptionKind::kOther);
        e.pos = r_.Pos(k);
      }
    }
    if (const auto& ref = v["reference"]) e.reference = r_.String(ref, "reference").value_or("");
    a.exemption = e;
  }

  void ParseItems(const YAML::Node& v, Activity& a, std::string_view key) {
    if (!v.IsSequence() || v.size() == 0) {
      r_.Error(v, "wrong_type", std::string(key) + " must be a non-empty list of items, found " + Describe(v));
      return;
    }
    for (const auto& n : v) {
      Item item;
      item.pos = r_.Pos(n);
      if (!CheckKeys(n, "an item", {"description", "hs", "tags", "quantity", "unit", "value_usd", "origin"})) {
        continue;
      }
      r_.Require(n, "an item", {"description"});
      if (const auto& d = n["description"]) item.description = r_.String(d, "description").value_or("");
      if (const auto& h = n["hs"]) {
        if (auto text = r_.String(h, "hs")) {
          item.hs = HsCode::Parse(*text);
          if (!item.hs) {
            r_.Error(h, "bad_hs", "bad HS code " + Describe(h) +
                                      " (expected " + std::string(kHsCodeRule) + ")");
          }
        }
      }
      if (const auto& t = n["tags"]) {
        item.tags = r_.StringList(t, "tags").value_or(std::vector<std::string>{});
        if (item.tags.size() == t.size()) {
          for (const auto& e : t) item.tag_pos.push_back(r_.Pos(e));
        }
      }
      if (const auto& q = n["quantity"]) item.quantity = r_.Number(q, "quantity");
      if (const auto& u = n["unit"]) {
        if (auto t = r_.String(u, "unit")) {
          item.unit = ParseUnit(*t);
          if (!item.unit) UnknownName(u, "unit", NamesOf(&UnitName, kLastUnit), " (expected pcs, kg, t, l, bbl, m3 or MWh)");
        }
      }
      if (const auto& val = n["value_usd"]) item.value_usd = r_.Number(val, "value_usd");
      if (const auto& o = n["origin"]) item.origin = CountryValue(o, "origin");
      a.items.push_back(std::move(item));
    }
  }
};

}  // namespace

std::optional<Scenario> ParseScenarioNode(std::shared_ptr<const SourceFile> file, const YAML::Node& node,
                                          Diagnostics& diags) {
  ScenarioParser parser(file, diags);
  Scenario s;
  s.sha256 = Sha256Hex(file->text);
  const int errors_before = diags.error_count();
  if (!parser.ParseScenario(node, s) || diags.error_count() > errors_before) return std::nullopt;
  return s;
}

std::vector<Scenario> ParseScenarioText(const std::string& path, std::string text, Diagnostics& diags) {
  auto file = std::make_shared<SourceFile>(SourceFile{path, std::move(text)});
  ScenarioParser parser(file, diags);
  auto scenarios = parser.Parse();
  const std::string digest = Sha256Hex(file->text);
  for (auto& s : scenarios) s.sha256 = digest;
  return scenarios;
}

std::vector<Scenario> LoadScenarios(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<Scenario> all;
  const auto files = ExpandYamlPaths(paths.empty() ? std::vector<std::string>{"-"} : paths, diags,
                                     YamlSearch::kScenarios);
  for (const auto& path : files) {
    auto source = ReadSource(path, diags);
    if (!source) continue;
    auto scenarios = ParseScenarioText(source->path, source->text, diags);
    for (auto& s : scenarios) all.push_back(std::move(s));
  }
  CheckUniqueScenarioIds(all, diags);
  return all;
}

}  // namespace sancheck
