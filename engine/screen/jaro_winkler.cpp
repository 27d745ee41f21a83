// Jaro-Winkler similarity with bitmask bookkeeping: no allocation, bounded input length.
#include "screen/jaro_winkler.hpp"

#include <algorithm>
#include <cstdint>

namespace sancheck::screen {

double Jaro(std::string_view a, std::string_view b) {
  if (a.size() > kMaxCompared) a = a.substr(0, kMaxCompared);
  if (b.size() > kMaxCompared) b = b.substr(0, kMaxCompared);
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a == b) return 1.0;
  const size_t la = a.size(), lb = b.size();
  const size_t window = std::max(la, lb) / 2 > 0 ? std::max(la, lb) / 2 - 1 : 0;
  uint64_t used_b = 0;
  uint64_t used_a = 0;
  size_t matches = 0;
  for (size_t i = 0; i < la; ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(lb, i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      const uint64_t bit = uint64_t{1} << j;
      if ((used_b & bit) == 0 && a[i] == b[j]) {
        used_b |= bit;
        used_a |= uint64_t{1} << i;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  // Transpositions: matched characters of a and b, taken in order, that differ.
  size_t half_transpositions = 0;
  size_t j = 0;
  for (size_t i = 0; i < la; ++i) {
    if ((used_a & (uint64_t{1} << i)) == 0) continue;
    while ((used_b & (uint64_t{1} << j)) == 0) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
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
