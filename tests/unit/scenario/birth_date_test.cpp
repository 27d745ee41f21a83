// BirthDate::Parse: the one date-of-birth reader — a year or a date, 1900 to 2100, nothing else.
#include <doctest/doctest.h>

#include "sancheck/scenario.hpp"

namespace sancheck {

TEST_SUITE("scenario.birth_date") {
  TEST_CASE("a year or a full date of birth") {
    const auto year = BirthDate::Parse("1960");
    REQUIRE(year);
    CHECK(year->year == 1960);
    CHECK_FALSE(year->date);
    const auto date = BirthDate::Parse("1968-03-26");
    REQUIRE(date);
    CHECK(date->year == 1968);
    CHECK(date->date == Date::Parse("1968-03-26"));
  }
  TEST_CASE("trailing text, signs, implausible years and impossible dates are rejected") {
    for (const char* bad : {"2017x", "196", "19600", "+960", "-960", " 1960", "1899", "2101", "1960-02-30",
                            "1960-13-01", "", "nineteen sixty", "1960-4-4"}) {
      CAPTURE(bad);
      CHECK_FALSE(BirthDate::Parse(bad));
    }
  }
}

}  // namespace sancheck
