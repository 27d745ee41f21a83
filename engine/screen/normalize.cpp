// Name normalisation: folds UTF-8 to comparable ASCII tokens and maps them to romanisation classes.
#include "screen/normalize.hpp"

#include <algorithm>
#include <bit>

#include "common/utf8.hpp"
#include "screen/romanization.hpp"
#include "screen/unicode_fold.hpp"
#include "screen/vocabulary.hpp"

namespace sancheck::screen {
namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), in code point order.
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80);
// Base letters of U+1EA0..U+1EF9 (Vietnamese letters with two diacritics).
constexpr std::string_view kVietnamese =
    "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";
static_assert(kVietnamese.size() == 0x5A);

bool IsApostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'`' || cp == 0x00B4 || cp == 0x2018 || cp == 0x2019 ||
         cp == 0x201B || cp == 0x02BC || cp == 0x02BB || cp == 0x02B9 || cp == 0x2032 ||
         cp == 0xFF07;
}

// ASCII replacement of a Latin letter with diacritics; empty when `cp` is not one.
std::string_view FoldLatin(char32_t cp) {
  static constexpr std::string_view kLatin1 =  // U+00C0..U+00FF, '-' for non-letters
      "aaaaaa_ceeeeiiiidnooooo-ouuuuy__aaaaaa_ceeeeiiiidnooooo-ouuuuy_y";
  if (cp >= 0xC0 && cp <= 0xFF) {
    switch (cp) {
      case 0xC6: case 0xE6: return "ae";
      case 0xDE: case 0xFE: return "th";
      case 0xDF: return "ss";
      default: break;
    }
    const char c = kLatin1[cp - 0xC0];
    if (c == '-') return {};
    return kLatin1.substr(cp - 0xC0, 1);
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) return "oe";
    return kLatinExtendedA.substr(cp - 0x100, 1);
  }
  if (cp >= 0x1CD && cp <= 0x1DC) {
    static constexpr std::string_view kPinyin = "aaiioouuuuuuuuuu";
    return kPinyin.substr(cp - 0x1CD, 1);
  }
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return kVietnamese.substr(cp - 0x1EA0, 1);
  return {};
}

bool IsSeparator(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD || cp == 0xFEFF;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool AllAsciiLower(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// `w` with runs of one consonant letter cut to one letter ("kimm" -> "kim"); vowel pairs stay,
// since romanisations write oo, ee and the like on purpose.
std::string CollapseDoubledConsonants(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (char c : w) {
    if (!out.empty() && out.back() == c && !IsVowel(c)) continue;
    out += c;
  }
  return out;
}

}  // namespace

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

uint64_t LetterSet(std::string_view s) {
  uint64_t set = 0;
  for (char c : s) set |= uint64_t{1} << (static_cast<unsigned char>(c) & 63u);
  return set;
}

LetterRepeats RepeatsOf(std::string_view s) {
  LetterRepeats r;
  uint64_t once = 0;
  for (const char c : s) {
    const uint64_t bit = uint64_t{1} << (static_cast<unsigned char>(c) & 63u);
    r.beyond += (r.thrice & bit) != 0 ? 1 : 0;
    r.thrice |= r.twice & bit;
    r.twice |= once & bit;
    once |= bit;
  }
  return r;
}


std::string FoldText(std::string_view text, FoldNotes* notes) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = DecodeUtf8(text, i);  // well-formed only: U+FFFD (a separator) otherwise
    // Removed before anything else: a zero-width space or soft hyphen inside
    // "Chun-ryong" must neither split a word nor stay in it.
    if (cp >= 0x80 && IsInvisible(cp)) {
      if (notes) notes->invisible = true;
      continue;
    }
    if (cp >= 0xFF10 && cp <= 0xFF5A && !IsSeparator(cp)) cp -= 0xFEE0;  // full-width ASCII
    if (IsApostrophe(cp) || (cp >= 0x300 && cp <= 0x36F)) continue;  // joins: Ch'oe -> choe
    if (cp == U'&') {
      out += out.empty() ? "and" : " and";
      pending_space = true;
      continue;
    }
    if (IsSeparator(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (std::string_view latin = FoldLatin(cp); !latin.empty()) {
      out += latin;
    } else if (std::string base = LatinBaseLetter(cp); !base.empty()) {
      out += base;  // "Muḥammad", "Ṭsang": a dot or line below, as an accent, is left out
    } else if (std::string look_alike = LatinLookAlike(cp); !look_alike.empty()) {
      out += look_alike;  // Cyrillic 'Ј' in "Јo Chun-ryong" reads as the Latin 'j' it imitates
      if (notes) notes->look_alike = true;
    } else {
      AppendUtf8(out, cp);
    }
  }
  return out;
}

namespace {

// The words of a folded text (FoldText separates them by single spaces).
std::vector<std::string_view> FoldedWords(std::string_view folded) {
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < folded.size();) {
    size_t end = folded.find(' ', pos);
    if (end == std::string_view::npos) end = folded.size();
    if (end > pos) words.push_back(folded.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// Whether tokens read as a person's name whose middle names weigh less: three words or more, no
// generic word or number (an organisation's), not romanised Korean syllables alone.
bool HasMiddleNames(const std::vector<NameToken>& tokens) {
  return tokens.size() >= 3 &&
         std::none_of(tokens.begin(), tokens.end(), [](const NameToken& t) { return t.generic() || t.numeric(); }) &&
         !std::all_of(tokens.begin(), tokens.end(), [](const NameToken& t) { return (t.flags & kKoreanToken) != 0; });
}

// The middle names weigh kMiddleNameWeight of their due, and the total with them (before the
// joined runs, which sum their words' weights, are made). `surname_tokens`: how many leading
// tokens were written before a comma, the surname first: then the first given name is the token
// after them and the surname the last of them.
void LightenMiddleNames(NormalizedName& name, size_t surname_tokens) {
  const size_t n = name.tokens.size();
  // In the order the names are said: the first given name first, the surname last.
  const bool inverted = surname_tokens > 0 && surname_tokens < n;
  const size_t first = inverted ? surname_tokens : 0;
  const size_t last = inverted ? surname_tokens - 1 : n - 1;
  for (size_t k = 0; k < n; ++k) {
    if (k == first || k == last) continue;
    NameToken& t = name.tokens[k];
    name.total_weight -= t.weight * (1 - kMiddleNameWeight);
    t.weight *= kMiddleNameWeight;
  }
}

}  // namespace

NormalizedName NormalizeName(std::string_view text) {
  NormalizedName name;
  if (text.size() > kMaxNameBytes) {
    size_t cut = kMaxNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
    name.truncated = true;
  }
  FoldNotes notes;
  const std::string folded = FoldText(text, &notes);
  name.invisible = notes.invisible;
  name.look_alike = notes.look_alike;
  std::vector<std::string_view> words = FoldedWords(folded);

  // "AWEYS, Sheikh", "GAZIEV, Tarkhan Isaevich": the surname first, then a comma and the given
  // names. The words before the comma are the surname (a title's word there is the surname:
  // "SHEIKH, Kashif"); a title after it is a title.
  size_t surname_words = 0;
  if (const size_t comma = text.find(','); comma != std::string_view::npos) {
    surname_words = FoldedWords(FoldText(text.substr(0, comma))).size();
  }
  const bool inverted = surname_words > 0 && surname_words < words.size();
  // Views into `folded` or into the static word tables: no copies until the tokens are made.
  std::vector<std::string_view> kept;
  std::vector<std::string_view> dropped;
  kept.reserve(words.size() + 1);
  size_t kept_in_surname = 0;  // the words kept from before the comma
  bool surname_done = !inverted;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!surname_done && i >= surname_words) {
      kept_in_surname = kept.size();
      surname_done = true;
    }
    std::string_view w = words[i];
    if ((w == "j" && i + 1 < words.size() && words[i + 1] == "v") || w == "jv") {
      kept.emplace_back("joint");
      kept.emplace_back("venture");
      if (w == "j") ++i;
      continue;
    }
    // "Abd al-Hadi", "Abd-el-Karim", "Abd ul Haq": the Arabic "servant of the" written apart is
    // the word others write whole, Abdal, Abdel or Abdul as the article was written (one class);
    // so is it with the article run into the name after it ("Abd alSalam": Abdal Salam).
    if (w == "abd" && i + 1 < words.size()) {
      const std::string_view next = words[i + 1];
      const std::string_view whole = next.starts_with("al") ? "abdal"
                                     : next.starts_with("el") ? "abdel"
                                     : next.starts_with("ul") ? "abdul"
                                                              : "";
      if (!whole.empty() && (next.size() == 2 || next.size() >= 5)) {
        kept.emplace_back(whole);
        if (next.size() == 2) {
          ++i;
        } else {
          words[i + 1] = next.substr(2);
        }
        continue;
      }
    }
    // "No. 18", "#39": the number alone identifies.
    if (w == "no" && i + 1 < words.size() && AllDigits(words[i + 1])) continue;
    // Short romanised Korean words are names, not misspelt vocabulary ("choon" is not "choson").
    if (w.size() >= kMinSlipWord && !AllDigits(w) && !IsVocabularyWord(w) && !IsTitleWord(w) &&
        !(w.size() <= 5 && LooksKorean(w))) {
      if (std::string_view v = NearVocabulary(w); !v.empty()) w = v;
    }
    // A title written where none stands is a name: last in a name of several words ("Kashif
    // Sheikh", "Mohamed Omar Haji"), in the surname before a comma ("SHEIKH, Kashif"), or after
    // the article ("Al-Mulla", "al-Sheikh": a family), but for the pilgrim's title the article
    // begins ("El Hadji", "Al-Haji": Alhaji, the article dropped with it).
    const bool after_article = !kept.empty() && (kept.back() == "al" || kept.back() == "el");
    if (after_article && IsPilgrimTitle(w)) {
      dropped.push_back(kept.back());
      kept.pop_back();
      dropped.emplace_back(w);
      continue;
    }
    const bool name_title =
        IsNameTitle(w) && (after_article || (inverted ? i < surname_words : i + 1 == words.size() && i > 0));
    if (IsTitleWord(w) && !name_title) {  // "Mr", "Dr", "Colonel", "Jr.", "Sheikh" (or "Sheih"): not part of the name
      dropped.emplace_back(w);
      continue;
    }
    if (std::string_view v = StandardSpelling(w); !v.empty()) w = v;
    // A connecting word connects: at the end of a name it is a word of the name ("Sokm-in"),
    // and at its start too ("In Young-chul", "To Hyong": Korean surnames), but for "the".
    const bool last = i + 1 == words.size();
    const bool inside = !last && (i > 0 || w == "the");
    if (IsLegalForm(w) || (IsConnectingWord(w) && inside)) {
      name.legal_form = name.legal_form || IsLegalForm(w);
      dropped.emplace_back(w);
      continue;
    }
    if (AllDigits(w)) {
      while (w.size() > 1 && w[0] == '0') w.remove_prefix(1);  // "078" == "78"
    }
    kept.emplace_back(w);
  }
  if (!surname_done) kept_in_surname = kept.size();
  if (kept.empty()) {
    kept = std::move(dropped);  // a name made only of such words keeps them
    name.legal_form = false;
    kept_in_surname = 0;
  }
  if (kept.size() > kMaxTokens) {
    kept.resize(kMaxTokens);
    name.truncated = true;
  }

  name.tokens.reserve(kept.size());
  for (std::string_view w : kept) {
    NameToken t;
    if (w.size() > kMaxTokenLength) {
      w = Utf8Prefix(w, kMaxTokenLength);  // never inside a character: the token is shown in "why"
      name.truncated = true;
    }
    t.raw = w;
    if (AllDigits(w)) {
      t.flags |= kNumericToken;
      t.canon = std::string(w);
      t.weight = 2.0f;
    } else {
      if (IsGenericWord(w)) t.flags |= kGenericToken;
      const bool ascii = AllAsciiLower(w);
      bool korean = ascii && LooksKorean(w);
      std::string_view spelled = w;
      // A doubled consonant that keeps a word from reading as romanised Korean ("Kimm",
      // "Sokk") is a clerk's typo: the word is read without it. Other words keep theirs.
      std::string collapsed;
      if (ascii && !korean) {
        collapsed = CollapseDoubledConsonants(w);
        if (collapsed.size() < w.size() && LooksKorean(collapsed)) {
          korean = true;
          spelled = collapsed;
        }
      }
      if (korean) t.flags |= kKoreanToken;
      t.canon = ascii ? CanonicalToken(spelled, korean) : std::string(w);
      // By its class: "el" and "abou" are written forms of these.
      if (t.canon == "al" || t.canon == "abu") t.flags |= kParticleToken;
      t.weight = static_cast<float>(std::max<size_t>(t.canon.size(), 2));
      if (t.generic()) t.weight *= 0.4f;
    }
    t.letters = LetterSet(t.canon);
    t.canon_hash = HashText(t.canon);
    t.raw_hash = HashText(t.raw);
    name.total_weight += t.weight;
    name.tokens.push_back(std::move(t));
  }

  if (HasMiddleNames(name.tokens)) LightenMiddleNames(name, std::min(kept_in_surname, name.tokens.size()));
  // Joined runs of 2 and 3 tokens: given names are written "Chun-ryong", "Chun Ryong" and
  // "Chunryong", and company names "Chong Chon Gang" and "Chongchongang".
  const size_t n = name.tokens.size();
  for (size_t len = 2; len <= 3; ++len) {
    for (size_t start = 0; start + len <= n; ++start) {
      JoinedTokens j;
      bool ok = true;
      std::string written;
      for (size_t k = start; k < start + len; ++k) {
        if (name.tokens[k].numeric()) ok = false;
        j.canon += name.tokens[k].canon;
        written += name.tokens[k].raw;
        j.mask = static_cast<uint16_t>(j.mask | (1u << k));
        j.weight += name.tokens[k].weight;
      }
      j.letters = LetterSet(j.canon);
      if (!ok) continue;
      // Two words only: a break typed one letter off is inside a two-syllable given name or
      // between the surname and the given name.
      j.whole = len == 2 && AllAsciiLower(written) ? CanonicalToken(written) : j.canon;
      j.whole_hash = HashText(j.whole);
      name.joins.push_back(std::move(j));
    }
  }
  return name;
}

std::string_view WrittenRun(const NormalizedName& n, uint16_t mask, WrittenRunBuffer& buf) {
  size_t len = 0;
  for (size_t k = 0; k < n.tokens.size(); ++k) {
    if (!(mask & (1u << k))) continue;
    const std::string& raw = n.tokens[k].raw;
    const size_t take = std::min(raw.size(), buf.size() - len);
    std::copy_n(raw.begin(), take, buf.begin() + static_cast<std::ptrdiff_t>(len));
    len += take;
  }
  return std::string_view(buf.data(), len);
}

}  // namespace sancheck::screen
