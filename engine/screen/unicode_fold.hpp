// Unicode properties for name folding, from ICU: invisible code points, Latin base letters, look-alikes of other scripts.
#pragma once

#include <string>

namespace sancheck::screen {

/// Code points that render as nothing and so can hide inside a name: the
/// default-ignorable ones (zero-width space, soft hyphen, word joiner, ...)
/// and the bidirectional controls.
bool IsInvisible(char32_t cp);

/// For a Latin letter with diacritics the fixed tables do not cover (U+1E00 block: 'ḥ', 'Ṭ',
/// 'ẓ' of Arabic transliteration; Latin Extended-B: 'ș', 'ǧ'), its base letter in lower case,
/// from the canonical decomposition (NFD: a base letter and combining marks); empty otherwise.
std::string LatinBaseLetter(char32_t cp);

/// For a letter of another script that looks like Latin letters (Cyrillic
/// 'Ј' for 'J', Greek 'Ο' for 'O'), those letters in lower case, from the
/// Unicode confusables' skeleton (UTS #39, ICU's spoof checker); empty when
/// `cp` is Latin, common to all scripts, or has no all-Latin skeleton.
std::string LatinLookAlike(char32_t cp);

}  // namespace sancheck::screen
