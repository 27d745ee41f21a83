// The condition language's static types and the fact layout its compiled programs read.
#pragma once

#include <bitset>
#include <cstdint>
#include <string_view>

#include "sancheck/core_types.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::expr {

enum class Type : uint8_t {
  kBool, kNumber, kDate, kCountry, kHs, kTag,
  kActivityType, kService, kPartyKind, kUnit, kVehicle, kExemption,
  kCountryList, kTagList,
};

std::string_view TypeName(Type t);
bool IsList(Type t);
Type ElementType(Type list);  ///< kCountryList → kCountry, kTagList → kTag
bool IsEnum(Type t);          ///< activity type, service, party kind, unit, vehicle, exemption
bool IsOrdered(Type t);       ///< number and date: < <= > >= allowed

/// Tags are interned per rule set; 128 is far above the built-in vocabulary (43).
inline constexpr int kMaxTags = 128;
using TagSet = std::bitset<kMaxTags>;
using CountrySet = std::bitset<Country::kCount>;

/// A fact that may be absent from the scenario.
template <typename T>
struct Known {
  bool known = false;
  T value{};
  void Set(T v) {
    known = true;
    value = v;
  }
};

/// Facts of one party as the conditions see them. `designated` is three-valued:
/// a possible screening match is kUnknown, so rules reading it yield review.
struct PartyFacts {
  bool present = false;
  int party = -1;  ///< index into Scenario::parties
  Country country;
  PartyKind kind = PartyKind::kCompany;
  Truth designated = Truth::kFalse;
};

struct ItemFacts {
  Known<HsCode> hs;
  uint64_t hs_lo = 0, hs_hi = 0;  ///< HsCode::Low()/High(), precomputed
  TagSet tags;
  /// The item carries a tag no loaded pack knows: whether it is in a set of tags cannot be
  /// told (a misspelt "amunition" must not read as "not ammunition").
  bool unknown_tags = false;
  Known<double> quantity;
  Known<Unit> unit;
  Known<double> value_usd;
  Known<Country> origin;
};

/// Everything a condition can read about one activity, laid out for direct
/// access: the compiled program never looks anything up by name.
struct ActivityFacts {
  ActivityType type = ActivityType::kSupply;
  Date date;
  Known<ServiceKind> service;
  CountrySet via;
  Known<ExemptionKind> exemption;
  Known<double> amount_usd;
  Known<double> workers;
  Known<Vehicle> vehicle;
  Known<Country> destination;
  Known<Country> port_country;
  PartyFacts from, to, person, vessel;
  CountrySet party_countries;    ///< every party named by the activity
  Truth any_designated = Truth::kFalse;
  bool any_cleared = false;     ///< a screening match of some party was cleared
  Truth any_listed = Truth::kFalse;  ///< some party is on another sanctions list (unknown: possibly)
  TagSet listed_under;          ///< the regime tags of those lists' entries
  bool designations_stale = false;  ///< the designation list is too old for the activity's date
  Truth served_prohibited = Truth::kFalse;  ///< verdict of the activity served (for:)
  bool serves = false;                      ///< the activity serves another (for:)
  const ItemFacts* items = nullptr;
  uint32_t item_count = 0;
  /// The origin of an item that gives none: the supplier's country, unless the supplier is a
  /// vessel (a flag is no origin). It is also the origin of a service's subject not given.
  Known<Country> default_origin;
};

}  // namespace sancheck::expr
