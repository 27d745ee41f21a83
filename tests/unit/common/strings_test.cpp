// EditDistance and Closest: the "did you mean" hints count an adjacent swap as one slip and prefer same-length words.
#include <doctest/doctest.h>

#include <array>
#include <string_view>

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
  }
}

}  // namespace sancheck
