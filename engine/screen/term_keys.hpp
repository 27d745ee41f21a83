// The lookup keys of a compared text: how the index finds the listed words a query word may pair with.
#pragma once

#include <cstdint>
#include <string_view>

namespace sancheck::screen {

/// 64-bit FNV-1a of `s` without the bytes at `skip1` and `skip2` (two-letter deletions).
uint64_t HashText2(std::string_view s, size_t skip1, size_t skip2);

// Single-letter deletions from words this long: a letter dropped, added, replaced, or two
// swapped leave a deletion both spellings share ("osn" / "son", "rii" / "ri").
inline constexpr size_t kOneDeletionFrom = 3;
// Two-letter deletions from words this long (up to kTwoDeletionsUpTo). Words whose first
// letters differ pair only at a Jaro similarity of 0.84 (no Winkler prefix bonus), and with
// one common first letter at 0.82: then two words of up to 12 letters are at most two edits
// apart, and a two-letter edit needs a word of six letters on one side. Words sharing their
// first two letters can pair from further apart ("zhao" / "zhang", "binxia" / "bintie"): the
// index finds them by scanning the words with the same start (NameIndex::Collect).
inline constexpr size_t kTwoDeletionsFrom = 6;
inline constexpr size_t kTwoDeletionsUpTo = 14;

/// Calls f(key) for every key of `s`: its hash; when `fuzzy` (a word, not a number or a joined
/// run), its deletions as above. The index files each listed word under these keys and looks
/// each query word up under the same ones, so two spellings an edit or two apart share a key;
/// which of the words found really pair is decided afterwards (PairBound).
template <typename F>
void ForEachTermKey(std::string_view s, bool fuzzy, F&& f);


template <typename F>
void ForEachTermKey(std::string_view s, bool fuzzy, F&& f) {
  f(HashText2(s, std::string_view::npos, std::string_view::npos));
  if (!fuzzy) return;
  const size_t n = s.size();
  if (n >= kOneDeletionFrom) {
    for (size_t i = 0; i < n; ++i) f(HashText2(s, i, std::string_view::npos));
  }
  if (n >= kTwoDeletionsFrom && n <= kTwoDeletionsUpTo) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) f(HashText2(s, i, j));
    }
  }
}

}  // namespace sancheck::screen
