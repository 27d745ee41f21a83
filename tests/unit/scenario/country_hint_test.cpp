// Tests of CountryHint(): the codes suggested for countries written another way, and no guess otherwise.
#include <doctest/doctest.h>

#include "scenario/country_hint.hpp"

using sancheck::CountryHint;

TEST_CASE("country hint: capitals, alpha-3 codes, names and UK") {
  CHECK(CountryHint("kp")->ToString() == "KP");
  CHECK(CountryHint(" KP ")->ToString() == "KP");
  CHECK(CountryHint("PRK")->ToString() == "KP");
  CHECK(CountryHint("north  korea")->ToString() == "KP");
  CHECK(CountryHint("Iran")->ToString() == "IR");
  CHECK(CountryHint("UK")->ToString() == "GB");
}

TEST_CASE("country hint: no guess for what is not close to a country") {
  CHECK_FALSE(CountryHint("XX"));
  CHECK_FALSE(CountryHint("xx"));
  CHECK_FALSE(CountryHint("Atlantis"));
  CHECK_FALSE(CountryHint(""));
}
