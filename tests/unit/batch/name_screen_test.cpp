// NameScreen: batch parties screened by name and country against the built-in designation list, as of each record's date.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>

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

// The built-in packs' screening (with the rule set it was loaded from), loaded once for every case.
const judge::Screening* BuiltinScreening() {
  static Diagnostics diags;
  static const auto set = rules::LoadRuleSet({}, diags);
  static const auto screening = set ? judge::LoadScreening(*set, judge::ScreeningSources{}, diags) : nullptr;
  REQUIRE(screening);
  REQUIRE(screening->screener);
  return screening.get();
}

TEST_SUITE("batch.name_screen") {
  TEST_CASE("listed names match from their listing date, others do not") {
    const auto screening = BuiltinScreening();
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

  TEST_CASE("a status cleared is a clean party's, whatever it held") {
    judge::PartyStatus status;
    status.designated = Truth::kTrue;
    status.cleared = true;
    status.match = Match{};
    status.listed = Truth::kUnknown;
    status.listed_under.set(3);
    status.listed_match = Match{};
    status.Clear();
    const judge::PartyStatus clean;
    CHECK(status.designated == clean.designated);
    CHECK(status.cleared == clean.cleared);
    CHECK_FALSE(status.match);
    CHECK(status.listed == clean.listed);
    CHECK(status.listed_under == clean.listed_under);
    CHECK_FALSE(status.listed_match);
  }

  TEST_CASE("a reused status keeps nothing of the party before") {
    // The batch writes each record's statuses into the same objects: a listed party's match
    // must not outlive it into the next record's clean (or unreadable) party.
    const auto screening = BuiltinScreening();
    const Date summit = *Date::Parse("2023-09-13");
    NameCache cache;
    NameScreen names(*screening, cache, *Date::Parse("2026-01-01"));
    judge::PartyStatus status;
    names.Status(names.Prepare("Munitions Industry Department", CountryOf("KP")), summit, status);
    REQUIRE(status.designated == Truth::kTrue);
    REQUIRE(status.match);
    names.Status(names.Prepare("Dandong Foods Trading Co", CountryOf("CN")), summit, status);
    CHECK(status.designated == Truth::kFalse);
    CHECK_FALSE(status.match);
    CHECK_FALSE(status.Flagged());
    names.Status(names.Prepare("Munitions Industry Department", CountryOf("KP")), summit, status);
    names.Status(names.Prepare("", CountryOf("KP")), summit, status);
    CHECK_FALSE(status.match);
    CHECK(status.designated == Truth::kFalse);
    names.Status(names.Prepare("Munitions Industry Department", CountryOf("KP")), summit, status);
    names.Status(names.Prepare("!!!", CountryOf("KP")), summit, status);
    CHECK_FALSE(status.match);
    CHECK(status.designated == Truth::kUnknown);
  }

  TEST_CASE("a name screening cannot read is unknown, never clear, seen again or not") {
    const auto screening = BuiltinScreening();
    const Date summit = *Date::Parse("2023-09-13");
    NameCache cache;
    NameScreen names(*screening, cache, *Date::Parse("2026-01-01"));
    for (const char* name : {"!!!", "\u200b\u200b", "\u0301\u0301", "-"}) {
      INFO(name);
      for (int seen = 0; seen < 2; ++seen) {  // the second answer comes from the worker's own table
        const judge::PartyStatus st = names.Status(name, CountryOf("CN"), summit);
        CHECK(st.designated == Truth::kUnknown);
        CHECK(st.listed == Truth::kUnknown);
      }
    }
    CHECK(names.Status("", CountryOf("CN"), summit).designated == Truth::kFalse);  // no name given
    CHECK(judge::Unscreenable("!!!"));
    CHECK_FALSE(judge::Unscreenable(""));
    CHECK_FALSE(judge::Unscreenable("Co Ltd"));
  }

  TEST_CASE("a name is screened without its country first, and the answers are each country's own") {
    const auto screening = BuiltinScreening();
    const Date summit = *Date::Parse("2023-09-13");
    const Date run = *Date::Parse("2026-01-01");
    NameCache cache;
    NameScreen names(*screening, cache, run);
    // What screening the pair directly (the party's country in the query) concludes.
    auto direct = [&](const char* name, const char* country) {
      screen::Query q;
      q.name = name;
      if (country) q.country = *Country::Parse(country);
      const judge::PartyStatus st = judge::StatusAsOf(*screening, judge::AllCandidates(*screening, q), name, name, summit, run);
      return std::make_tuple(st.designated, st.listed, st.match ? st.match->score : -1.0,
                             st.listed_match ? st.listed_match->score : -1.0);
    };
    auto batch = [&](const char* name, const char* country) {
      const judge::PartyStatus st =
          names.Status(name, country ? CountryOf(country) : expr::Known<Country>{}, summit);
      return std::make_tuple(st.designated, st.listed, st.match ? st.match->score : -1.0,
                             st.listed_match ? st.listed_match->score : -1.0);
    };
    // A listed entity, a generic name only a DPRK party ties to the list, a Korean personal
    // name (another nationality: for review only), a vessel (its flag), a name on no list.
    for (const char* name : {"Munitions Industry Department", "Ministry of Defence", "Jo Chun-ryong", "AN SAN 1",
                             "Meridian Resources Inc."}) {
      for (const char* country : {"KP", "RU", "PA", "CN", static_cast<const char*>(nullptr)}) {
        INFO(name, " / ", country ? country : "no country");
        CHECK(batch(name, country) == direct(name, country));
      }
    }
    CHECK(std::get<0>(batch("Ministry of Defence", "KP")) != std::get<0>(batch("Ministry of Defence", "RU")));
  }

  TEST_CASE("names that differ only in their last letters spread over a table's slots") {
    // The tables pick a slot by the hash's low bits; numbered names ("SUPPLIER 0000123") of a
    // length that is a multiple of 8 once met in a few slots (shorter names are read byte by
    // byte, longer ones end on their last eight bytes). 1,000 names in 1,024 slots: about
    // 638 distinct slots for a hash that spreads them.
    for (const size_t length : {6u, 8u, 13u, 16u, 24u}) {
      std::set<uint64_t> slots;
      for (int i = 0; i < 1000; ++i) {
        std::string name(length - 4, 'S');
        name += std::to_string(1000 + i);
        slots.insert(NameCache::Hash(name, 7) & 1023);
      }
      CAPTURE(length);
      CHECK(slots.size() > 550);
    }
  }

  TEST_CASE("a worker's table of pairs keeps every answer as it grows") {
    const auto screening = BuiltinScreening();
    NameCache cache;
    NameScreen names(*screening, cache, *Date::Parse("2026-01-01"));
    const Date summit = *Date::Parse("2023-09-13");
    // 1,500 pairs double the table (1,024 slots, at most half full) more than once; the listed
    // name comes first and last, so it is found again after every move.
    auto listed = [&] { return names.Status("Munitions Industry Department", CountryOf("KP"), summit).designated; };
    CHECK(listed() == Truth::kTrue);
    int wrong = 0;
    for (int i = 0; i < 1500; ++i) {
      const std::string name = "Ordinary Trading Co " + std::to_string(i);
      wrong += names.Status(name, CountryOf(i % 2 ? "CN" : "DE"), summit).designated != Truth::kFalse;
    }
    CHECK(wrong == 0);
    CHECK(listed() == Truth::kTrue);
    // The same name under another country is another pair.
    CHECK(names.Status("Ordinary Trading Co 7", CountryOf("KP"), summit).designated == Truth::kFalse);
  }

  TEST_CASE("a long name and another with the same start and length get their own answers") {
    const auto screening = BuiltinScreening();
    const Date summit = *Date::Parse("2023-09-13");
    // On the UN list under another regime; the second name has the same length and the same
    // first 50 bytes, more than a slot keeps (their hashes differ, so this checks the answers,
    // not the comparison of the tails that only a hash collision reaches).
    const std::string listed = "ALFA COMPANY LIMITED FOR INTERNATIONAL TRADING AND MARKETING";
    std::string other = listed;
    other.replace(50, std::string::npos, std::string(listed.size() - 50, 'Q'));
    auto status = [&](NameScreen& names, const std::string& name) {
      const judge::PartyStatus s = names.Status(name, CountryOf("IQ"), summit);
      return std::make_pair(s.listed, s.listed_match ? s.listed_match->score : -1.0);
    };
    NameCache fresh_cache;
    NameScreen fresh(*screening, fresh_cache, *Date::Parse("2026-01-01"));
    const auto other_alone = status(fresh, other);
    NameCache cache;
    NameScreen names(*screening, cache, *Date::Parse("2026-01-01"));
    const auto listed_first = status(names, listed);
    CHECK(listed_first.first == Truth::kTrue);
    CHECK(status(names, other) == other_alone);  // not the listed name's answer
    CHECK(other_alone != listed_first);
    CHECK(status(names, listed) == listed_first);
  }
}

}  // namespace
}  // namespace sancheck::batch
