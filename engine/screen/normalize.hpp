// Name normalisation for screening: UTF-8 folding, tokens, corporate forms, generic words, romanisation classes.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sancheck::screen {

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__POPCNT__)
/// Whether the processor counts bits in one instruction: Debian's baseline x86-64 does not
/// promise it, and without it GCC calls a library routine for every count.
inline const bool kHasPopcnt = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("popcnt") != 0;
}();
#endif

/// The bits set in `x`: one instruction where the processor has it, else std::popcount.
inline int CountBits(uint64_t x) {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__POPCNT__)
  if (kHasPopcnt) {
    uint64_t n;
    __asm__("popcnt %1, %0" : "=r"(n) : "rm"(x) : "cc");
    return static_cast<int>(n);
  }
#endif
  return std::popcount(x);
}

// Bounds on hostile input: longer names are cut, so screening work stays bounded.
inline constexpr size_t kMaxNameBytes = 256;
inline constexpr size_t kMaxTokens = 12;
inline constexpr size_t kMaxTokenLength = 32;

enum TokenFlag : uint8_t {
  kGenericToken = 1,  ///< a word many organisations share ("bank", "ministry", "korea")
  kNumericToken = 2,  ///< digits only: vessel numbers, "Office 39"
  kKoreanToken = 4,   ///< reads as romanised Korean (see LooksKorean)
  kParticleToken = 8, ///< an article or a kunya's "abu" ("al", "el", "abou"): part of a name, not a name
};

struct NameToken {
  std::string raw;    ///< folded as written: lower-case ASCII, no diacritics or apostrophes
  std::string canon;  ///< romanisation class form: what is compared
  uint8_t flags = 0;
  float weight = 0;   ///< share of the name this token carries (generic words count less)
  uint64_t letters = 0;  ///< set of bytes in canon (LetterSet), for a cheap similarity bound
  uint64_t canon_hash = 0;  ///< HashText(canon): equality tests without comparing bytes
  uint64_t raw_hash = 0;

  bool generic() const { return (flags & kGenericToken) != 0; }
  bool numeric() const { return (flags & kNumericToken) != 0; }
  bool particle() const { return (flags & kParticleToken) != 0; }
};

/// Adjacent tokens joined, so "chun ryong" can meet "chunryong" (and the reverse).
struct JoinedTokens {
  std::string canon;  ///< the tokens' canonical forms joined
  /// The canonical form of the written words joined (runs of two; `canon` for three): a hyphen
  /// or space typed one letter off ("myongc-hin", "chunr-yong") gives other tokens but the same
  /// whole.
  std::string whole;
  uint64_t whole_hash = 0;  ///< HashText(whole)
  uint16_t mask = 0;  ///< bit i set when token i is part of the join
  float weight = 0;
  uint64_t letters = 0;
};

/// The bytes of `s` as a 64-bit set (byte value modulo 64): a byte of one string whose bit is
/// missing from the other's set cannot be a Jaro match.
uint64_t LetterSet(std::string_view s);

/// Whether `c` is one of the five vowel letters a, e, i, o, u (lower case).
bool IsVowel(char c);

/// The bytes of `s` (as LetterSet folds them) present twice or more and three times or more,
/// and how many occurrences lie past a byte's third: with the letter sets, a bound on the bytes
/// two texts share counting repeats (SharedLetters), so on Jaro's matches.
struct LetterRepeats {
  uint64_t twice = 0, thrice = 0;
  size_t beyond = 0;
};
LetterRepeats RepeatsOf(std::string_view s);
/// The most bytes two texts can have in common, repeats counted: each byte value contributes
/// the fewer of its two counts, here bounded by its presence once, twice and three times, and
/// the occurrences past the third on the side with fewer of them.
/// (Inline: the run scan asks it of every run its letter sets leave.)
inline size_t SharedLetters(uint64_t set_a, const LetterRepeats& a, uint64_t set_b, const LetterRepeats& b) {
  return static_cast<size_t>(CountBits(set_a & set_b) + CountBits(a.twice & b.twice) +
                             CountBits(a.thrice & b.thrice)) +
         (a.beyond < b.beyond ? a.beyond : b.beyond);
}

/// 64-bit FNV-1a of `s`, skipping the byte at `skip` (for single-deletion variants). constexpr:
/// the vocabulary's slip keys are made at compile time (vocabulary.cpp).
constexpr uint64_t HashText(std::string_view s, size_t skip = std::string_view::npos) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == skip) continue;
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ull;
  }
  return h;
}

struct NormalizedName {
  std::vector<NameToken> tokens;
  std::vector<JoinedTokens> joins;  ///< runs of 2 and 3 adjacent non-numeric tokens
  float total_weight = 0;
  bool truncated = false;  ///< the input was longer than the bounds above
  bool invisible = false;  ///< invisible characters were removed (see FoldNotes)
  bool look_alike = false;  ///< letters of another script were read as Latin
  bool legal_form = false;  ///< a company's legal form was dropped ("Co.", "Ltd", "LLC")
};

/// A joined run's words as written (their `raw` forms), run together in `buf` (a run is at most
/// three words): what a clerk would type, which the canonical forms may read otherwise ("YAS AIR"
/// reads "yasaer", written "yasair", one letter from "Yasir").
using WrittenRunBuffer = std::array<char, 3 * kMaxTokenLength>;
std::string_view WrittenRun(const NormalizedName& n, uint16_t mask, WrittenRunBuffer& buf);

/// What folding changed that a reader of a match should know about.
struct FoldNotes {
  bool invisible = false;   ///< default-ignorable or bidi control code points were removed
  bool look_alike = false;  ///< letters of another script were replaced by the Latin ones they imitate
};

/// Folds UTF-8 text to lower-case ASCII words separated by single spaces: diacritics are
/// removed (ŏ -> o), apostrophes of every kind (' ’ ‘ ʼ `) are deleted so that
/// "Ch'oe" reads "choe", and other punctuation separates words. Letters outside the Latin
/// script are kept as UTF-8, except those made to look like Latin letters (Cyrillic 'Ј'),
/// which become those letters; invisible code points (zero-width space, soft hyphen, bidi
/// controls) are removed. Used for clearances' party names too.
std::string FoldText(std::string_view text, FoldNotes* notes = nullptr);

/// The full pipeline: fold, split on spaces and hyphens, read a word one clerk's slip from a
/// vocabulary word as that word ("Corporationn", "Geneeral"), drop corporate forms
/// (Corporation/Corp./Co./Company/Ltd/Limited...) and connecting words (of, the, and; not as
/// the last word), expand abbreviations (Shpg, Intl, 2nd, J/V), unify spellings
/// (defence/defense, centre/center, Korean/Korea), map Korean romanisation variants to one
/// class (undoubling a consonant when only that makes the word Korean: "Kimm"), then weigh
/// tokens and build the joined forms. Names in other scripts are romanised separately
/// (transliterate.hpp).
NormalizedName NormalizeName(std::string_view text);

/// How much a person's middle name weighs against the others. NormalizeName weighs so, on both
/// sides alike, the words between the first and the last (second names, patronymics: "Tarkhan
/// Isaevich Gaziev", "NOOR MOHAMMAD SAQIB"; in a name written surname first before a comma,
/// "GAZIEV, Tarkhan Isaevich", those between the first given name and the surname) of a name
/// that reads as a person's: three words or more, no generic word or number (an
/// organisation's), not romanised Korean syllables alone (a surname and a two-syllable given
/// name). A party named by the first and last alone ("Tarkhan Gaziev"), as people and clerks
/// often write them, then covers enough of the name to be a possible match, and a middle name
/// differing costs less than a given name or surname.
inline constexpr float kMiddleNameWeight = 0.5f;

}  // namespace sancheck::screen
