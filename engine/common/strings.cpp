// EditDistance(): optimal string alignment distance over the short words of "did you mean" hints.
#include "common/strings.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

namespace sancheck {

size_t EditDistance(std::string_view a, std::string_view b) {
  // d[i][j]: distance between the first i characters of a and the first j of b, kept as
  // three rows; swapping two adjacent letters ("form" for "from") counts as one edit, the
  // commonest slip when typing a key.
  // Rows on the stack for the short words hints compare (a batch hints at every bad record's
  // tag); the heap only for longer ones.
  const size_t n = b.size() + 1;
  constexpr size_t kShort = 64;
  std::array<size_t, 3 * kShort> rows;
  std::vector<size_t> heap(n > kShort ? 3 * n : 0);
  size_t* const base = n > kShort ? heap.data() : rows.data();
  std::span<size_t> before(base, n), prev(base + n, n), cur(base + 2 * n, n);
  for (size_t j = 0; j < n; ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j < n; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace sancheck
