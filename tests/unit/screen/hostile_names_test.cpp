// Screening names with hidden characters: invisible code points and look-alike letters of other scripts.
#include <doctest/doctest.h>

#include <string>

#include "common/files.hpp"
#include "common/utf8.hpp"
#include "screen/designations_loader.hpp"
#include "screen/normalize.hpp"
#include "screen/screener.hpp"
#include "un_screener.hpp"

namespace sancheck::screen {
namespace {

// The best candidate for `name` (a KP individual born 1960 on 2023-09-13), or null.
std::optional<Candidate> Best(const std::string& name) {
  Query q;
  q.name = name;
  q.country = Country::Parse("KP");
  q.kind = PartyKind::kIndividual;
  q.born = BirthDate{1960, std::nullopt};
  auto c = Un().Screen(q, *Date::Parse("2023-09-13"));
  if (c.empty()) return std::nullopt;
  return c.front();
}

void CheckStillKpi038(const std::string& name, const char* note) {
  CAPTURE(name);
  const auto c = Best(name);
  REQUIRE(c);
  CHECK(c->designation->reference == "KPi.038");
  CHECK(c->strength == Strength::kMatch);
  CHECK(c->why.find(note) != std::string::npos);
}

constexpr const char* kInvisible = "the name contained invisible characters (removed)";

TEST_SUITE("screen.hostile_names") {
  TEST_CASE("a zero-width space inside and between words does not hide Jo Chun-ryong") {
    CheckStillKpi038("J\u200Bo C\u200Bhun-r\u200Byong", kInvisible);
    CheckStillKpi038("Jo Chun\u200Bryong", kInvisible);
  }

  TEST_CASE("a soft hyphen does not hide him") { CheckStillKpi038("J\u00ADo Chun-ryong", kInvisible); }

  TEST_CASE("a word joiner (U+2060) gives a match, not a review") {
    CheckStillKpi038("Jo Chun\u2060ryong", kInvisible);
  }

  TEST_CASE("bidi controls and the BOM character are removed too") {
    CheckStillKpi038("Jo \u202EChun-ryong\u202C", kInvisible);
    CheckStillKpi038("\uFEFFJo Chun-ryong", kInvisible);
  }

  TEST_CASE("a Cyrillic look-alike letter reads as the Latin one") {
    CheckStillKpi038("\u0408o Chun-ryong", "look-alike letters of another script");  // Cyrillic Je
    CheckStillKpi038("Jo Chun-ry\u043Eng", "look-alike letters of another script");  // Cyrillic o
    CHECK(FoldText("\u0408o") == "jo");
    CHECK(FoldText("\u039F") == "o");  // Greek capital omicron
  }

  TEST_CASE("an ordinary name has no such notes, other scripts stay as they are") {
    const auto c = Best("Jo Chun-ryong");
    REQUIRE(c);
    CHECK(c->why.find("invisible") == std::string::npos);
    CHECK(c->why.find("look-alike") == std::string::npos);
    FoldNotes notes;
    CHECK(FoldText("\uCD5C\uC120\uD76C", &notes) == "\uCD5C\uC120\uD76C");  // Hangul is not folded
    CHECK_FALSE(notes.invisible);
    CHECK_FALSE(notes.look_alike);
  }

  TEST_CASE("long tokens are cut on character boundaries") {
    std::string bengali;
    for (int i = 0; i < 20; ++i) bengali += "\u09AE";  // 60 bytes in one word
    const NormalizedName n = NormalizeName(bengali);
    REQUIRE(n.tokens.size() == 1);
    CHECK(n.truncated);
    CHECK(IsValidUtf8(n.tokens[0].raw));
    CHECK(n.tokens[0].raw.size() == 30);
  }
}

}  // namespace
}  // namespace sancheck::screen
