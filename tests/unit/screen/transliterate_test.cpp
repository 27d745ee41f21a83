// Names in Hangul, Cyrillic and Han script: romanised keys, and screening them against the UN list.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "screen/normalize.hpp"
#include "screen/screener.hpp"
#include "screen/transliterate.hpp"
#include "un_screener.hpp"

namespace sancheck::screen {
namespace {

bool HasKey(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Reference of the best candidate at or above the possible threshold, or "".
std::string Top(const std::string& name) {
  Query q;
  q.name = name;
  const auto c = Un().Screen(q, *Date::Parse("2024-09-26"));
  return c.empty() ? "" : c.front().designation->reference;
}

TEST_SUITE("screen.transliterate") {
  TEST_CASE("Hangul gives a McCune-Reischauer and a Revised Romanisation key, a word a syllable") {
    const auto keys = RomanisedKeys("조춘룡");
    CHECK(HasKey(keys, "cho chun ryong"));
    CHECK(HasKey(keys, "jo chun lyong"));
    CHECK(HangulMcCuneReischauer("김석철") == "kimsokchol");
    CHECK(HangulMcCuneReischauer("최선희") == "choesonhui");
    CHECK(HangulMcCuneReischauer("Kim 은") == "Kim un");  // other characters are copied
  }

  TEST_CASE("Cyrillic: Russian (BGN) always, the Korean reading only for Korean names") {
    const auto korean = RomanisedKeys("Чо Чхун Рён");
    CHECK(HasKey(korean, "cho chun ryong"));  // Kontsevich final н read as ng
    CHECK(HasKey(korean, "cho chun ryon"));
    const auto russian = RomanisedKeys("Сергей Иванов");
    REQUIRE(russian.size() == 1);  // no Korean reading of a Russian name
    CHECK(russian[0] == "sergey ivanov");
  }

  TEST_CASE("Han characters read as pinyin without tones") {
    CHECK(HasKey(RomanisedKeys("金铁三"), "jin tie san"));
  }

  TEST_CASE("a hostile name is romanised only as far as it is screened") {
    std::string long_hangul;
    for (int i = 0; i < 100000; ++i) long_hangul += "조";
    const auto keys = RomanisedKeys(long_hangul);
    REQUIRE_FALSE(keys.empty());
    for (const auto& k : keys) CHECK(k.size() <= 4 * kMaxNameBytes);
    std::string cyrillic;
    for (int i = 0; i < 1000; ++i) cyrillic += "Чхун ";
    CHECK(RomanisedKeys(cyrillic).size() <= kMaxRomanisedKeys);
  }

  TEST_CASE("Latin names have no keys") {
    CHECK(RomanisedKeys("Cho Chun Ryong").empty());
    CHECK_FALSE(HasRomanisableScript("Ch’oe Ch’un-sik"));
    CHECK(HasRomanisableScript("Ри Ын Сон"));
  }

  TEST_CASE("a name in Hangul or in Russian-Korean Cyrillic finds the listed person") {
    CHECK(Top("조춘룡") == "KPi.038");
    CHECK(Top("조 춘룡") == "KPi.038");
    CHECK(Top("Чо Чхун Рён") == "KPi.038");
    CHECK(Top("Чо Чхун-Рён") == "KPi.038");
    CHECK(Top("김석철") == "KPi.036");
    CHECK(Top("金铁三") == "KPi.035");  // KIM CHOL SAM alias Jin Tiesan (金铁三)
    CHECK(Top("金鐵三") == "KPi.035");  // traditional characters: only the pinyin agrees
    // Other people stay other people.
    CHECK(Top("김정은") == "");
    CHECK(Top("최선희") == "");  // Choe Son Hui is not CHOE HWI
    CHECK(Top("Ким Чен Ын") == "");
    CHECK(Top("Сергей Иванов") == "");
  }

  TEST_CASE("the reasons say how the name was read") {
    Query q;
    q.name = "조춘룡";
    const auto c = Un().Screen(q, *Date::Parse("2024-09-26"));
    REQUIRE_FALSE(c.empty());
    CHECK(c.front().query_name == "조춘룡");
    CHECK(c.front().why.find("romanised as cho chun ryong") != std::string::npos);
  }

  TEST_CASE("screening names in other scripts from several threads at once") {
    const std::vector<std::string> names = {"조춘룡", "Чо Чхун Рён", "金铁三", "김정은"};
    std::vector<std::string> expected;
    for (const auto& n : names) expected.push_back(Top(n));
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 50; ++i) {
          for (size_t k = 0; k < names.size(); ++k) wrong[t] += Top(names[k]) != expected[k];
        }
      });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < 4; ++t) CHECK(wrong[t] == 0);
    CHECK(expected[0] == "KPi.038");
  }
}

}  // namespace
}  // namespace sancheck::screen
