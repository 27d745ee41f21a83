// Literals of the condition language: enumerator names, numbers, dates, countries, tags and HS codes as typed constants.
#include "expr/literals.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace sancheck::expr {
namespace {

std::string Quote(std::string_view s) { return QuoteLiteral(s); }

// The enumerator names of each enum type, in enumerator order.
std::optional<int64_t> ParseEnum(Type t, std::string_view s) {
  std::optional<int64_t> v;
  auto take = [&](auto parsed) {
    if (parsed) v = static_cast<int64_t>(*parsed);
  };
  switch (t) {
    case Type::kActivityType: take(ParseActivityType(s)); break;
    case Type::kService: take(ParseServiceKind(s)); break;
    case Type::kPartyKind: take(ParsePartyKind(s)); break;
    case Type::kUnit: take(ParseUnit(s)); break;
    case Type::kVehicle: take(ParseVehicle(s)); break;
    case Type::kExemption: take(ParseExemptionKind(s)); break;
    default: break;
  }
  return v;
}

}  // namespace

std::string QuoteLiteral(std::string_view s) { return "'" + std::string(s) + "'"; }

// Converts a literal's text to a constant of type t; false with a message.
bool ConvertScalar(Type t, std::string_view text, const TagRegistry& tags, Operand& out,
                   std::string& error) {
  switch (t) {
    case Type::kBool:
      if (text == "true" || text == "false") {
        out.i = text == "true";
        return true;
      }
      error = "expected true or false, found " + Quote(text);
      return false;
    case Type::kNumber: {
      // Decimal notation only: strtod and from_chars would also take "nan",
      // "inf" and hex, and a comparison with NaN is false whatever the fact,
      // so such a rule could never fire.
      const bool decimal = !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) ||
                                             (text[0] == '-' && text.size() > 1 &&
                                              std::isdigit(static_cast<unsigned char>(text[1]))));
      const auto r = std::from_chars(text.data(), text.data() + text.size(), out.num);
      if (!decimal || r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(out.num)) {
        const bool special = r.ptr == text.data() + text.size() && r.ec == std::errc();  // "nan", "inf", "infinity"
        error = "expected a number, found " + Quote(text) +
                (special || decimal ? " (numbers are finite and decimal: no NaN, infinity or hex)" : "");
        return false;
      }
      return true;
    }
    case Type::kDate:
      if (auto d = Date::Parse(text)) {
        out.i = d->days;
        return true;
      }
      error = "expected a date (YYYY-MM-DD), found " + Quote(text);
      return false;
    case Type::kCountry:
      if (auto c = Country::Parse(text)) {
        out.i = c->code;
        return true;
      }
      error = "unknown country code " + Quote(text) + " (expected ISO 3166-1 alpha-2, e.g. KP)";
      return false;
    case Type::kTag: {
      const int bit = tags.Find(text);
      if (bit >= 0) {
        out.i = bit;
        return true;
      }
      error = "unknown tag " + Quote(text) + " (define it under the pack's 'tags:')";
      return false;
    }
    default:
      if (IsEnum(t)) {
        if (auto v = ParseEnum(t, text)) {
          out.i = *v;
          return true;
        }
        error = "unknown " + std::string(TypeName(t)) + " " + Quote(text);
        return false;
      }
      error = "a " + std::string(TypeName(t)) + " cannot be written as a literal";
      return false;
  }
}

bool AddSetValue(ValueSet& set, std::string_view text, const TagRegistry& tags, std::string& error) {
  ++set.size;
  if (set.element == Type::kHs) {
    const size_t dots = text.find("..");
    const std::string_view lo_text = dots == std::string_view::npos ? text : text.substr(0, dots);
    const std::string_view hi_text = dots == std::string_view::npos ? text : text.substr(dots + 2);
    const auto lo = HsCode::Parse(lo_text);
    const auto hi = HsCode::Parse(hi_text);
    if (!lo || !hi) {
      error = "expected an HS code (" + std::string(kHsCodeRule) + "; or a range like 72..83), found " + Quote(text);
      return false;
    }
    if (lo->digits() != hi->digits() || hi->value() < lo->value()) {
      error = "HS range " + Quote(text) + " must go upwards between codes of the same length";
      return false;
    }
    set.hs.emplace_back(lo->Low(), hi->High());
    return true;
  }
  Operand value;
  if (!ConvertScalar(set.element, text, tags, value, error)) return false;
  switch (set.element) {
    case Type::kCountry: set.countries.set(static_cast<size_t>(value.i)); break;
    case Type::kTag: set.tags.set(static_cast<size_t>(value.i)); break;
    case Type::kNumber: set.numbers.push_back(value.num); break;
    case Type::kDate: set.dates.push_back(static_cast<int32_t>(value.i)); break;
    default: set.enums |= uint64_t{1} << value.i; break;
  }
  return true;
}

std::optional<Type> ParseSetType(std::string_view name) {
  static const std::pair<std::string_view, Type> kTypes[] = {
      {"hs", Type::kHs}, {"country", Type::kCountry}, {"tag", Type::kTag},
      {"service", Type::kService}, {"activity-type", Type::kActivityType},
      {"party-kind", Type::kPartyKind}, {"unit", Type::kUnit}, {"vehicle", Type::kVehicle},
      {"exemption", Type::kExemption}, {"number", Type::kNumber}, {"date", Type::kDate}};
  for (const auto& [n, t] : kTypes) {
    if (n == name) return t;
  }
  return std::nullopt;
}

}  // namespace sancheck::expr
