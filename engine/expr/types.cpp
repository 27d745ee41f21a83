// Names and properties of the condition language's types; HS interval sets.
#include <algorithm>

#include "expr/program.hpp"
#include "expr/types.hpp"

namespace sancheck::expr {

std::string_view TypeName(Type t) {
  switch (t) {
    case Type::kBool: return "boolean";
    case Type::kNumber: return "number";
    case Type::kDate: return "date";
    case Type::kCountry: return "country";
    case Type::kHs: return "HS code";
    case Type::kTag: return "tag";
    case Type::kActivityType: return "activity type";
    case Type::kService: return "service";
    case Type::kPartyKind: return "party kind";
    case Type::kUnit: return "unit";
    case Type::kVehicle: return "vehicle";
    case Type::kExemption: return "exemption kind";
    case Type::kCountryList: return "list of countries";
    case Type::kTagList: return "list of tags";
  }
  return "?";
}

bool IsList(Type t) { return t == Type::kCountryList || t == Type::kTagList; }
Type ElementType(Type t) { return t == Type::kCountryList ? Type::kCountry : Type::kTag; }
bool IsEnum(Type t) {
  return t == Type::kActivityType || t == Type::kService || t == Type::kPartyKind ||
         t == Type::kUnit || t == Type::kVehicle || t == Type::kExemption;
}
bool IsOrdered(Type t) { return t == Type::kNumber || t == Type::kDate; }

void ValueSet::Normalize() {
  std::sort(hs.begin(), hs.end());
  std::vector<std::pair<uint64_t, uint64_t>> merged;
  for (const auto& iv : hs) {
    if (!merged.empty() && iv.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, iv.second);
    } else {
      merged.push_back(iv);
    }
  }
  hs = std::move(merged);
  std::sort(numbers.begin(), numbers.end());
  std::sort(dates.begin(), dates.end());
}

HsIntervals IntersectIntervals(const HsIntervals& a, const HsIntervals& b) {
  HsIntervals out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      const uint64_t lo = std::max(x.first, y.first), hi = std::min(x.second, y.second);
      if (lo <= hi) out.emplace_back(lo, hi);
    }
  }
  return out;
}

Truth ValueSet::ContainsHs(uint64_t lo, uint64_t hi) const {
  // First interval whose end is at or after lo: the only one that can contain
  // [lo, hi]; any overlap with it or a later one makes the answer unknown.
  auto it = std::lower_bound(hs.begin(), hs.end(), lo,
                             [](const auto& iv, uint64_t v) { return iv.second < v; });
  if (it == hs.end()) return Truth::kFalse;
  if (it->first <= lo && hi <= it->second) return Truth::kTrue;
  if (it->first > hi) return Truth::kFalse;
  return Truth::kUnknown;
}

}  // namespace sancheck::expr
