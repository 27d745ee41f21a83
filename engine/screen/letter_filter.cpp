// Bulk letter-set filter of the word scans: eight sets at a time where the processor can count bits in vectors, else one.
#include "screen/letter_filter.hpp"

#include <bit>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#include <immintrin.h>
#define SANCHECK_WIDE_FILTER 1
#endif

namespace sancheck::screen {
namespace {

// Debian's baseline x86-64 has no POPCNT instruction, and a library call per word made this
// loop a tenth of a query's time: GCC builds a second copy for processors that have it and
// picks one when the program loads.
#if SANCHECK_WIDE_FILTER
__attribute__((target_clones("popcnt", "default")))
#endif
size_t FilterOneByOne(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
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

#if SANCHECK_WIDE_FILTER
// The scan of a large list's words is most of a new query word's cost: eight letter sets per
// step, counted and compared in one vector each, the positions kept packed to the front of a
// vector and stored whole (the caller's `out` has room for n, and a step writes below k + 8).
__attribute__((target("avx512f,avx512vl,avx512vpopcntdq")))
size_t FilterEightByEight(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
                          uint32_t* out) {
  const __m512i q = _mm512_set1_epi64(static_cast<long long>(query));
  const __m512i most_missing = _mm512_set1_epi64(static_cast<long long>(lack_query));
  const __m512i most_extra = _mm512_set1_epi64(static_cast<long long>(lack_listed));
  const __m256i step = _mm256_set1_epi32(8);
  __m256i positions = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  size_t kept = 0, k = 0;
  for (; k + 8 <= n; k += 8) {
    const __m512i s = _mm512_loadu_si512(sets + k);
    // x & ~y as a three-input logic table (0x30: the first input set, the second not), rather
    // than GCC's and-not, whose undefined filler vector it warns of when inlined.
    const __m512i missing = _mm512_popcnt_epi64(_mm512_ternarylogic_epi64(q, s, s, 0x30));  // query & ~set
    const __m512i extra = _mm512_popcnt_epi64(_mm512_ternarylogic_epi64(s, q, q, 0x30));    // set & ~query
    const __mmask8 ok = _mm512_cmple_epu64_mask(missing, most_missing) & _mm512_cmple_epu64_mask(extra, most_extra);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + kept), _mm256_maskz_compress_epi32(ok, positions));
    kept += static_cast<size_t>(std::popcount(static_cast<unsigned>(ok)));
    positions = _mm256_add_epi32(positions, step);
  }
  const size_t rest = FilterOneByOne(sets + k, n - k, query, lack_query, lack_listed, out + kept);
  for (size_t i = kept; i < kept + rest; ++i) out[i] += static_cast<uint32_t>(k);
  return kept + rest;
}
#endif

using Filter = size_t (*)(const uint64_t*, size_t, uint64_t, size_t, size_t, uint32_t*);

Filter Chosen() {
#if SANCHECK_WIDE_FILTER
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512vpopcntdq")) {
    return FilterEightByEight;
  }
#endif
  return FilterOneByOne;
}

}  // namespace

size_t FilterByLetters(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
                       uint32_t* out) {
  static const Filter filter = Chosen();
  return filter(sets, n, query, lack_query, lack_listed, out);
}

size_t FilterByLettersOneByOne(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
                               uint32_t* out) {
  return FilterOneByOne(sets, n, query, lack_query, lack_listed, out);
}

}  // namespace sancheck::screen
