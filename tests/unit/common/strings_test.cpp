// EditDistance and Closest: the "did you mean" hints count an adjacent swap as one slip and prefer same-length words.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.hpp"

namespace sancheck {

TEST_SUITE("common.strings") {
  TEST_CASE("insertions, deletions, substitutions and adjacent swaps each cost one") {
    CHECK(EditDistance("form", "from") == 1);
    CHECK(EditDistance("amunition", "ammunition") == 1);
    CHECK(EditDistance("dual_use", "dual-use") == 1);
    CHECK(EditDistance("kitten", "sitting") == 3);
    CHECK(EditDistance("", "abc") == 3);
    CHECK(EditDistance("same", "same") == 0);
  }
  TEST_CASE("the closest candidate, same length first among equals, nothing beyond two edits") {
    const std::array<std::string_view, 3> keys = {"for", "from", "to"};
    CHECK(Closest("form", keys) == "from");
    CHECK(Closest("fro", keys) == "for");
    CHECK(Closest("quantity", keys).empty());
    CHECK(DidYouMean("ot", keys) == " (did you mean 'to'?)");
    // Two edits away, but nothing of the word kept: no respelling, no hint.
    const std::array<std::string_view, 2> item_keys = {"hs", "tags"};
    CHECK(Closest("3", item_keys).empty());
    CHECK(Closest("ab", item_keys).empty());
    CHECK(Closest("hz", item_keys) == "hs");
    const std::array<std::string_view, 3> units = {"kg", "t", "m3"};
    CHECK(Closest("KG", units) == "kg");  // letter case aside, nothing changed
    CHECK(Closest("m", units) == "m3");
  }
  TEST_CASE("long words are measured too, and skipping far lengths changes no hint") {
    const std::string long_word(100, 'a');
    CHECK(EditDistance(long_word, long_word + "b") == 1);  // rows past the stack buffer
    CHECK(EditDistance(long_word + "xy", long_word + "yx") == 1);
    // Closest as documented, every candidate measured: the oracle of the one that skips.
    auto every = [](std::string_view word, const std::vector<std::string>& candidates) {
      std::string best;
      size_t best_distance = 3;
      bool best_same = false;
      for (const std::string& c : candidates) {
        const size_t d = EditDistance(word, c);
        const bool same = c.size() == word.size();
        if (d > 0 && EditDistance(AsciiLower(word), AsciiLower(c)) >= std::max(word.size(), c.size())) continue;
        if (d > 0 && (d < best_distance || (d == best_distance && same && !best_same))) {
          best_distance = d;
          best_same = same;
          best = c;
        }
      }
      return best;
    };
    std::mt19937 rng(1874);
    auto word = [&] {
      std::string w(1 + rng() % 7, ' ');
      for (char& c : w) c = "abc-"[rng() % 4];
      return w;
    };
    for (int round = 0; round < 5000; ++round) {
      std::vector<std::string> candidates(rng() % 12);
      for (std::string& c : candidates) c = word();
      const std::string w = word();
      CHECK(Closest(w, candidates) == every(w, candidates));
    }
  }
}

}  // namespace sancheck
