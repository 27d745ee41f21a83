// The vocabulary's compile-time tables answer as the word lists say, and a slip of a vocabulary word finds it.
#include <doctest/doctest.h>

#include "screen/vocabulary.hpp"

namespace sancheck::screen {
namespace {

TEST_SUITE("screen.vocabulary") {
  TEST_CASE("each table knows its words and no others") {
    for (const char* w : {"corporation", "co", "ltd", "gmbh", "cooperation"}) CHECK(IsLegalForm(w));
    for (const char* w : {"of", "the", "care"}) CHECK(IsConnectingWord(w));
    for (const char* w : {"korea", "trading", "wpk", "trust", "capital"}) CHECK(IsGenericWord(w));
    for (const char* w : {"corporatio", "kim", "", "trustt", "ofthe"}) {
      CHECK_FALSE(IsLegalForm(w));
      CHECK_FALSE(IsConnectingWord(w));
      CHECK_FALSE(IsGenericWord(w));
      CHECK_FALSE(IsVocabularyWord(w));
    }
    CHECK(StandardSpelling("intl") == "international");
    CHECK(StandardSpelling("defence") == "defense");
    CHECK(StandardSpelling("5th") == "fifth");
    CHECK(StandardSpelling("defense").empty());
    CHECK(IsVocabularyWord("shpg"));
  }

  TEST_CASE("a slip of a vocabulary word of five letters or more is that word") {
    CHECK(NearVocabulary("corporationn") == "corporation");  // a letter doubled
    CHECK(NearVocabulary("coroprationn").empty());           // two slips
    CHECK(NearVocabulary("coproration") == "corporation");   // two letters swapped
    CHECK(NearVocabulary("geneeral") == "general");          // a letter added
    CHECK(NearVocabulary("industy") == "industry");          // a letter dropped
    CHECK(NearVocabulary("eastt") == "east");                // a four-letter word, a letter added
    CHECK(NearVocabulary("eas").empty());                    // too short to be looked for
    CHECK(NearVocabulary("choson").empty());                 // a word itself is no slip of itself
    CHECK(NearVocabulary("chosun").empty());                 // a letter replaced is no slip
    CHECK(NearVocabulary("ryonbong").empty());
    // One slip from two words under one key: the swap, not the letter added.
    CHECK(NearVocabulary("chemicasl") == "chemicals");
    CHECK(NearVocabulary("economisc") == "economics");
    CHECK(NearVocabulary("servicse") == "services");
  }

  TEST_CASE("a slip read as a title keeps the title's first letter") {
    CHECK(NearVocabulary("mulah") == "mullah");
    CHECK(NearVocabulary("sheih") == "sheikh");
    // "ullah" ends Afghan given names written apart (Nor-ullah): it is no "mullah".
    CHECK(NearVocabulary("ullah").empty());
    CHECK(NearVocabulary("heikh").empty());
  }

  TEST_CASE("a letter struck for another in a vocabulary word is still that word, never a title") {
    CHECK(NearVocabulary("intdrnational") == "international");  // a neighbouring key
    CHECK(NearVocabulary("tradibg") == "trading");
    CHECK(NearVocabulary("intergational") == "international");  // any key, in a long word
    CHECK(NearVocabulary("defegce").empty());  // any key, in a short word: not read
    CHECK(NearVocabulary("mullag").empty());   // a title is no word struck
  }
}

}  // namespace
}  // namespace sancheck::screen
