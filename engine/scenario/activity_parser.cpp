// ActivityParser: activities strictly checked against scenario format v1 — keys per type, party references, items, `for:` chains.
#include "scenario/activity_parser.hpp"

#include <cstdint>

namespace sancheck {
namespace {

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

}  // namespace

template <typename Node>
void ActivityParser<Node>::ParseActivities(const Node& list, Scenario& s) {
  if (!list.IsSequence() || list.size() == 0) {
    f_.r.Error(list, "wrong_type", "activities must be a non-empty list, found " + Describe(list));
    return;
  }
  std::unordered_map<std::string, int> activity_index;
  Served served;
  for (const auto& n : list) {
    Activity a;
    if (ParseActivity(n, s, a)) {
      if (!activity_index.try_emplace(a.id, static_cast<int>(s.activities.size())).second) {
        f_.r.Error(n["id"], "duplicate_id", "duplicate activity id '" + a.id + "' in scenario '" + s.id + "'");
      }
      if (const auto& f = n["for"]) served.emplace_back(s.activities.size(), f);
      s.activities.push_back(std::move(a));
    }
  }
  ResolveServed(served, activity_index, s);
}

// `for:` names an activity of the same scenario, possibly a later one; chains are
// allowed (insurance for the transport of a supply), cycles are not.
template <typename Node>
void ActivityParser<Node>::ResolveServed(const Served& served, const std::unordered_map<std::string, int>& activity_index,
                                         Scenario& s) {
  for (const auto& [index, node] : served) {
    const auto id = f_.r.String(node, "for");
    if (!id) continue;
    const auto found = activity_index.find(*id);
    const int target = found == activity_index.end() ? -1 : found->second;
    if (target < 0) {
      f_.r.Error(node, "unknown_activity", "'for' names no activity of scenario '" + s.id + "': " + Describe(node));
    } else if (static_cast<size_t>(target) == index) {
      f_.r.Error(node, "bad_value", "an activity cannot serve itself ('for: " + *id + "')");
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
template <typename Node>
void ActivityParser<Node>::ReportCycle(const Served& served, size_t on, Scenario& s) {
  const Node* where = &served.front().second;
  for (const auto& [index, node] : served) {
    if (index == on) where = &node;
  }
  f_.r.Error(*where, "bad_value",
             "the 'for' links of scenario '" + s.id + "' form a cycle through activity '" + s.activities[on].id + "'");
  for (auto& a : s.activities) a.serves = -1;
}

template <typename Node>
bool ActivityParser<Node>::ParseActivity(const Node& n, const Scenario& s, Activity& a) {
  YamlReader& r = f_.r;
  a.pos = r.Pos(n);
  if (!n.IsMap()) {
    r.Error(n, "wrong_type", "an activity must be a map, found " + Describe(n));
    return false;
  }
  const auto& type_node = n["type"];
  if (!type_node) {
    r.Error(n, "missing_key", "an activity needs 'type'");
    return false;
  }
  auto type_text = r.String(type_node, "type");
  if (!type_text) return false;
  auto type = ParseActivityType(*type_text);
  if (!type) {
    f_.UnknownName(type_node, "activity type", EnumNames<ActivityType>(), "activity-types");
    return false;
  }
  a.type = *type;
  const std::string what = "a " + *type_text + " activity";
  const TypeKeys keys = KeysFor(a.type);
  // The common keys plus the type's own, checked in one pass so that the
  // message lists exactly what this type accepts.
  std::vector<std::string_view> allowed = {"id", "type", "date", "description", "via", "vessel", "exemption", "for"};
  allowed.insert(allowed.end(), keys.allowed.begin(), keys.allowed.end());
  f_.CheckKeys(n, what, allowed);
  bool ok = r.Require(n, what, {"id"});
  for (auto req : keys.required) {
    if (!n[std::string(req)]) {
      r.Error(n, "missing_key", what + " needs '" + std::string(req) + "'");
      ok = false;
    }
  }
  if (const auto& v = n["id"]) {
    a.id = r.String(v, "id").value_or("");
    if (!a.id.empty() && !ValidId(a.id)) {
      r.Error(v, "bad_id", "activity id " + Describe(v) + " must match [a-z0-9][a-z0-9._-]*");
    }
  }
  // Keys this type does not accept were reported above; reading them would
  // only add noise after the real error.
  auto key = [&](const char* k) -> Node {
    for (auto name : allowed) {
      if (name == k) return n[k];
    }
    return UndefinedNode<Node>();
  };
  if (const auto& v = key("date")) a.date = r.DateValue(v, "the activity date");
  if (const auto& v = key("description")) a.description = r.Prose(v, "description").value_or("");
  if (const auto& v = key("via")) ParseCountryList(v, "via", a.via);
  if (const auto& v = key("vessel")) a.vessel = f_.VesselRef(v, s, "vessel");
  if (const auto& v = key("exemption")) ParseExemption(v, a);
  if (const auto& v = key("from")) {
    a.from = a.type == ActivityType::kShipToShip ? f_.VesselRef(v, s, "from") : f_.PartyRef(v, "from");
  }
  if (const auto& v = key("to")) {
    a.to = a.type == ActivityType::kShipToShip ? f_.VesselRef(v, s, "to") : f_.PartyRef(v, "to");
  }
  if (const auto& v = key("person")) a.person = f_.PartyRef(v, "person");
  if (const auto& v = key("parties")) {
    if (!v.IsSequence() || v.size() == 0) {
      r.Error(v, "wrong_type", "parties of a joint venture must be a non-empty list of party ids");
    } else {
      for (const auto& p : v) a.parties.push_back(f_.PartyRef(p, "parties"));
    }
  }
  if (const auto& v = key("items")) ParseItems(v, a, "items");
  if (const auto& v = key("subject")) ParseItems(v, a, "subject");
  if (const auto& v = key("service")) {
    if (auto t = r.String(v, "service")) {
      a.service = ParseServiceKind(*t);
      if (!a.service) {
        f_.UnknownName(v, "service", EnumNames<ServiceKind>(), "services");
      }
    }
  }
  if (const auto& v = key("amount_usd")) a.amount_usd = r.Number(v, "amount_usd");
  if (const auto& v = key("workers")) a.workers = r.Number(v, "workers");
  if (const auto& v = key("vehicle")) {
    if (auto t = r.String(v, "vehicle")) {
      a.vehicle = ParseVehicle(*t);
      if (!a.vehicle) {
        f_.UnknownName(v, "vehicle", EnumNames<Vehicle>(), "vehicles");
      }
    }
  }
  if (const auto& v = key("destination")) a.destination = f_.CountryValue(v, "destination");
  if (const auto& v = key("port_country")) a.port_country = f_.CountryValue(v, "port_country");
  return ok;
}

template <typename Node>
void ActivityParser<Node>::ParseCountryList(const Node& v, std::string_view what, std::vector<Country>& out) {
  if (!v.IsSequence()) {
    f_.r.Error(v, "wrong_type", std::string(what) + " must be a list of country codes, found " + Describe(v));
    return;
  }
  for (const auto& c : v) {
    if (auto country = f_.CountryValue(c, what)) out.push_back(*country);
  }
}

template <typename Node>
void ActivityParser<Node>::ParseExemption(const Node& v, Activity& a) {
  YamlReader& r = f_.r;
  if (!r.CheckMap(v, "exemption", {"kind", "reference"})) return;
  r.Require(v, "exemption", {"kind"});
  Exemption e;
  // Kinds belong to the rule packs: the name is checked against the loaded
  // packs once they are known (rules::CheckExemptionClaims).
  if (const auto& k = v["kind"]) {
    if (auto t = r.String(k, "kind")) {
      e.name = *t;
      e.kind = ParseExemptionKind(*t).value_or(ExemptionKind::kOther);
      e.pos = r.Pos(k);
    }
  }
  if (const auto& ref = v["reference"]) e.reference = r.String(ref, "reference").value_or("");
  a.exemption = e;
}

template <typename Node>
void ActivityParser<Node>::ParseItems(const Node& v, Activity& a, std::string_view key) {
  YamlReader& r = f_.r;
  if (!v.IsSequence() || v.size() == 0) {
    r.Error(v, "wrong_type", std::string(key) + " must be a non-empty list of items, found " + Describe(v));
    return;
  }
  for (const auto& n : v) {
    Item item;
    item.pos = r.Pos(n);
    if (!f_.CheckKeys(n, "an item", {"description", "hs", "tags", "quantity", "unit", "value_usd", "origin"})) {
      continue;
    }
    r.Require(n, "an item", {"description"});
    if (const auto& d = n["description"]) item.description = r.String(d, "description").value_or("");
    if (const auto& h = n["hs"]) {
      if (auto text = r.String(h, "hs")) {
        item.hs = HsCode::Parse(*text);
        if (!item.hs) {
          r.Error(h, "bad_hs", "bad HS code " + Describe(h) + " (expected " + std::string(kHsCodeRule) + ")");
        }
      }
    }
    if (const auto& t = n["tags"]) {
      item.tags = r.StringList(t, "tags").value_or(std::vector<std::string>{});
      if (item.tags.size() == t.size()) {
        for (const auto& e : t) item.tag_pos.push_back(r.Pos(e));
      }
    }
    if (const auto& q = n["quantity"]) item.quantity = r.Number(q, "quantity");
    if (const auto& u = n["unit"]) {
      if (auto t = r.String(u, "unit")) {
        item.unit = ParseUnit(*t);
        if (!item.unit) f_.UnknownUnit(u);
      }
    }
    if (const auto& val = n["value_usd"]) item.value_usd = r.Number(val, "value_usd");
    if (const auto& o = n["origin"]) item.origin = f_.CountryValue(o, "origin");
    a.items.push_back(std::move(item));
  }
}

template class ActivityParser<YAML::Node>;
template class ActivityParser<CompactNode>;

}  // namespace sancheck
