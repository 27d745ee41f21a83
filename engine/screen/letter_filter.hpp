// The index's bulk test of listed words by letter sets: which may resemble a query word.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sancheck::screen {

/// Writes to `out` the positions k in [0, n) whose letter set `sets[k]` lacks at most `lack_query`
/// of the query's letters (`query`) and has at most `lack_listed` letters the query lacks; returns
/// how many. `out` holds n entries. Eight sets a step where the processor counts bits in vectors
/// (AVX-512 VPOPCNTDQ), else one at a time with its population count where it has one.
size_t FilterByLetters(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
                       uint32_t* out);
/// The same, one set at a time whatever the processor: what the vector version is tested against.
size_t FilterByLettersOneByOne(const uint64_t* sets, size_t n, uint64_t query, size_t lack_query, size_t lack_listed,
                               uint32_t* out);

}  // namespace sancheck::screen
