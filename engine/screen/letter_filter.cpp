// Bulk letter-set filter of the word scans, built twice (with and without the population-count instruction) and chosen at load.
#include "screen/letter_filter.hpp"

#include <bit>

namespace sancheck::screen {

// Debian's baseline x86-64 has no POPCNT instruction, and a library call per word made this
// loop a tenth of a query's time: GCC builds a second copy for processors that have it and
// picks one when the program loads.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("popcnt", "default")))
#endif
size_t FilterByLetters(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
                       uint32_t* out) {
  size_t kept = 0;
  for (size_t k = 0; k < n; ++k) {
    const uint64_t other = sets[k];
    const auto missing = static_cast<size_t>(std::popcount(query & ~other));
    const auto extra = static_cast<size_t>(std::popcount(other & ~query));
    out[kept] = static_cast<uint32_t>(k);
    kept += (missing <= lack_query && extra <= lack_listed) ? 1 : 0;
  }
  return kept;
}

}  // namespace sancheck::screen
