// The screening index of one designation list: its names in a compact arena and
// token-key postings in flat sorted arrays.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "screen/column.hpp"
#include "screen/designation.hpp"
#include "screen/normalize.hpp"

namespace sancheck::screen {

/// Where a listed name comes from in its designation.
enum class NameSource : uint8_t { kName, kAlias, kOriginal };

/// One indexed form of a listed name (a name, alias, the name without a
/// parenthesis, a romanisation of a name in another script). 16 bytes; the
/// tokens live in the arena.
struct IndexedName {
  uint32_t designation = 0;  ///< index into the list the index was built from
  uint32_t offset = 0;       ///< of its encoded tokens in NameIndex::arena
  float weight = 0;          ///< NormalizedName::total_weight, for the score bound without decoding
  uint16_t listed = 0;       ///< which alias or original name (NameSource)
  uint8_t source = 0;        ///< NameSource
  uint8_t flags = 0;         ///< kAcronymName, kKoreanName
};
static_assert(sizeof(IndexedName) == 16);

/// Weights in quarters, rounded up or down, for compact bounds.
inline uint16_t WeightCeil(float w) { return static_cast<uint16_t>(std::clamp(std::ceil(w * 4.0f), 0.0f, 65535.0f)); }
inline uint16_t WeightFloor(float w) { return static_cast<uint16_t>(std::clamp(std::floor(w * 4.0f), 0.0f, 65535.0f)); }
/// The most a name (or one of its tokens) can weigh: kMaxTokens tokens of kMaxTokenLength
/// letters. A loaded index with a weight outside [0, kMaxWeight], or not a number, is refused.
inline constexpr float kMaxWeight = static_cast<float>(kMaxTokens * kMaxTokenLength);
inline constexpr float kWeightUnit = 0.25f;

/// A term is a word somewhere (found by the word scan, not only as written).
inline constexpr uint8_t kTermWord = 1;
/// Every unit written so is romanised Korean (a joined run: all its words), compared as Align
/// compares Korean words.
inline constexpr uint8_t kTermKorean = 2;
/// A term is a joined run somewhere (found as written and by its start).
inline constexpr uint8_t kTermJoin = 4;

/// A text's first four bytes (0 past its end), as the word scan keeps them.
uint32_t FirstBytes(std::string_view w);
/// How many first bytes (up to four) two texts share, from their FirstBytes.
size_t SharedPrefix(uint32_t first_a, uint32_t first_b);

/// A text's length (at most 255) and first three bytes, as the run scan sorts them: each length's
/// runs side by side, by their start.
uint32_t RunKey(std::string_view w, size_t length);

/// The texts a word is a term by, on the list's side and the query's alike: its canonical form,
/// and as written where romanisation rewrote it (empty otherwise). A slip can make a word that no
/// longer reads as Korean ("jiindallae", "yogn"), whose canon then differs from the listed
/// word's more than the writing does.
inline std::array<std::string_view, 2> WordTexts(const NameToken& t) {
  return {t.canon, t.raw != t.canon ? std::string_view(t.raw) : std::string_view()};
}

/// The texts a joined run is a term by, on both sides alike: its canonical form, read whole where
/// that differs, and as written (in `buf`) where that differs from both (empty otherwise). Align
/// pairs a word with the written run, and a slip in a word is one in what was written ("yasir" /
/// "yas air", which reads "yasaer").
inline std::array<std::string_view, 3> RunTexts(const NormalizedName& n, const JoinedTokens& j, WrittenRunBuffer& buf) {
  const std::string_view written = WrittenRun(n, j.mask, buf);
  return {j.canon, j.whole != j.canon ? std::string_view(j.whole) : std::string_view(),
          written != j.canon && written != j.whole ? written : std::string_view()};
}

inline constexpr uint8_t kAcronymName = 1;
inline constexpr uint8_t kKoreanName = 2;

/// Two stages (see docs/screening.md, "Index"). Terms: every distinct text a listed name is
/// compared by (each word's canonical and written forms, each joined run's forms), with the
/// names having it, filed under their hash. A query word finds the terms under its keys
/// (term_keys.hpp), the listed words its letters allow (a scan of the words by length) and the
/// runs sharing its start, keeps those Align could pair it with (PairBound), and takes their
/// names, bounded by weight.
///
/// The tables are Columns: a built-in snapshot's are read where they lie in the program
/// (ParseListSnapshot, Integrity::kTrusted), any other index owns its own.
struct NameIndex {
  Column<IndexedName> names;
  Column<char> arena;
  Column<char> term_text;         ///< every term's bytes, one after another
  Column<uint32_t> term_starts;   ///< terms + 1 offsets into term_text
  Column<uint32_t> name_starts;   ///< terms + 1 offsets into name_ids
  Column<uint32_t> name_ids;      ///< per term, the names having it, ascending
  Column<uint64_t> keys;          ///< the terms' hashes, sorted, unique
  Column<uint32_t> key_starts;    ///< keys.size() + 1 offsets into key_terms
  Column<uint32_t> key_terms;     ///< per key, the terms filed under it (more than one: a collision)
  Column<uint8_t> term_kinds;     ///< per term: kTermWord, kTermKorean, kTermJoin
  Column<uint16_t> term_weights;  ///< per term: the most a unit written so weighs in a name (WeightCeil)

  /// Tells indexes apart in per-thread memos (NearTermCache): new for every Prepare, never reused.
  uint64_t serial = 0;
  // Made again on load (Prepare), except in the program's own snapshots, which store them
  // (PrepareWithStoredScan):
  /// Per name, its weight rounded down (WeightFloor): small enough to stay in cache.
  Column<uint16_t> name_weights;
  /// Directory over `keys` by their top bits, so a lookup costs a couple of cache misses.
  Column<uint32_t> directory;
  unsigned directory_shift = 64;
  /// The words by length: scan_terms[scan_starts[n] .. scan_starts[n + 1]) have n bytes, sorted
  /// by their first four bytes (FirstBytes: the start they share, and the words starting with a
  /// query word's letter side by side); their kinds, letter sets and first bytes beside.
  Column<uint32_t> scan_starts;
  Column<uint32_t> scan_terms;
  Column<uint8_t> scan_kinds;  ///< term_kinds of each
  Column<uint64_t> scan_letters;
  Column<uint32_t> scan_next;
  /// The words' text in scan order: a length's words lie side by side from
  /// scan_text_starts[n], n bytes each, so the few a query word is compared with are
  /// read from a small block instead of all over term_text.
  Column<char> scan_text;
  Column<uint64_t> scan_text_starts;
  std::string_view ScanText(size_t k, size_t n) const {
    return std::string_view(scan_text).substr(scan_text_starts[n] + (k - scan_starts[n]) * n, n);
  }
  /// The terms only ever joined runs, by their length and first three bytes (RunKey), sorted;
  /// their terms, letter sets and fourth bytes beside.
  Column<uint32_t> run_keys;
  Column<uint32_t> run_terms;
  Column<uint64_t> run_letters;
  Column<uint8_t> run_fourth;
  /// Each run's letters counted twice, thrice and beyond (RepeatsOf): the bound on the letters a
  /// query word shares with it, read beside its letter set instead of from its text, scattered
  /// over term_text (every run of a compatible length is tried).
  Column<LetterRepeats> run_repeats;

  size_t term_count() const { return term_starts.empty() ? 0 : term_starts.size() - 1; }
  std::string_view Term(uint32_t t) const {
    return std::string_view(term_text).substr(term_starts[t], term_starts[t + 1] - term_starts[t]);
  }
  /// The range of key_terms filed under `key` (empty when none).
  std::pair<uint32_t, uint32_t> TermsUnder(uint64_t key) const;

  /// Builds what is made again on load rather than stored: the weights, the lookup directory
  /// over `keys`, the word scan. Only on an index that passed Validate.
  void Prepare();
  /// Prepare with the weights, directory and scans as a snapshot stored them (a built-in
  /// snapshot, made by Prepare when the program was built): only checked to be in bounds, the
  /// sorting and filling that make them skipped (~1.2 ms of every start). Empty when sound,
  /// else what is wrong.
  std::string PrepareWithStoredScan();

  /// Indexes every name, alias and original-script name of `list` (designation
  /// ids count from its first entry).
  static NameIndex Build(std::span<const Designation> list);

  /// The name's normalised form, as NormalizeName gave it when the index was
  /// built.
  void Decode(uint32_t name, NormalizedName& out) const;
  /// The listed text a name was made from (its designation's name, an alias or
  /// an original name).
  static const std::string& Listed(const Designation& d, const IndexedName& n);

  /// Names that may score `floor` or more against `q` (see docs/screening.md,
  /// "Index"): each query word and joined run finds the terms it may pair
  /// with, split by how closely (tiers); the names of the rarest are gathered,
  /// those of the most common only searched for among them, once what they
  /// could pair can no longer lift a name to `floor` on its own. A name is kept
  /// when what it pairs, at each pair's best, can still lift it there.
  void Collect(const NormalizedName& q, double floor, std::vector<uint32_t>& out) const;

  /// What a query text is, for the terms it may pair with.
  enum class Near : uint8_t {
    kExact,       ///< a number: the same text only
    kWord,        ///< a word: also its deletions, the words its letters allow, runs with its start
    kKoreanWord,  ///< the same, a romanised Korean word (runs held to the Korean cutoff)
    kRun,         ///< a joined run: also its deletions, the words its letters allow
  };
  static Near NearFor(const NameToken& t) {
    return t.numeric() ? Near::kExact : (t.flags & kKoreanToken) ? Near::kKoreanWord : Near::kWord;
  }

  /// The terms Collect tries for a query text `w`: those filed under one of
  /// its keys, the listed words whose letters may let them resemble it or be a
  /// slip of it, and, for a word, the joined runs sharing its first three
  /// letters; with repeats, not yet tested with PairBound.
  void NearTerms(std::string_view w, Near near, std::vector<uint32_t>& out) const;

 private:
  template <typename F>
  void ForEachNearTerm(std::string_view w, Near near, F&& f) const;
  template <typename F>
  void ScanNear(std::string_view w, bool korean, bool runs, F&& consider) const;
  /// The word terms a query word pairs with as an initial (kInitialSim): for a letter alone, every
  /// listed word of two letters or more it begins; for a longer word, its first letter listed alone.
  template <typename F>
  void ForEachInitialPair(std::string_view w, F&& f) const;
  void PrepareScan();
  void PrepareLookups();
  std::string CheckScan() const;
  std::string CheckLookups() const;

 public:
  /// Checks a loaded index against the list it was built from: every offset,
  /// id, alias and count in range and every name decodable. Empty when sound,
  /// else what is wrong.
  std::string Validate(const std::vector<Designation>& list) const;
};

}  // namespace sancheck::screen
