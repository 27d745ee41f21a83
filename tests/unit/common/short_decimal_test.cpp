// ShortDecimal: short plain decimals convert to the very double std::from_chars gives; anything else is left to it.
#include <doctest/doctest.h>

#include <charconv>
#include <cstring>
#include <random>
#include <string>

#include "common/short_decimal.hpp"

namespace sancheck {

TEST_SUITE("common.short_decimal") {
  TEST_CASE("short plain decimals are the doubles from_chars gives, bit for bit") {
    std::mt19937_64 rng(1718);
    for (int k = 0; k < 200000; ++k) {
      // Up to 15 digits, the point anywhere between two of them (or none), leading zeros too.
      const size_t digits = 1 + rng() % 15;
      std::string t;
      for (size_t i = 0; i < digits; ++i) t += static_cast<char>('0' + rng() % 10);
      if (digits > 1 && rng() % 3 != 0) t.insert(1 + rng() % (digits - 1), ".");
      const auto fast = ShortDecimal(t);
      REQUIRE(fast.has_value());
      double slow = 0;
      const auto r = std::from_chars(t.data(), t.data() + t.size(), slow);
      REQUIRE(r.ec == std::errc());
      INFO(t);
      CHECK(std::memcmp(&*fast, &slow, sizeof slow) == 0);
    }
  }

  TEST_CASE("other text is left to the general conversion") {
    for (const char* t : {"", "-1", "+1", "1e5", "1.", ".5", "1.2.3", "1,5", " 1", "0x10", "nan", "inf",
                          "1234567890123456", "0.000000000000001", "١٢"}) {
      INFO(t);
      CHECK_FALSE(ShortDecimal(t).has_value());
    }
    CHECK(*ShortDecimal("123456789012345") == 123456789012345.0);
    CHECK(*ShortDecimal("0.00000000000001") == 1e-14);
  }
}

}  // namespace sancheck
