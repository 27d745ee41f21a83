// Reads a compiled set back into text: the built-in packs are bundled compiled, so the YAML is not there to quote.
#include "expr/set_members.hpp"

#include "common/number_text.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::expr {
namespace {

std::string_view EnumName(Type t, int i) {
  switch (t) {
    case Type::kActivityType: return ActivityTypeName(static_cast<ActivityType>(i));
    case Type::kService: return ServiceKindName(static_cast<ServiceKind>(i));
    case Type::kPartyKind: return PartyKindName(static_cast<PartyKind>(i));
    case Type::kUnit: return UnitName(static_cast<Unit>(i));
    case Type::kVehicle: return VehicleName(static_cast<Vehicle>(i));
    case Type::kExemption: return ExemptionKindName(static_cast<ExemptionKind>(i));
    default: return "?";
  }
}

// The shortest code whose 10-digit interval starts at `lo` (ends at `hi` when `upper`): an HS
// code of n digits covers every 10-digit code it begins.
std::string HsPrefix(uint64_t v, bool upper) {
  std::string digits = std::to_string(v);
  digits.insert(0, 10 - std::min<size_t>(digits.size(), 10), '0');
  const char pad = upper ? '9' : '0';
  size_t len = digits.size();
  // Chapters have 2 digits, then headings and subheadings add 2 at a time.
  while (len > 2 && digits[len - 1] == pad && digits[len - 2] == pad) len -= 2;
  return digits.substr(0, len);
}

}  // namespace

std::vector<std::string> SetMembers(const ValueSet& set, const TagRegistry& tags) {
  std::vector<std::string> out;
  for (size_t i = 0; i < set.countries.size(); ++i) {
    if (set.countries.test(i)) out.push_back(Country{static_cast<uint16_t>(i)}.ToString());
  }
  for (size_t i = 0; i < set.tags.size() && i < tags.names().size(); ++i) {
    if (set.tags.test(i)) out.push_back(tags.names()[i]);
  }
  const Type element = IsList(set.element) ? ElementType(set.element) : set.element;
  if (IsEnum(element)) {
    for (int i = 0; i < 64; ++i) {
      if (set.enums >> i & 1) out.emplace_back(EnumName(element, i));
    }
  }
  for (const auto& [lo, hi] : set.hs) {
    const std::string first = HsPrefix(lo, false), last = HsPrefix(hi, true);
    out.push_back(first == last ? first : first + ".." + last);
  }
  // Up to 15 digits: members that differ (1000000 and 1000001) never print alike.
  for (double n : set.numbers) out.push_back(NumberText(n));
  for (int32_t d : set.dates) out.push_back(Date{d}.ToString());
  return out;
}

}  // namespace sancheck::expr
