// EditDistance(): one-row dynamic programming over the shorter table of "did you mean" candidates.
#include "common/strings.hpp"

#include <algorithm>
#include <vector>

namespace sancheck {

size_t EditDistance(std::string_view a, std::string_view b) {
  // row[j] holds the distance between the first i characters of a and the
  // first j of b; `diag` keeps the previous row's value at j-1.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace sancheck
