// IMO ship identification numbers: seven digits whose last is a check digit.
#pragma once

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

static_assert(IsImoNumber("9176187") && !IsImoNumber("9176188") && !IsImoNumber("917618"));

}  // namespace sancheck
