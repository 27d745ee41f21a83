// Korean romanisation equivalence: maps a romanised syllable or name token to one canonical spelling.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sancheck::screen {

/// True when `token` (lower-case ASCII) reads as one to four romanised Korean syllables
/// (initial consonant, vowel, final consonant). Only such tokens get the letter rules, so
/// that English words in company names ("leader", "bank") are never rewritten.
bool LooksKorean(std::string_view token);

/// The canonical spelling of a lower-case ASCII token: variant spellings of the same Korean
/// syllable (McCune-Reischauer, Revised Romanisation, DPRK and South Korean usage) map to one
/// form, e.g. jo/cho/joe -> "cho", ri/li/lee/rhee/yi -> "ri", cheol/chul/chol -> "chol".
/// Other tokens are returned unchanged.
std::string CanonicalToken(std::string_view token);
/// The same, when LooksKorean(token) is already known.
std::string CanonicalToken(std::string_view token, bool looks_korean);

/// One documented equivalence class: the canonical form and example spellings that map to it.
struct RomanisationClass {
  std::string_view canonical;
  std::vector<std::string_view> spellings;
};

/// The whole-token classes (the letter rules are described in docs/screening.md); used by the
/// documentation and the tests.
const std::vector<RomanisationClass>& RomanisationClasses();

/// Arabic given names' Latin spellings, one class each (Abdul/Abdel/Abdal, Husayn/Hussein,
/// Yusuf/Youssef, Umar/Omar, ...): CanonicalToken maps every spelling, on any token, to the class.
const std::vector<RomanisationClass>& ArabicNameClasses();

}  // namespace sancheck::screen
