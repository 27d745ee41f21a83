// Jaro-Winkler similarity, bit-parallel: each character finds its match by masking; no allocation, bounded input length.
#include "screen/jaro_winkler.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

namespace sancheck::screen {

double Jaro(std::string_view a, std::string_view b) {
  if (a.size() > kMaxCompared) a = a.substr(0, kMaxCompared);
  if (b.size() > kMaxCompared) b = b.substr(0, kMaxCompared);
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a == b) return 1.0;
  const size_t la = a.size(), lb = b.size();
  const size_t window = std::max(la, lb) / 2 > 0 ? std::max(la, lb) / 2 - 1 : 0;
  // Where each byte of b is, by its low six bits (the letters are distinct there): each
  // character of a then finds its match in b by masking, not by a scan of the window. Only
  // the slots a and b use are cleared, not the whole table. Bytes sharing low bits (a digit
  // and a lower-case letter) are told apart by comparing the few positions found.
  std::array<uint64_t, 64> at;  // only the slots a and b use are read, each cleared first
  for (const char c : a) at[static_cast<unsigned char>(c) & 63u] = 0;
  for (const char c : b) at[static_cast<unsigned char>(c) & 63u] = 0;
  for (size_t j = 0; j < lb; ++j) at[static_cast<unsigned char>(b[j]) & 63u] |= uint64_t{1} << j;
  uint64_t used_b = 0;
  uint64_t used_a = 0;
  size_t matches = 0;
  for (size_t i = 0; i < la; ++i) {
    // Greedy as the definition reads: the first unused equal character of b in the window.
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(lb, i + window + 1);
    if (lo >= hi) continue;
    const uint64_t in_window = (hi == 64 ? ~uint64_t{0} : (uint64_t{1} << hi) - 1) & ~((uint64_t{1} << lo) - 1);
    for (uint64_t free = at[static_cast<unsigned char>(a[i]) & 63u] & in_window & ~used_b; free != 0;
         free &= free - 1) {
      const auto j = static_cast<size_t>(std::countr_zero(free));
      if (b[j] != a[i]) continue;
      used_b |= uint64_t{1} << j;
      used_a |= uint64_t{1} << i;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  // Transpositions: matched characters of a and b, taken in order, that differ.
  size_t half_transpositions = 0;
  for (uint64_t ia = used_a, jb = used_b; ia != 0; ia &= ia - 1, jb &= jb - 1) {
    if (a[static_cast<size_t>(std::countr_zero(ia))] != b[static_cast<size_t>(std::countr_zero(jb))]) ++half_transpositions;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  return (m / static_cast<double>(la) + m / static_cast<double>(lb) + (m - t) / m) / 3.0;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  const double jaro = Jaro(a, b);
  size_t prefix = 0;
  const size_t limit = std::min({a.size(), b.size(), size_t{4}});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace sancheck::screen
