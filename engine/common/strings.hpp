// Small string helpers shared by the loaders and diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sancheck {

/// Levenshtein distance (insertions, deletions, substitutions), for "did you mean" hints.
size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` within an edit distance of 2 (the first of
/// equals), or "" when none is that close: a hint, never a guess at random.
template <typename Range>
std::string Closest(std::string_view word, const Range& candidates) {
  std::string best;
  size_t best_distance = 3;
  for (const auto& c : candidates) {
    const size_t d = EditDistance(word, c);
    if (d < best_distance && d > 0) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

/// " (did you mean 'x'?)" for a close candidate, else "".
template <typename Range>
std::string DidYouMean(std::string_view word, const Range& candidates) {
  const std::string best = Closest(word, candidates);
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

}  // namespace sancheck
