// Tests of the radix sort that orders a query's gathered entries by listed name.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "screen/id_sort.hpp"

namespace sancheck::screen {
namespace {

// Entries with ids below 2^bits (the largest among them) and their position as the payload, shuffled.
std::vector<uint64_t> Shuffled(size_t n, unsigned bits, uint32_t seed) {
  std::mt19937 rng(seed);
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  std::vector<uint64_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = (uint64_t{rng()} & mask) << 32 | static_cast<uint32_t>(i);
  v[n / 2] = mask << 32 | static_cast<uint32_t>(n / 2);
  return v;
}

TEST_CASE("SortByUpper orders by id and keeps equal ids in their order, over one, two and three passes") {
  for (const unsigned bits : {5u, 11u, 20u, 31u, 32u}) {
    CAPTURE(bits);
    auto v = Shuffled(5000, bits, bits);
    auto expected = v;
    std::stable_sort(expected.begin(), expected.end(), [](uint64_t a, uint64_t b) { return (a >> 32) < (b >> 32); });
    std::vector<uint64_t> scratch;
    SortByUpper(v, scratch, bits);
    CHECK(v == expected);
  }
}

TEST_CASE("SortByUpper leaves empty and single-entry inputs as they are") {
  std::vector<uint64_t> scratch, empty, one{uint64_t{7} << 32 | 3};
  SortByUpper(empty, scratch, 20);
  SortByUpper(one, scratch, 20);
  CHECK(empty.empty());
  CHECK(one == std::vector<uint64_t>{uint64_t{7} << 32 | 3});
}

}  // namespace
}  // namespace sancheck::screen
