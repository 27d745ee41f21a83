// Romanised keys for non-Latin names: jamo tables for McCune-Reischauer, ICU transliterators for the rest.
#include "screen/transliterate.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

#include "common/utf8.hpp"
#include "screen/han_readings.hpp"
#include "screen/normalize.hpp"
#include "screen/romanization.hpp"

namespace sancheck::screen {
namespace {

constexpr char32_t kHangulFirst = 0xAC00, kHangulLast = 0xD7A3;

bool IsHangul(char32_t cp) { return cp >= kHangulFirst && cp <= kHangulLast; }
bool IsCyrillic(char32_t cp) { return cp >= 0x400 && cp <= 0x4FF; }
bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

struct Scripts {
  bool hangul = false, cyrillic = false, han = false;
  bool any() const { return hangul || cyrillic || han; }
};

Scripts ScriptsIn(std::string_view text) {
  Scripts found;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII, the common case: skipped fast
      ++i;
      continue;
    }
    const char32_t cp = DecodeUtf8(text, i);
    found.hangul = found.hangul || IsHangul(cp);
    found.cyrillic = found.cyrillic || IsCyrillic(cp);
    found.han = found.han || IsHan(cp);
  }
  return found;
}

// McCune-Reischauer without breves or apostrophes, as the DPRK and the UN list write it
// (ŏ and ŭ read o and u; ch'/k'/t'/p' read ch/k/t/p after folding anyway). A syllable is
// romanised on its own, as Korean personal names are: no sound changes across syllables.
constexpr std::array<std::string_view, 19> kInitials = {
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h"};
constexpr std::array<std::string_view, 21> kVowels = {
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
constexpr std::array<std::string_view, 28> kFinals = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

// Kontsevich, the Russian system for Korean, read back into Latin. ICU applies the first rule
// that matches at a position, so digraphs come before their letters. ㅓ and ㅗ are both о
// there, as both are o in McCune-Reischauer without breves.
constexpr std::string_view kKoreanCyrillicRules =
    "чх > ch; кх > k; тх > t; пх > p; дж > ch; чч > tch; кк > kk; тт > tt; пп > pp; сс > ss;"
    "ый > ui; йе > ye; йя > yae; ль > l;"
    "ч > ch; к > k; г > k; т > t; д > t; п > p; б > p; с > s; н > n; м > m; р > r; л > l; х > h;"
    "ё > yo; ю > yu; я > ya; е > e; э > ae; ы > u; и > i; о > o; у > u; а > a; в > w; й > y;"
    "ь > ; ъ > ;";

enum Which : size_t { kHangulRr, kRussianBgn, kKoreanCyrillic, kHanPinyin, kWhichCount };

// One transliterator of each kind, created on first use (Han-Latin takes about 0.1 s to build:
// HanPinyin reads most names by the build's table instead); threads clone their own, because
// an ICU Transliterator must not be used by two threads at once (screening runs in batch workers).
const icu::Transliterator* Prototype(Which which) {
  static std::array<std::unique_ptr<icu::Transliterator>, kWhichCount> prototypes;
  static std::array<std::once_flag, kWhichCount> made;
  std::call_once(made[which], [which] {
    static constexpr std::array<const char*, kWhichCount> ids = {"Hangul-Latin", "Russian-Latin/BGN; Latin-ASCII",
                                                                 nullptr, "Han-Latin; Latin-ASCII"};
    UErrorCode status = U_ZERO_ERROR;
    if (ids[which] != nullptr) {
      prototypes[which].reset(icu::Transliterator::createInstance(ids[which], UTRANS_FORWARD, status));
    } else {
      UParseError parse_error;
      const auto rules = icu::UnicodeString::fromUTF8(
          icu::StringPiece(kKoreanCyrillicRules.data(), static_cast<int32_t>(kKoreanCyrillicRules.size())));
      prototypes[which].reset(
          icu::Transliterator::createFromRules("ko_Cyrl-Latn", rules, UTRANS_FORWARD, parse_error, status));
    }
    if (U_FAILURE(status)) prototypes[which].reset();  // ICU data missing: that key is not made
  });
  return prototypes[which].get();
}

icu::Transliterator* ForThisThread(Which which) {
  thread_local std::array<std::unique_ptr<icu::Transliterator>, kWhichCount> mine;
  if (!mine[which]) {
    const icu::Transliterator* proto = Prototype(which);
    if (proto == nullptr) return nullptr;
    static std::mutex clone_mutex;  // cloning reads the prototype: one thread at a time
    std::lock_guard<std::mutex> lock(clone_mutex);
    mine[which].reset(proto->clone());
  }
  return mine[which].get();
}

std::string Transliterate(Which which, const icu::UnicodeString& text) {
  icu::Transliterator* t = ForThisThread(which);
  if (t == nullptr) return {};
  icu::UnicodeString u = text;
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeString ToUnicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// ICU's Han-Latin reading, from the build's table when it reads the whole text (names in Han
// characters and spaces), so that ICU builds its transliterator only for the rest.
std::string HanPinyin(std::string_view text) {
  std::string out;
  if (ReadHanByBuiltinTable(text, out)) return out;
  return HanLatinByIcu(text);
}

// `text` with a space between adjacent Hangul syllables: each becomes a word of its own.
std::string SpaceHangulSyllables(std::string_view text) {
  std::string out;
  bool after_hangul = false;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = DecodeUtf8(text, i);
    const bool hangul = IsHangul(cp);
    if (hangul && after_hangul) out += ' ';
    out.append(text.substr(start, i - start));
    after_hangul = hangul;
  }
  return out;
}

// Words of `s` (ASCII letters; anything else separates).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The Korean-in-Cyrillic readings: every word must read as romanised Korean, or the name is
// not Korean (a Russian name) and none is made. Words ending in n also read with ng.
void AddKoreanCyrillicKeys(const icu::UnicodeString& lower, std::vector<std::string>& keys) {
  const std::vector<std::string> words = Words(Transliterate(kKoreanCyrillic, lower));
  if (words.empty() || !std::all_of(words.begin(), words.end(), [](const std::string& w) { return LooksKorean(w); })) {
    return;
  }
  std::vector<size_t> ambiguous;
  for (size_t k = 0; k < words.size() && ambiguous.size() < 3; ++k) {
    if (words[k].back() == 'n') ambiguous.push_back(k);
  }
  for (uint32_t choice = 0; choice < (1u << ambiguous.size()); ++choice) {
    std::string key;
    for (size_t k = 0; k < words.size(); ++k) {
      if (!key.empty()) key += ' ';
      key += words[k];
      const auto at = std::find(ambiguous.begin(), ambiguous.end(), k);
      if (at != ambiguous.end() && (choice & (1u << (at - ambiguous.begin())))) key += 'g';
    }
    keys.push_back(std::move(key));
  }
}

}  // namespace

bool HasRomanisableScript(std::string_view text) { return ScriptsIn(text).any(); }

std::string HanLatinByIcu(std::string_view text) { return Transliterate(kHanPinyin, ToUnicode(text)); }

std::string HangulMcCuneReischauer(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = DecodeUtf8(text, i);
    if (!IsHangul(cp)) {
      out.append(text.substr(start, i - start));
      continue;
    }
    const char32_t s = cp - kHangulFirst;  // (initial * 21 + vowel) * 28 + final
    out += kInitials[s / (21 * 28)];
    out += kVowels[(s % (21 * 28)) / 28];
    out += kFinals[s % 28];
  }
  return out;
}

std::vector<std::string> RomanisedKeys(std::string_view text) {
  // Only what NormalizeName would keep of the name is romanised: hostile input stays cheap.
  text = Utf8Prefix(text, kMaxNameBytes);
  std::vector<std::string> keys;
  const Scripts scripts = ScriptsIn(text);
  if (scripts.hangul) {
    const std::string spaced = SpaceHangulSyllables(text);
    keys.push_back(HangulMcCuneReischauer(spaced));
    keys.push_back(Transliterate(kHangulRr, ToUnicode(spaced)));
  }
  if (scripts.cyrillic) {
    icu::UnicodeString lower = ToUnicode(text);
    lower.toLower();
    keys.push_back(Transliterate(kRussianBgn, lower));
    AddKoreanCyrillicKeys(lower, keys);
  }
  if (scripts.han) keys.push_back(HanPinyin(text));
  // Empty (ICU data missing) and repeated keys add nothing.
  keys.erase(std::remove(keys.begin(), keys.end(), std::string()), keys.end());
  std::vector<std::string> unique;
  for (auto& k : keys) {
    if (unique.size() < kMaxRomanisedKeys && std::find(unique.begin(), unique.end(), k) == unique.end()) {
      unique.push_back(std::move(k));
    }
  }
  return unique;
}

}  // namespace sancheck::screen
