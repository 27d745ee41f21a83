// ShortDecimal(): the exact fast path for short plain decimals (an integer over a power of ten).
#include "common/short_decimal.hpp"

#include <array>
#include <cstdint>

namespace sancheck {

std::optional<double> ShortDecimal(std::string_view text) {
  constexpr size_t kMostDigits = 15;  // 10^15 - 1 < 2^53: every such integer is an exact double
  static constexpr std::array<double, kMostDigits> kPowers = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6, 1e7,
                                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14};
  if (text.empty() || text.size() > kMostDigits + 1) return std::nullopt;
  uint64_t digits = 0;
  size_t count = 0, fraction = 0;
  bool point = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits = digits * 10 + static_cast<uint64_t>(c - '0');
      ++count;
      fraction += point ? 1 : 0;
    } else if (c == '.' && !point && i > 0 && i + 1 < text.size()) {
      point = true;
    } else {
      return std::nullopt;
    }
  }
  if (count > kMostDigits) return std::nullopt;
  return static_cast<double>(digits) / kPowers[fraction];
}

}  // namespace sancheck
