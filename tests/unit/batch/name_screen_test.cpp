// NameScreen: batch parties screened by name and country against the built-in designation list, as of each record's date.
#include <doctest/doctest.h>

#include "batch/name_screen.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {
namespace {

expr::Known<Country> CountryOf(const char* code) {
  expr::Known<Country> c;
  c.Set(*Country::Parse(code));
  return c;
}

TEST_SUITE("batch.name_screen") {
  TEST_CASE("listed names match from their listing date, others do not") {
    Diagnostics diags;
    auto set = rules::LoadRuleSet({}, diags);
    REQUIRE(set);
    auto screening = judge::LoadScreening(*set, judge::ScreeningSources{}, diags);
    REQUIRE(screening->screener);
    NameCache cache;
    NameScreen names(*screening, cache, *Date::Parse("2026-01-01"));
    const Date summit = *Date::Parse("2023-09-13");
    CHECK(names.Status("Munitions Industry Department", CountryOf("KP"), summit).designated == Truth::kTrue);
    // Listed on 2016-11-30 (KPi.038): the day before is not caught, the day itself is.
    CHECK(names.Status("Jo Chun-ryong", CountryOf("KP"), *Date::Parse("2016-11-29")).designated == Truth::kFalse);
    CHECK(names.Status("Jo Chun-ryong", CountryOf("KP"), *Date::Parse("2016-11-30")).designated == Truth::kTrue);
    // The cache answers the second time with the same result.
    CHECK(names.Status("Munitions Industry Department", CountryOf("KP"), summit).designated == Truth::kTrue);
    CHECK(names.Status("Dandong Foods Trading Co", CountryOf("CN"), summit).designated == Truth::kFalse);
    CHECK(names.Status("Ministry of Defence", CountryOf("RU"), summit).designated == Truth::kFalse);
    CHECK(names.Status("", CountryOf("KP"), summit).designated == Truth::kFalse);
    // Another worker's screen reads the same cache: the same answers.
    NameScreen other(*screening, cache, *Date::Parse("2026-01-01"));
    CHECK(other.Status("Munitions Industry Department", CountryOf("KP"), summit).designated == Truth::kTrue);
    CHECK(other.Status("Munitions Industry Department", CountryOf("RU"), summit).designated ==
          names.Status("Munitions Industry Department", CountryOf("RU"), summit).designated);
  }
}

}  // namespace
}  // namespace sancheck::batch
