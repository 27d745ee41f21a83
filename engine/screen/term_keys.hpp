// The keys a query text looks listed terms up under.
#pragma once

#include <cstdint>
#include <string_view>

#include "screen/normalize.hpp"

namespace sancheck::screen {

/// Single-letter deletions from query words this long.
inline constexpr size_t kOneDeletionFrom = 3;

/// Calls f(key) for every key a query text looks listed terms up under: its hash (HashText) and,
/// when `fuzzy`, its one-letter deletions, which meet a listed joined run written with a letter
/// less ("chunryongg" / "chun ryong"). Listed terms are filed under their own hash only: near
/// words are found by the index's scan of the words (NameIndex::Collect), runs by their start.
template <typename F>
void ForEachQueryKey(std::string_view s, bool fuzzy, F&& f) {
  f(HashText(s));
  if (!fuzzy || s.size() < kOneDeletionFrom) return;
  for (size_t i = 0; i < s.size(); ++i) f(HashText(s, i));
}

}  // namespace sancheck::screen
