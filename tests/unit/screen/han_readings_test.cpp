// The build's Han table reads names as ICU's Han-Latin does, and leaves to ICU what it does not cover.
#include <doctest/doctest.h>

#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "screen/han_readings.hpp"
#include "screen/transliterate.hpp"

namespace sancheck::screen {
namespace {

// As screening reads it: the binary's table, checked against the running ICU's version.
std::string ByTable(const std::string& name) {
  std::string out;
  if (!ReadHanByBuiltinTable(name, out)) return "(declined)";
  return out;
}

std::string Utf8(char32_t cp) {
  std::string s;
  icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(s);
  return s;
}

TEST_SUITE("screen.han_readings") {
  TEST_CASE("the binary carries a table made from the ICU it runs with") {
    // An empty table is correct (ICU reads every name) but slow: a build whose ICU the
    // generator would not read fails here on purpose, rather than shipping that unnoticed.
    REQUIRE_FALSE(BuiltinHanTable().readings.empty());
    CHECK(BuiltinHanTable().icu_version == LinkedIcuVersion());
    CHECK(BuiltinHanTable().pairs.size() >= 1);
  }

  TEST_CASE("a character's reading, and the pairs read otherwise, with or without a space") {
    CHECK(ByTable("重") == "zhong");
    CHECK(ByTable("重庆") == "chong qing");   // a word ICU knows
    CHECK(ByTable("重 庆") == "chong qing");  // one space, as ICU's rule allows
    CHECK(ByTable("重  庆") == "zhong  qing");
    CHECK(ByTable("金正恩") == "jin zheng en");
    CHECK(ByTable(" 金 正恩 ") == " jin zheng en ");
    for (const std::string name : {"重", "重庆", "重 庆", "重  庆", "金正恩", " 金 正恩 ", "沈阳市", "秘鲁", "藏文"}) {
      CHECK_MESSAGE(ByTable(name) == HanLatinByIcu(name), name);
    }
  }

  TEST_CASE("3,000 names of two to five characters, spaces anywhere, read as ICU reads them") {
    const HanTable& table = BuiltinHanTable();
    std::vector<char32_t> readable;
    for (size_t i = 0; i < table.readings.size(); ++i) {
      if (table.readings[i] != 0) readable.push_back(table.first + static_cast<char32_t>(i));
    }
    REQUIRE(readable.size() > 20000);
    std::mt19937 random(7);
    std::uniform_int_distribution<size_t> pick(0, readable.size() - 1), length(2, 5), space(0, 5);
    int differ = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string name;
      const size_t n = length(random);
      for (size_t k = 0; k <= n; ++k) {
        if (space(random) == 0) name += ' ';  // at either end, between, now and then doubled
        if (space(random) == 0 && i % 3 == 0) name += ' ';
        if (k < n) name += Utf8(readable[pick(random)]);
      }
      if (ByTable(name) != HanLatinByIcu(name)) {
        ++differ;
        MESSAGE(name << ": table '" << ByTable(name) << "', ICU '" << HanLatinByIcu(name) << "'");
      }
    }
    CHECK(differ == 0);
  }

  TEST_CASE("anything but Han characters and spaces is left to ICU") {
    for (const std::string name : {"金a", "a金", "金-正", "金·正", "\xEF\xA4\x80" /* U+F900, a compatibility form */,
                                   "\xF0\xA0\xBC\x9E" /* U+20F1E, past the table */, "\xE9\x87", "金\t正"}) {
      CHECK_MESSAGE(ByTable(name) == "(declined)", name);
    }
    std::string out;
    CHECK_FALSE(ReadHanByTable(BuiltinHanTable(), "0.0", "金", out));  // another ICU's table
    std::string long_name;
    for (int i = 0; i < 300; ++i) long_name += "金";
    CHECK_FALSE(ReadHanByTable(BuiltinHanTable(), LinkedIcuVersion(), long_name, out));
  }

  TEST_CASE("romanised keys are ICU's whichever way the name is read") {
    for (const std::string name : {"金铁三", "金a", "金-正", "重庆贸易公司", "\xEF\xA4\x80"}) {
      const auto keys = RomanisedKeys(name);
      REQUIRE_MESSAGE(keys.size() == 1, name);
      CHECK_MESSAGE(keys[0] == HanLatinByIcu(name), name);
    }
  }
}

}  // namespace
}  // namespace sancheck::screen
