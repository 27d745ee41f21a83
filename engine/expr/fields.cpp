// The field table: every fact a condition can read, with its type and documentation line.
#include "expr/fields.hpp"

#include "common/strings.hpp"

#include <algorithm>
#include <string>

namespace sancheck::expr {

const std::vector<FieldInfo>& AllFields() {
  using F = FieldId;
  using T = Type;
  static const std::vector<FieldInfo> fields = {
      {F::kType, "type", T::kActivityType, false, "the activity type (supply, service, travel, ...)"},
      {F::kDate, "date", T::kDate, false, "the date the activity is judged on"},
      {F::kService, "service", T::kService, false, "the service provided (service activities)"},
      {F::kVia, "via", T::kCountryList, false, "transit countries"},
      {F::kExemption, "exemption", T::kExemption, false, "the kind of exemption claimed"},
      {F::kAmountUsd, "amount_usd", T::kNumber, false, "amount of a service or joint venture, US$"},
      {F::kWorkers, "workers", T::kNumber, false, "number of workers (employment)"},
      {F::kVehicle, "vehicle", T::kVehicle, false, "what was launched (launch)"},
      {F::kDestination, "destination", T::kCountry, false, "country a person travels to"},
      {F::kPortCountry, "port_country", T::kCountry, false, "country of the port (port-call)"},
      {F::kFromCountry, "from.country", T::kCountry, false, "country of the supplier/provider"},
      {F::kFromKind, "from.kind", T::kPartyKind, false, "kind of the supplier/provider"},
      {F::kFromDesignated, "from.designated", T::kBool, false, "supplier is a designated person or entity"},
      {F::kToCountry, "to.country", T::kCountry, false, "country of the recipient"},
      {F::kToKind, "to.kind", T::kPartyKind, false, "kind of the recipient"},
      {F::kToDesignated, "to.designated", T::kBool, false, "recipient is designated"},
      {F::kPersonCountry, "person.country", T::kCountry, false, "nationality of the traveller"},
      {F::kPersonKind, "person.kind", T::kPartyKind, false, "kind of the traveller party"},
      {F::kPersonDesignated, "person.designated", T::kBool, false, "traveller is designated"},
      {F::kVesselCountry, "vessel.country", T::kCountry, false, "flag state of the vessel"},
      {F::kVesselKind, "vessel.kind", T::kPartyKind, false, "kind of the vessel party"},
      {F::kVesselDesignated, "vessel.designated", T::kBool, false, "vessel is designated"},
      {F::kPartiesCountry, "parties.country", T::kCountryList, false, "countries of every party of the activity"},
      {F::kPartiesDesignated, "parties.designated", T::kBool, false, "some party of the activity is designated"},
      {F::kPartiesCleared, "parties.cleared", T::kBool, false, "a party's designation match was cleared as a false positive"},
      {F::kPartiesListed, "parties.listed", T::kBool, false,
       "some party matches an entry of another sanctions list (another UN regime, OFAC, an own list); "
       "unknown for a possible match"},
      {F::kPartiesListedUnder, "parties.listed_under", T::kTagList, false,
       "the regimes of those entries, as tags (un-al-qaida, ofac, own-list...; see docs/screening.md)"},
      {F::kDesignationsStale, "designations.stale", T::kBool, false,
       "the designation list is older than the activity by more than the staleness limit (default 180 days)"},
      {F::kServedProhibited, "served.prohibited", T::kBool, false,
       "the activity this one serves (for:) is prohibited; unknown when it is under review, false without for:"},
      {F::kServes, "serves", T::kBool, false, "the activity serves another activity of the scenario (for:)"},
      {F::kItemHs, "item.hs", T::kHs, true, "HS code of the current item"},
      {F::kItemTags, "item.tags", T::kTagList, true, "tags of the current item"},
      {F::kItemQuantity, "item.quantity", T::kNumber, true, "quantity of the current item"},
      {F::kItemUnit, "item.unit", T::kUnit, true, "unit of the quantity"},
      {F::kItemValueUsd, "item.value_usd", T::kNumber, true, "value of the current item, US$"},
      {F::kItemOrigin, "item.origin", T::kCountry, true, "country of origin (default: the supplier's)"},
  };
  return fields;
}

std::optional<FieldInfo> FindField(std::string_view name) {
  for (const auto& f : AllFields()) {
    if (f.name == name) return f;
  }
  return std::nullopt;
}

const FieldInfo& Field(FieldId id) { return AllFields()[static_cast<size_t>(id)]; }

std::string_view SuggestField(std::string_view name) {
  std::string_view best;
  size_t best_distance = 3;  // suggest only close misspellings
  for (const auto& f : AllFields()) {
    // A field name with something appended ("item.hscode") is a likely slip too.
    if (name.size() > f.name.size() && name.substr(0, f.name.size()) == f.name) return f.name;
  }
  for (const auto& f : AllFields()) {
    const size_t d = EditDistance(name, f.name);
    if (d < best_distance) {
      best_distance = d;
      best = f.name;
    }
  }
  return best;
}

}  // namespace sancheck::expr
