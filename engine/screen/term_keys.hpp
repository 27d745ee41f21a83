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
/// The scan takes words of two letters or more: a letter typed twice or once where the other
/// side has one letter ("f" / the alias "FF", "ff" / "F") is looked up here.
template <typename F>
void ForEachQueryKey(std::string_view s, bool fuzzy, F&& f) {
  f(HashText(s));
  if (!fuzzy) return;
  if (s.size() == 1) {
    const char doubled[2] = {s[0], s[0]};
    f(HashText(std::string_view(doubled, 2)));
  }
  if (s.size() == 2 && s[0] == s[1]) f(HashText(s, 0));
  if (s.size() < kOneDeletionFrom) return;
  for (size_t i = 0; i < s.size(); ++i) f(HashText(s, i));
}

}  // namespace sancheck::screen
