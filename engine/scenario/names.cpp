// The scenario format's enumerations as written in files (party kinds, activity types, services, ...).
#include <array>

#include "sancheck/scenario.hpp"

namespace sancheck {
namespace {

template <typename E, size_t N>
std::optional<E> Lookup(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Each table is in enumerator order.
constexpr std::array<std::string_view, 8> kPartyKinds = {
    "state", "government", "military", "company", "bank", "individual", "vessel", "organisation"};
constexpr std::array<std::string_view, 9> kActivityTypes = {
    "supply", "service", "travel", "employment", "joint-venture", "launch", "nuclear-test",
    "port-call", "ship-to-ship"};
// Extensions of the format: `property` (letting, leasing or using real property, for 2321 OP18)
// and `brokering` (arranging a deal between others as an intermediary).
constexpr std::array<std::string_view, 18> kServices = {
    "technical-assistance", "training", "scientific-cooperation", "maintenance", "financial",
    "banking", "insurance", "investment", "crew", "bunkering", "flagging", "chartering",
    "classification", "transport", "military-demonstration", "property", "brokering", "other"};
constexpr std::array<std::string_view, 7> kUnits = {"pcs", "kg", "t", "l", "bbl", "m3", "MWh"};
constexpr std::array<std::string_view, 3> kVehicles = {"ballistic-missile", "satellite-launcher",
                                                       "cruise-missile"};
constexpr std::array<std::string_view, 6> kExemptions = {
    "committee-approval", "humanitarian", "medical", "rajin-khasan", "diplomatic", "other"};

}  // namespace

std::string_view PartyKindName(PartyKind k) { return kPartyKinds[static_cast<size_t>(k)]; }
std::string_view ActivityTypeName(ActivityType t) { return kActivityTypes[static_cast<size_t>(t)]; }
std::string_view ServiceKindName(ServiceKind s) { return kServices[static_cast<size_t>(s)]; }
std::string_view UnitName(Unit u) { return kUnits[static_cast<size_t>(u)]; }
std::string_view VehicleName(Vehicle v) { return kVehicles[static_cast<size_t>(v)]; }
std::string_view ExemptionKindName(ExemptionKind e) { return kExemptions[static_cast<size_t>(e)]; }

std::optional<PartyKind> ParsePartyKind(std::string_view s) { return Lookup<PartyKind>(kPartyKinds, s); }
std::optional<ActivityType> ParseActivityType(std::string_view s) {
  return Lookup<ActivityType>(kActivityTypes, s);
}
std::optional<ServiceKind> ParseServiceKind(std::string_view s) { return Lookup<ServiceKind>(kServices, s); }
std::optional<Unit> ParseUnit(std::string_view s) { return Lookup<Unit>(kUnits, s); }
std::optional<Vehicle> ParseVehicle(std::string_view s) { return Lookup<Vehicle>(kVehicles, s); }
std::optional<ExemptionKind> ParseExemptionKind(std::string_view s) {
  return Lookup<ExemptionKind>(kExemptions, s);
}

int Scenario::FindParty(std::string_view party_id) const {
  for (size_t i = 0; i < parties.size(); ++i) {
    if (parties[i].id == party_id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace sancheck
