// Token alignment of two normalised names: which tokens (or joined runs) pair up, and the resulting score.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "screen/normalize.hpp"

namespace sancheck::screen {

/// A pair of the same letters spelt otherwise: the same romanisation class, a word and a run
/// of the same letters, word breaks typed elsewhere. Below it, a pair is a resemblance or a slip.
inline constexpr float kVariantSim = 0.99f;

/// Token pairs scoring below this are not paired at all: a weak resemblance between two
/// different given names must not add to the score.
inline constexpr double kTokenCutoff = 0.84;

/// An initial paired with a word it begins ("P." / "Peter"): just over the cutoff, a loose
/// resemblance (the screener makes it a possible match at most): it may stand for that name or
/// for another of the same letter.
inline constexpr float kInitialSim = 0.85f;

/// Similarity of two canonical tokens in [0, 1]: Jaro-Winkler, damped when the lengths differ
/// much (JW's prefix bonus otherwise rates "namchon" close to "namchongang"). Numbers only
/// match exactly, and so do `strict` tokens: short romanised Korean syllables, where one
/// letter makes a different name (cho/choe, yon/ryong, chon/chol).
double TokenSimilarity(std::string_view a, std::string_view b, bool numeric, bool strict = false);

/// The most Align could give a pair of a word or joined run written `q` and a listed one
/// written `term` (equal, Jaro-Winkler at kTokenCutoff or more, a clerk's slip), 0 when it
/// could not pair them at all: a bound over Align's pairings, so the index keeps every name
/// Align would score. `numeric`: `q` is a number, which pairs only when equal. `korean`: both
/// are romanised Korean (a joined run: all its words), held to Align's closer resemblance.
/// `run`: either side may be a joined run, which Align pairs with a word by that closer
/// resemblance whatever their length (short Korean words alone pair only by a slip).
double PairBound(std::string_view q, std::string_view term, bool numeric, bool korean, bool run = false);
/// The same, given both texts' letter sets (LetterSet): the index has them at hand for the
/// hundreds of words one query word is compared with.
double PairBound(std::string_view q, uint64_t q_letters, std::string_view term, uint64_t term_letters, bool numeric,
                 bool korean, bool run = false);

/// Whether every token of `mask` in `n` reads as romanised Korean.
bool AllKorean(const NormalizedName& n, uint16_t mask);

/// A cheap necessary condition for TokenSimilarity(a, b) >= cutoff from the words' lengths
/// and letter sets (LetterSet) alone, and the most first letters they can share
/// (Jaro-Winkler's bonus counts up to 4).
bool MayResemble(size_t len_a, uint64_t letters_a, size_t len_b, uint64_t letters_b, size_t prefix = 4,
                 double cutoff = kTokenCutoff);

/// The most TokenSimilarity can give two words of these lengths sharing `prefix` first letters
/// (up to 4 count) when at most `matches` of their letters can match.
double SimilarityBound(size_t matches, size_t len_a, size_t len_b, size_t prefix);
/// The fewest matching letters with which two words of these lengths, sharing `prefix` first
/// letters, may reach `cutoff` (SIZE_MAX: never). Two words whose letter sets (LetterSet) leave
/// fewer possible matches do not resemble each other: the index's scans test that alone.
size_t MatchesNeeded(size_t len_a, size_t len_b, size_t prefix, double cutoff);

/// The closer resemblance Align asks of romanised Korean words (and runs of them).
inline constexpr double kKoreanCutoff = 0.95;

/// Whether two tokens are compared exactly only (see TokenSimilarity).
bool StrictPair(const NameToken& a, const NameToken& b);

struct AlignedPair {
  uint16_t q_mask = 0;  ///< query tokens covered (one, or a joined run)
  uint16_t c_mask = 0;  ///< listed-name tokens covered
  float sim = 0;
  /// Two words written one clerk's slip apart (a letter dropped, added, doubled, two swapped, a
  /// key struck beside the one meant), whatever their resemblance.
  bool typo = false;
};

struct Alignment {
  double score = 0;  ///< weighted share of both names covered by paired tokens, times similarity
  uint16_t q_used = 0;
  uint16_t c_used = 0;
  std::array<AlignedPair, kMaxTokens> pairs{};
  uint8_t pair_count = 0;
  uint8_t slips = 0;  ///< Korean syllables paired though a letter apart (review only, see Align)
};

/// Pairs tokens greedily, best similarity first, each token used once; a token may pair with
/// a joined run of 2-3 adjacent tokens on the other side. Order-insensitive, so "Chun Ryong
/// Cho" aligns with "CHO CHUN RYONG". Tokens whose canonical forms are equal but whose
/// spellings differ score 0.99, so a verbatim match ranks above a romanisation variant.
/// Single Korean syllables, otherwise compared exactly, pair at 0.90 when one is the other
/// with a letter dropped or (three letters or more) two letters swapped, counted in `slips`.
Alignment Align(const NormalizedName& q, const NormalizedName& c);

}  // namespace sancheck::screen
