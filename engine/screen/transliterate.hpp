// Romanised Latin keys for names written in Hangul, Cyrillic or Han characters (ICU transliteration).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sancheck::screen {

/// At most this many keys per name: the Korean-in-Cyrillic readings multiply (see below).
inline constexpr size_t kMaxRomanisedKeys = 10;

/// True when `text` holds a Hangul syllable, a Cyrillic letter or a Han character: only then
/// has RomanisedKeys anything to do. A scan of the bytes, no allocation.
bool HasRomanisableScript(std::string_view text);

/// The Latin readings of a name written wholly or partly in another script, for matching
/// against romanised names (they go through NormalizeName like any other spelling):
///
/// - Hangul: a McCune-Reischauer key (DPRK usage, from the syllables' jamo: 조춘룡 ->
///   "cho chun ryong") and a Revised Romanisation key (ICU "Hangul-Latin": "jo chun lyong");
///   every syllable is a word of its own, since Hangul writes a name without a space between
///   surname and given name, and the joined forms of NormalizeName rebuild "chunryong";
/// - Cyrillic: ICU "Russian-Latin/BGN" (Russian names), and, when every word then reads as
///   romanised Korean, the reverse of the Kontsevich system Russian uses for Korean names
///   (чх -> ch, ё -> yo, ы -> u, э -> ae, ...; Чо Чхун Рён -> "cho chun ryong"); Kontsevich
///   writes a final ㄴ and ㅇ alike as н, so a word ending in n is read both ways;
/// - Han: ICU "Han-Latin; Latin-ASCII" (Mandarin pinyin without tone marks); a name of Han
///   characters and spaces is read by the build's table of ICU's readings (han_readings.hpp),
///   which gives what ICU gives, without building its transliterator. (When the running ICU
///   has no Han-Latin data, such a name is still read, by the table.)
///
/// Characters of other scripts are kept as they are. Only the first kMaxNameBytes of `text`
/// are read, as NormalizeName does. Empty when the name has nothing to romanise. Safe to call from several threads (each thread uses its own transliterators).
std::vector<std::string> RomanisedKeys(std::string_view text);

/// ICU's own "Han-Latin; Latin-ASCII" reading of `text`, never the build's table: what the table
/// is made from and checked against (tools/hangen, the tests, the names fuzz target). Empty when
/// ICU's data has no Han-Latin.
std::string HanLatinByIcu(std::string_view text);

/// The McCune-Reischauer reading of the Hangul syllables in `text` alone (for the tests and
/// the documentation); other characters are copied.
std::string HangulMcCuneReischauer(std::string_view text);

}  // namespace sancheck::screen
