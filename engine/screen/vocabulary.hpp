// The words name normalisation knows (legal forms, titles, connecting and generic words, spelling variants) and the one a slip of them stands for.
#pragma once

#include <string_view>

namespace sancheck::screen {

/// A legal form ("ltd", "corporation"): dropped, as "Co." and "Company" name the same firm.
bool IsLegalForm(std::string_view w);
/// A connecting word ("of", "the"): dropped inside a name, kept at its end.
bool IsConnectingWord(std::string_view w);
/// A title, honorific or name suffix ("mr", "dr", "colonel", "jr"): dropped.
bool IsTitleWord(std::string_view w);
/// A religious or honorific title that is also a family name or a name's part where it cannot be
/// a title: mullah, sheikh, haji, qari, mufti, maulavi and their spellings (Kashif Sheikh,
/// Al-Mulla, Mohamed Omar Haji).
bool IsNameTitle(std::string_view w);
/// The pilgrim's title haji (hajji, hadji), which the article begins when written apart ("El
/// Hadji", "Al-Haji": Alhaji).
bool IsPilgrimTitle(std::string_view w);
/// A word many listed names share ("korea", "trading"): weighs little in a score (the list is
/// documented in docs/screening.md).
bool IsGenericWord(std::string_view folded_word);
/// The one word an abbreviation or variant spelling stands for ("intl" → "international"),
/// or empty. The view is of a constant: it outlives every name.
std::string_view StandardSpelling(std::string_view w);
/// A legal form, connecting or generic word, or a word StandardSpelling maps (the abbreviation or
/// variant, "intl", not the word it stands for unless that is in another table).
bool IsVocabularyWord(std::string_view w);

/// Slips are looked for in words of at least this many letters, and inside vocabulary words of
/// at least this many; a shorter vocabulary word (one letter less) is found only with a letter
/// added ("eastt", "uunit"): a letter dropped from or swapped in a short word is too often
/// another word ("sea" / "se").
inline constexpr size_t kMinSlipWord = 5;
inline constexpr size_t kMinSlipVocabulary = 5;
/// Vocabulary words this long are long enough that one letter changed, whatever the key, leaves
/// no other word: "intergational" is "international".
inline constexpr size_t kMinChangedVocabulary = 8;

/// The vocabulary word that `w` is one slip from, or empty: "CORPORATIONN", "COROPRATION" and
/// "GENEERAL" must still be the corporate form and the generic word, not distinctive words the
/// listed name lacks. A letter struck for another counts too, but never as a title (a title is
/// dropped from the name): a neighbouring key ("INTDRNATIONAL", "TRADIBG"), or any letter in a
/// word of kMinChangedVocabulary letters or more ("INTERGATIONAL"). A slip read as a title keeps
/// its first letter ("ullah" is no "mullah"). Looked for under `w` itself, then `w` with each letter left out in turn;
/// when two words are found under one of those, a swap (a word of w's length) is taken, else
/// the first in the tables (legal forms, connecting words, generic words, spellings).
std::string_view NearVocabulary(std::string_view w);

}  // namespace sancheck::screen
