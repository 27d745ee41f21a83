// IMO ship identification numbers: seven digits whose last is a check digit.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sancheck {

/// Whether `digits` is a ship's IMO number: seven digits, the last the sum of the first six
/// weighted 7 down to 2, modulo 10. A clerk's slip in one digit, or two swapped, fails the check.
/// (The IMO's company and registered-owner numbers are numbered otherwise: not checked so.)
constexpr bool IsImoNumber(std::string_view digits) {
  if (digits.size() != 7) return false;
  int sum = 0;
  for (size_t i = 0; i < 7; ++i) {
    if (digits[i] < '0' || digits[i] > '9') return false;
    if (i < 6) sum += (digits[i] - '0') * static_cast<int>(7 - i);
  }
  return sum % 10 == digits[6] - '0';
}

/// Seven digits as one integer (an IMO number's key for sorted lookups), or none when `digits`
/// are not seven decimal digits. The check digit is not tested: a listed number is kept as listed.
constexpr std::optional<uint32_t> ImoValue(std::string_view digits) {
  if (digits.size() != 7) return std::nullopt;
  uint32_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  return value;
}

static_assert(ImoValue("9176187") == 9176187u && !ImoValue("917618") && !ImoValue("91761a7"));
static_assert(IsImoNumber("9176187") && !IsImoNumber("9176188") && !IsImoNumber("917618"));

}  // namespace sancheck
