// Clerks' typos (swapped, doubled letters, moved hyphens, stray apostrophes) must not hide a listed person.
#include <doctest/doctest.h>

#include <string>

#include "screen/alignment.hpp"
#include "screen/normalize.hpp"
#include "screen/screener.hpp"
#include "un_screener.hpp"

namespace sancheck::screen {
namespace {

// The best candidate for a KP individual named `name`, or an empty reference.
Candidate Best(const std::string& name) {
  Query q;
  q.name = name;
  q.country = Country::Parse("KP");
  q.kind = PartyKind::kIndividual;
  const auto c = Un().Screen(q, *Date::Parse("2024-09-26"));
  return c.empty() ? Candidate{} : c.front();
}

std::string Top(const std::string& name) {
  const Candidate c = Best(name);
  return c.designation ? c.designation->reference : "";
}

TEST_SUITE("screen.typos") {
  TEST_CASE("two adjacent letters swapped") {
    CHECK(TokenSimilarity("sko", "sok", false) >= 0.9);
    CHECK(TokenSimilarity("kos", "sok", false) < kTokenCutoff);  // the ends exchanged: not one slip
    CHECK(Top("KIM SKO CHOL") == "KPi.036");
    CHECK(Top("KIM SOK CHLO") == "KPi.036");
    CHECK(Top("CHO CHUN RYOGN") == "KPi.038");
    CHECK(Top("KIM SOK") == "");  // a missing given-name syllable is still not enough
  }

  TEST_CASE("doubled letters") {
    CHECK(Top("KIMM SOK CHOL") == "KPi.036");
    CHECK(Top("KIM SOKK CHOL") == "KPi.036");
    CHECK(Top("CHO CHUNN RYONG") == "KPi.038");
    // Only a word that reads as Korean once undoubled is read so: English words keep theirs.
    CHECK(NormalizeName("Kimm").tokens[0].canon == "kim");
    CHECK(NormalizeName("Billions").tokens[0].canon == "billions");
  }

  TEST_CASE("a hyphen or space typed one letter off inside a given name") {
    CHECK(Top("CHANG MYONGC-HIN") == "KPi.007");
    CHECK(Top("CHANG MYON-GCHIN") == "KPi.007");
    CHECK(Top("Cho Chunr-yong") == "KPi.038");
    CHECK(Top("Kims Ok Chol") == "KPi.036");
    const Candidate c = Best("CHANG MYONGC-HIN");
    CHECK(c.why.find("myongc-hin=myong-chin") != std::string::npos);
    // The same letters split differently are paired; different letters are not.
    CHECK(Top("CHANG MYONGC-HAN") == "");
  }

  TEST_CASE("stray apostrophes") {
    CHECK(Top("CHANG MYONG'CHIN") == "KPi.007");
    CHECK(Top("K'im So'k Ch'ol") == "KPi.036");
  }

  TEST_CASE("a missing or different given-name syllable stays a weak signal") {
    const Candidate c = Best("Choe Son Hui");
    if (c.designation != nullptr) CHECK(c.designation->reference != "KPi.042");
    Query q;
    q.name = "Choe Son Hui";
    q.country = Country::Parse("KP");
    const auto all = Un().Screen(q, *Date::Parse("2024-09-26"), 0.5);
    bool seen = false;
    for (const auto& cand : all) {
      if (cand.designation->reference != "KPi.042") continue;
      seen = true;
      CHECK(cand.score < Screener::kPossibleThreshold);
      CHECK(cand.why.find("a Korean name syllable on one side only") != std::string::npos);
    }
    CHECK(seen);
    CHECK(Top("Kim Song Chol") == "KPi.030");  // not KPi.036 KIM SOK CHOL: a different syllable
    CHECK(Top("Cho Chun") == "");
  }
}

}  // namespace
}  // namespace sancheck::screen
