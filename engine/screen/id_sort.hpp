// Radix sort of 64-bit entries by their upper 32 bits (a listed name's id), for gathering a query's names in order.
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sancheck::screen {

/// Sorts `entries` by their upper 32 bits, stable, given that those are below 2^id_bits.
/// Least significant digit first, at most 11 bits a pass: a query gathers tens of thousands of
/// entries, whose ids fit in two passes on a list of four million names; the counters stay
/// in the first-level cache and every pass reads and writes in order, where a hash table
/// of that many names misses the cache on nearly every entry.
inline void SortByUpper(std::vector<uint64_t>& entries, std::vector<uint64_t>& scratch, unsigned id_bits) {
  constexpr unsigned kMaxDigit = 11;
  constexpr size_t kMaxPasses = (32 + kMaxDigit - 1) / kMaxDigit;
  assert(id_bits <= 32);
  if (entries.size() < 2 || id_bits == 0) return;
  scratch.resize(entries.size());
  // As few passes as digits of at most 11 bits allow, the digits as narrow as those passes allow
  // (a million names: two of 10 bits, whose counters and write positions are fewer to keep at hand).
  const unsigned passes = (id_bits + kMaxDigit - 1) / kMaxDigit;
  const unsigned digit = (id_bits + passes - 1) / passes;
  const uint64_t mask = (uint64_t{1} << digit) - 1;
  // Every pass's counts in one reading of the entries.
  std::array<std::array<uint32_t, size_t{1} << kMaxDigit>, kMaxPasses> count{};
  for (const uint64_t e : entries) {
    for (unsigned p = 0; p < passes; ++p) ++count[p][(e >> (32 + p * digit)) & mask];
  }
  for (unsigned p = 0; p < passes; ++p) {
    uint32_t sum = 0;
    for (size_t b = 0; b <= mask; ++b) {
      const uint32_t here = count[p][b];
      count[p][b] = sum;
      sum += here;
    }
    const unsigned shift = 32 + p * digit;
    auto& at = count[p];
    for (const uint64_t e : entries) scratch[at[(e >> shift) & mask]++] = e;
    entries.swap(scratch);
  }
}

}  // namespace sancheck::screen
