// Small string helpers shared by the loaders and diagnostics.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace sancheck {

/// Edit distance (insertions, deletions, substitutions, and a swap of two adjacent
/// letters as one edit), for "did you mean" hints.
size_t EditDistance(std::string_view a, std::string_view b);

/// `s` with its ASCII letters in lower case.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// The candidate closest to `word` within an edit distance of 2, or "" when none is that
/// close: a hint, never a guess at random (nor one that keeps no letter in place, letter case
/// aside: '3' is not 'hs', 'KG' is 'kg', 'm' may be 'm3'). Of equally close ones, one of the same
/// length wins ("form" is "from" mistyped rather than "for" with a letter added), then the first.
template <typename Range>
std::string Closest(std::string_view word, const Range& candidates) {
  const std::string lower_word = AsciiLower(word);
  std::string best;
  size_t best_distance = 3;
  bool best_same_length = false;
  for (const auto& c : candidates) {
    const std::string_view candidate(c);
    // The distance is at least the difference in length: a candidate that cannot beat the best
    // (or tie it at the same length) is not measured.
    const size_t apart = candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (apart > best_distance || (apart > 0 && apart == best_distance)) continue;
    const size_t d = EditDistance(word, candidate);
    const bool same_length = candidate.size() == word.size();
    if (d > 0 && EditDistance(lower_word, AsciiLower(candidate)) >= std::max(word.size(), candidate.size())) continue;
    if (d > 0 && (d < best_distance || (d == best_distance && same_length && !best_same_length))) {
      best_distance = d;
      best_same_length = same_length;
      best = std::string(candidate);
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
