// Dates, country codes and HS codes: parsing, round trips and the limits of each.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "sancheck/core_types.hpp"

namespace sancheck {
namespace {

TEST_SUITE("common.core_types") {
  TEST_CASE("dates parse strictly and round-trip") {
    CHECK(Date::Parse("2016-02-29")->ToString() == "2016-02-29");
    CHECK_FALSE(Date::Parse("2017-02-29"));
    CHECK_FALSE(Date::Parse("2017-13-01"));
    CHECK_FALSE(Date::Parse("2017-1-01"));
    CHECK_FALSE(Date::Parse("17-01-01xx"));
    CHECK(Date::Parse("2017-09-12")->days - Date::Parse("2017-09-11")->days == 1);
    CHECK(Date::Parse("1970-01-01")->days == 0);
    CHECK(Date::Parse("2023-09-13")->Year() == 2023);
  }

  TEST_CASE("dates: every byte of the ten checked, as a byte-by-byte reading would") {
    // Near-digits (':' and '/' around the digits, a byte past ASCII with a digit's low nibble)
    // in every position, against the plain reading of YYYY-MM-DD.
    const std::string good = "2016-02-29";
    const char odd[] = {'/', ':', 'a', ' ', '-', '0', static_cast<char>(0xB1), static_cast<char>(0xF9)};
    for (size_t at = 0; at < good.size(); ++at) {
      for (const char c : odd) {
        std::string t = good;
        t[at] = c;
        CAPTURE(t);
        bool plain = true;
        for (size_t i = 0; i < t.size(); ++i) plain = plain && (i == 4 || i == 7 ? t[i] == '-' : t[i] >= '0' && t[i] <= '9');
        if (!plain) {
          CHECK_FALSE(Date::Parse(t));
          continue;
        }
        const int y = std::stoi(t.substr(0, 4)), m = std::stoi(t.substr(5, 2)), d = std::stoi(t.substr(8, 2));
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool valid = y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
        REQUIRE(Date::Parse(t).has_value() == valid);
        if (valid) CHECK(Date::Parse(t)->days == Date::FromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)).days);
      }
    }
    // The table of years and the algorithm agree where they meet, and past the table.
    for (const char* t : {"1900-01-01", "1900-03-01", "2000-02-29", "2199-12-31", "2200-01-01", "2400-02-29", "9999-12-31"}) {
      CAPTURE(t);
      int y;
      unsigned m, d;
      Date::Parse(t)->ToCivil(y, m, d);
      CHECK(Date::FromCivil(y, m, d).ToString() == t);
    }
    CHECK_FALSE(Date::Parse("1900-02-29"));
    CHECK_FALSE(Date::Parse("2100-02-29"));
  }

  TEST_CASE("country codes are the assigned ISO 3166-1 alpha-2 codes") {
    CHECK(Country::Parse("KP")->ToString() == "KP");
    CHECK(Country::Parse("KP")->code == kDprk.code);
    CHECK(Country::Parse("XK"));
    CHECK_FALSE(Country::Parse("KX"));
    CHECK_FALSE(Country::Parse("kp"));
    CHECK_FALSE(Country::Parse("KPR"));
  }

  TEST_CASE("HS codes keep leading zeros and cover intervals") {
    auto hs = *HsCode::Parse("0306.17");
    CHECK(hs.ToString() == "030617");
    CHECK(hs.Low() == 306170000ULL);
    CHECK(hs.High() == 306179999ULL);
    CHECK(HsCode::Parse("8802 60")->ToString() == "880260");
    CHECK_FALSE(HsCode::Parse("9"));
    CHECK_FALSE(HsCode::Parse("12345678901"));
    CHECK_FALSE(HsCode::Parse("93a"));
  }

  TEST_CASE("HS codes exist only in real chapters, whoever builds them") {
    CHECK_FALSE(HsCode::Parse("00"));
    CHECK_FALSE(HsCode::Parse("0000930690"));  // chapter 00: would lie below every rule's interval
    CHECK_FALSE(HsCode::Parse("7701"));        // chapter 77 is reserved
    CHECK(HsCode::Parse("0101")->Chapter() == 1);
    CHECK(HsCode::Parse("9999")->Chapter() == 99);  // national use
    CHECK_THROWS_AS(HsCode(0, 2), std::invalid_argument);
    CHECK_THROWS_AS(HsCode(930690, 4), std::invalid_argument);  // more digits than declared
    CHECK_THROWS_AS(HsCode(93, 11), std::invalid_argument);
    CHECK(HsCode().ToString() == "01");  // the default is a valid code too
    CHECK(HsCode(930690, 6).Low() == 9306900000ULL);
  }
}

}  // namespace
}  // namespace sancheck
