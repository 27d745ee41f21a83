// EnumNames<E>(): the names an enumeration of the file formats is written with, in order — one list for error hints and schemas.
#pragma once

#include <string_view>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {
namespace enum_names {

// Each enumeration's last value and its name function: the one place to change when a value is added.
template <typename E>
struct Of;
#define SANCHECK_ENUM_NAMES(E, LAST, NAME)              \
  template <>                                           \
  struct Of<E> {                                        \
    static constexpr E kLast = LAST;                    \
    static std::string_view Name(E e) { return NAME(e); } \
  };
SANCHECK_ENUM_NAMES(PartyKind, PartyKind::kOrganisation, PartyKindName)
SANCHECK_ENUM_NAMES(ActivityType, ActivityType::kShipToShip, ActivityTypeName)
SANCHECK_ENUM_NAMES(ServiceKind, ServiceKind::kOther, ServiceKindName)
SANCHECK_ENUM_NAMES(Unit, kLastUnit, UnitName)
SANCHECK_ENUM_NAMES(Vehicle, Vehicle::kCruiseMissile, VehicleName)
SANCHECK_ENUM_NAMES(Verdict, Verdict::kProhibited, VerdictName)
#undef SANCHECK_ENUM_NAMES

}  // namespace enum_names

/// Every name of enumeration E, in the order of its values.
template <typename E>
std::vector<std::string_view> EnumNames() {
  std::vector<std::string_view> out;
  for (int i = 0; i <= static_cast<int>(enum_names::Of<E>::kLast); ++i) {
    out.push_back(enum_names::Of<E>::Name(static_cast<E>(i)));
  }
  return out;
}

}  // namespace sancheck
