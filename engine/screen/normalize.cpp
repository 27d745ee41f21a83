// Name normalisation: folds UTF-8 to comparable ASCII tokens and maps them to romanisation classes.
#include "screen/normalize.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>
#include <unordered_set>

#include "common/utf8.hpp"
#include "screen/romanization.hpp"
#include "screen/typo_edits.hpp"
#include "screen/unicode_fold.hpp"

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

using WordMap = std::unordered_map<std::string_view, std::string_view>;
using WordSet = std::unordered_set<std::string_view>;

// Legal forms: dropped, since "Co.", "Company" and "Corporation" are used interchangeably
// for the same firm, including in the UN list's own aliases.
const WordSet& LegalForms() {
  static const auto* set = new WordSet{"corporation", "corp", "company", "co", "companies", "ltd",
                                       "limited", "inc", "incorporated", "llc", "plc", "pte",
                                       "jsc", "gmbh", "llp", "cooperation"};
  return *set;
}

const WordSet& ConnectingWords() {
  static const auto* set = new WordSet{"of", "the", "and", "for", "in", "at", "on", "to", "care"};
  return *set;
}

// Abbreviations and spelling variants, mapped to one word.
const WordMap& Spellings() {
  static const auto* map = new WordMap{
      {"shpg", "shipping"}, {"intl", "international"}, {"natl", "national"},
      {"dept", "department"}, {"govt", "government"}, {"mgmt", "management"},
      {"defence", "defense"}, {"organisation", "organization"}, {"centre", "center"},
      {"programme", "program"}, {"korean", "korea"}, {"peoples", "people"},
      {"1st", "first"}, {"2nd", "second"}, {"3rd", "third"}, {"4th", "fourth"}, {"5th", "fifth"}};
  return *map;
}

const WordSet& GenericWords() {
  static const auto* set = new WordSet{
      "korea", "dprk", "dprkn", "democratic", "people", "republic", "choson", "chosun", "national",
      "ministry", "defense", "academy", "sciences", "science", "natural", "bank", "banking",
      "trading", "trade", "general", "international", "foreign", "credit", "development",
      "commercial", "committee", "department", "office", "bureau", "industry", "industries",
      "energy", "atomic", "technology", "technical", "space", "economic", "economics", "first",
      "second", "third", "strategic", "rocket", "force", "forces", "central", "military",
      "commission", "organization", "guidance", "propaganda", "agitation", "insurance",
      "shipping", "maritime", "management", "ocean", "united", "joint", "venture", "import",
      "export", "equipment", "complex", "machinery", "machine", "chemical", "chemicals",
      "electronics", "administration", "aerospace", "marine", "group", "overseas", "project",
      "art", "studio", "finance", "financial", "global", "trust", "freight", "world", "oil",
      "east", "sea", "land", "floor", "division", "unit", "army", "workers", "party", "armed",
      "research", "institute", "center", "state", "security", "supplies", "investment",
      "resources", "engineering", "services", "service", "exchange", "industrial", "agency",
      "program", "operation", "command", "public", "government", "federation", "association",
      "holding", "holdings", "enterprise", "enterprises", "logistics", "transport", "mining",
      "construction", "products", "supply", "affairs", "external", "enrichment", "nuclear",
      "missile", "fuel", "power", "station", "port", "trust", "capital", "kpa", "wpk"};
  return *set;
}

// Slips are looked for in words of at least this many letters, and inside vocabulary words of
// at least this many; a shorter vocabulary word (one letter less) is found only with a letter
// added ("eastt", "uunit"): a letter dropped from or swapped in a short word is too often
// another word ("sea" / "se").
constexpr size_t kMinSlipWord = 5;
constexpr size_t kMinSlipVocabulary = 5;

// The vocabulary word (legal form, connecting or generic word, spelling-table entry) that `w`
// is one slip from, or empty: "CORPORATIONN", "COROPRATION" and "GENEERAL" must still be the
// corporate form and the generic word, not distinctive words the listed name lacks. Found
// through the one-letter-deleted forms of both, then checked.
std::string_view NearVocabulary(std::string_view w) {
  // Keyed by HashText of the word and of its one-letter-deleted forms: no allocation per lookup.
  using Index = std::unordered_map<uint64_t, std::vector<std::string_view>>;
  static const auto* index = [] {
    auto* idx = new Index();
    auto add = [&](std::string_view v) {
      if (v.size() + 1 < kMinSlipWord) return;
      for (size_t i = 0; v.size() >= kMinSlipVocabulary && i < v.size(); ++i) (*idx)[HashText(v, i)].push_back(v);
      (*idx)[HashText(v)].push_back(v);
    };
    for (const WordSet* set : {&LegalForms(), &ConnectingWords(), &GenericWords()}) {
      for (std::string_view v : *set) add(v);
    }
    for (const auto& [from, to] : Spellings()) add(from), add(to);
    return idx;
  }();
  if (w.size() < kMinSlipWord) return {};
  auto check = [&](uint64_t key) -> std::string_view {
    auto it = index->find(key);
    if (it == index->end()) return {};
    for (std::string_view v : it->second) {
      if (OneSlipApart(w, v)) return v;
    }
    return {};
  };
  if (std::string_view v = check(HashText(w)); !v.empty()) return v;
  for (size_t i = 0; i < w.size(); ++i) {
    if (std::string_view v = check(HashText(w, i)); !v.empty()) return v;
  }
  return {};
}

bool Known(std::string_view w) {
  return LegalForms().count(w) || ConnectingWords().count(w) || GenericWords().count(w) || Spellings().count(w);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool AllAsciiLower(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

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

size_t SharedLetters(uint64_t set_a, const LetterRepeats& a, uint64_t set_b, const LetterRepeats& b) {
  return static_cast<size_t>(std::popcount(set_a & set_b) + std::popcount(a.twice & b.twice) +
                             std::popcount(a.thrice & b.thrice)) +
         std::min(a.beyond, b.beyond);
}

uint64_t HashText(std::string_view s, size_t skip) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == skip) continue;
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ull;
  }
  return h;
}

bool IsGenericWord(std::string_view folded_word) { return GenericWords().count(folded_word) > 0; }

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
    } else if (std::string look_alike = LatinLookAlike(cp); !look_alike.empty()) {
      out += look_alike;  // Cyrillic 'Ј' in "Јo Chun-ryong" reads as the Latin 'j' it imitates
      if (notes) notes->look_alike = true;
    } else {
      AppendUtf8(out, cp);
    }
  }
  return out;
}

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
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < folded.size();) {
    size_t end = folded.find(' ', pos);
    if (end == std::string::npos) end = folded.size();
    if (end > pos) words.push_back(std::string_view(folded).substr(pos, end - pos));
    pos = end + 1;
  }

  // Views into `folded` or into the static word tables: no copies until the tokens are made.
  std::vector<std::string_view> kept;
  std::vector<std::string_view> dropped;
  kept.reserve(words.size() + 1);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if ((w == "j" && i + 1 < words.size() && words[i + 1] == "v") || w == "jv") {
      kept.emplace_back("joint");
      kept.emplace_back("venture");
      if (w == "j") ++i;
      continue;
    }
    // "No. 18", "#39": the number alone identifies.
    if (w == "no" && i + 1 < words.size() && AllDigits(words[i + 1])) continue;
    // Short romanised Korean words are names, not misspelt vocabulary ("choon" is not "choson").
    if (w.size() >= kMinSlipWord && !AllDigits(w) && !Known(w) && !(w.size() <= 5 && LooksKorean(w))) {
      if (std::string_view v = NearVocabulary(w); !v.empty()) w = v;
    }
    if (auto it = Spellings().find(w); it != Spellings().end()) w = it->second;
    // A connecting word connects: at the end of a name it is a word of the name ("Sokm-in").
    const bool last = i + 1 == words.size();
    if (LegalForms().count(w) || (ConnectingWords().count(w) && !last)) {
      dropped.emplace_back(w);
      continue;
    }
    if (AllDigits(w)) {
      while (w.size() > 1 && w[0] == '0') w.remove_prefix(1);  // "078" == "78"
    }
    kept.emplace_back(w);
  }
  if (kept.empty()) kept = std::move(dropped);  // a name made only of such words keeps them
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
      t.weight = static_cast<float>(std::max<size_t>(t.canon.size(), 2));
      if (t.generic()) t.weight *= 0.4f;
    }
    t.letters = LetterSet(t.canon);
    t.canon_hash = HashText(t.canon);
    t.raw_hash = HashText(t.raw);
    name.total_weight += t.weight;
    name.tokens.push_back(std::move(t));
  }

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

}  // namespace sancheck::screen
