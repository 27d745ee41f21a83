// Jaro-Winkler similarity of two short ASCII tokens, allocation-free.
#pragma once

#include <string_view>

namespace sancheck::screen {

/// Longest token compared; longer inputs are compared on their first kMaxCompared bytes, which
/// keeps the matching flags in one 64-bit word and the work bounded on hostile input.
inline constexpr size_t kMaxCompared = 64;

/// Jaro similarity in [0, 1] (1 = identical).
double Jaro(std::string_view a, std::string_view b);

/// Jaro-Winkler: Jaro plus a bonus of 0.1 per shared leading character (at most 4), which
/// suits names, whose first letters are the most reliably transcribed.
double JaroWinkler(std::string_view a, std::string_view b);

}  // namespace sancheck::screen
