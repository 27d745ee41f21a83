// FactText(): one fact of an activity or item, as explain shows it next to the sub-condition that read it.
#include "explain/fact_text.hpp"

#include "common/number_text.hpp"

namespace sancheck::explain {
namespace {

using expr::FieldId;

template <typename T, typename F>
std::string KnownText(const expr::Known<T>& k, F name) {
  return k.known ? std::string(name(k.value)) : "absent";
}

std::string Countries(const expr::CountrySet& set) {
  std::string out;
  for (size_t i = 0; i < set.size(); ++i) {
    if (set.test(i)) out += (out.empty() ? "" : ", ") + Country{static_cast<uint16_t>(i)}.ToString();
  }
  return "[" + out + "]";
}

std::string Party(const expr::PartyFacts& p, const Scenario& s, FieldId f) {
  if (!p.present) return "absent";
  std::string value;
  switch (f) {
    case FieldId::kFromKind: case FieldId::kToKind: case FieldId::kPersonKind: case FieldId::kVesselKind:
      value = std::string(PartyKindName(p.kind));
      break;
    case FieldId::kFromDesignated: case FieldId::kToDesignated: case FieldId::kPersonDesignated:
    case FieldId::kVesselDesignated:
      value = p.designated == Truth::kTrue ? "true" : (p.designated == Truth::kFalse ? "false" : "unknown (possible match)");
      break;
    default: value = p.country.ToString(); break;
  }
  if (p.party >= 0 && static_cast<size_t>(p.party) < s.parties.size()) {
    value += " (" + s.parties[static_cast<size_t>(p.party)].name + ")";
  }
  return value;
}

std::string TagNames(const expr::TagSet& set, const expr::TagRegistry& tags) {
  std::string out;
  for (size_t i = 0; i < tags.names().size(); ++i) {
    if (set.test(i)) out += (out.empty() ? "" : ", ") + tags.names()[i];
  }
  return "[" + out + "]";
}

}  // namespace

std::string FactText(FieldId field, const expr::ActivityFacts& a, const expr::ItemFacts* item,
                     const Scenario& s, const expr::TagRegistry& tags) {
  switch (field) {
    case FieldId::kType: return std::string(ActivityTypeName(a.type));
    case FieldId::kDate: return a.date.ToString();
    case FieldId::kService: return KnownText(a.service, ServiceKindName);
    case FieldId::kVia: return Countries(a.via);
    case FieldId::kExemption: return KnownText(a.exemption, ExemptionKindName);
    case FieldId::kAmountUsd: return a.amount_usd.known ? NumberText(a.amount_usd.value) : "absent";
    case FieldId::kWorkers: return a.workers.known ? NumberText(a.workers.value) : "absent";
    case FieldId::kVehicle: return KnownText(a.vehicle, VehicleName);
    case FieldId::kDestination: return a.destination.known ? a.destination.value.ToString() : "absent";
    case FieldId::kPortCountry: return a.port_country.known ? a.port_country.value.ToString() : "absent";
    case FieldId::kFromCountry: case FieldId::kFromKind: case FieldId::kFromDesignated:
      return Party(a.from, s, field);
    case FieldId::kToCountry: case FieldId::kToKind: case FieldId::kToDesignated:
      return Party(a.to, s, field);
    case FieldId::kPersonCountry: case FieldId::kPersonKind: case FieldId::kPersonDesignated:
      return Party(a.person, s, field);
    case FieldId::kVesselCountry: case FieldId::kVesselKind: case FieldId::kVesselDesignated:
      return Party(a.vessel, s, field);
    case FieldId::kPartiesCountry: return Countries(a.party_countries);
    case FieldId::kPartiesDesignated:
      return a.any_designated == Truth::kTrue ? "true" : (a.any_designated == Truth::kFalse ? "false" : "unknown (possible match)");
    case FieldId::kPartiesCleared: return a.any_cleared ? "true" : "false";
    case FieldId::kPartiesListed:
      return a.any_listed == Truth::kTrue ? "true" : (a.any_listed == Truth::kFalse ? "false" : "unknown (possible match)");
    case FieldId::kPartiesListedUnder: return TagNames(a.listed_under, tags);
    case FieldId::kDesignationsStale: return a.designations_stale ? "true" : "false";
    case FieldId::kServedProhibited:
      return a.served_prohibited == Truth::kTrue    ? "true (the activity it serves is prohibited)"
             : a.served_prohibited == Truth::kFalse ? "false"
                                                    : "unknown (the activity it serves is under review)";
    case FieldId::kServes: return a.serves ? "true" : "false";
    default: break;
  }
  // No item: a service whose subject is not given; its origin is the default one.
  if (!item && field == FieldId::kItemOrigin) {
    return a.default_origin.known ? a.default_origin.value.ToString() + " (default; no subject given)" : "absent";
  }
  if (!item) return "unknown (no subject given)";
  switch (field) {
    case FieldId::kItemHs: return item->hs.known ? item->hs.value.ToString() : "absent";
    case FieldId::kItemTags: return TagNames(item->tags, tags);
    case FieldId::kItemQuantity: return item->quantity.known ? NumberText(item->quantity.value) : "absent";
    case FieldId::kItemUnit: return KnownText(item->unit, UnitName);
    case FieldId::kItemValueUsd: return item->value_usd.known ? NumberText(item->value_usd.value) : "absent";
    case FieldId::kItemOrigin: return item->origin.known ? item->origin.value.ToString() : "absent";
    default: return "?";
  }
}

}  // namespace sancheck::explain
