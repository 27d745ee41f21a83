// Radix sort of 64-bit entries by their upper 32 bits (a listed name's id), for gathering a query's names in order.
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sancheck::screen {

/// Sorts `entries` by their upper 32 bits, stable, given that those are below 2^id_bits.
/// Least significant digit first, 11 bits a pass: a query gathers tens of thousands of
/// entries, whose ids fit in two passes on a list of four million names; the counters stay
/// in the first-level cache and every pass reads and writes in order, where a hash table
/// of that many names misses the cache on nearly every entry.
inline void SortByUpper(std::vector<uint64_t>& entries, std::vector<uint64_t>& scratch, unsigned id_bits) {
  constexpr unsigned kDigit = 11;
  constexpr size_t kBuckets = size_t{1} << kDigit;
  assert(id_bits <= 32);
  if (entries.size() < 2) return;
  scratch.resize(entries.size());
  for (unsigned shift = 32; shift < 32 + id_bits; shift += kDigit) {
    std::array<uint32_t, kBuckets> count{};
    for (const uint64_t e : entries) ++count[(e >> shift) & (kBuckets - 1)];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      const uint32_t here = c;
      c = sum;
      sum += here;
    }
    for (const uint64_t e : entries) scratch[count[(e >> shift) & (kBuckets - 1)]++] = e;
    entries.swap(scratch);
  }
}

}  // namespace sancheck::screen
