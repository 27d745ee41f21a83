// The vocabulary's tables, sorted and keyed at compile time: the first name a process screens builds nothing.
#include "screen/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "screen/normalize.hpp"
#include "screen/typo_edits.hpp"

namespace sancheck::screen {
namespace {

// Legal forms: dropped, since "Co.", "Company" and "Corporation" are used interchangeably
// for the same firm, including in the UN list's own aliases.
constexpr std::string_view kLegalForms[] = {"corporation", "corp", "company", "co", "companies", "ltd",
                                            "limited", "inc", "incorporated", "llc", "plc", "pte",
                                            "jsc", "gmbh", "llp", "cooperation", "liability"};

// Titles, honorifics and name suffixes a clerk writes around a person's name ("Mr", "Dr",
// "Colonel General", "Jr."): no part of the name, and an unpaired word would keep a listed
// Korean individual from being found at all. Religious ones too ("Mullah", "Sheikh", "Haji",
// "Maulavi"): the UN list writes them in some aliases and not others of the same person
// ("Haji Ahmad Shah", "Ahmad Shah"), and a clerk adds or leaves them out as freely. Only
// unambiguous ones: "Major", "Miss" or "Captain" may be a surname, "General" is a generic word.
constexpr std::string_view kTitleWords[] = {"mr", "mrs", "ms", "mx", "mister", "messrs", "dr", "prof", "professor",
                                            "sir", "dame", "madam", "madame", "mme", "mlle", "herr", "frau", "jr",
                                            "sr", "esq", "phd", "colonel", "capt", "lt", "maj", "gen",
                                            "marshal", "admiral", "adm", "sgt", "cmdr", "commander",
                                            "mullah", "mulla", "maulavi", "mawlawi", "maulvi", "moulavi",
                                            "mawlavi", "maulana", "mawlana", "sheikh", "shaykh", "shaikh",
                                            "sheik", "mufti", "qari", "haji", "hajji", "hadji", "alhaj",
                                            "alhaji", "doctor", "lieutenant", "imam", "ustad", "ustadz",
                                            "ustaz", "molla", "cheikh"};

// The titles of kTitleWords that are names too (IsNameTitle).
constexpr std::string_view kNameTitles[] = {"mullah", "mulla", "maulavi", "mawlawi", "maulvi", "moulavi", "mawlavi",
                                            "maulana", "mawlana", "sheikh", "shaykh", "shaikh", "sheik", "mufti",
                                            "qari", "haji", "hajji", "hadji", "alhaj", "alhaji", "imam",
                                            "ustad", "ustadz", "ustaz", "molla", "cheikh"};

constexpr std::string_view kConnectingWords[] = {"of", "the", "and", "for", "in", "at", "on", "to", "care"};

constexpr std::string_view kGenericWords[] = {
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
    "missile", "fuel", "power", "station", "port", "capital", "kpa", "wpk"};

// The titles of six letters or more a slip in is still the title ("Sheih", "Mullh",
// "Commandder"); shorter ones are a slip from real names ("Hajri", "Qadri").
constexpr std::string_view kTitleSlipWords[] = {"sheikh", "shaykh", "mullah", "maulavi", "moulavi",
                                                "mawlavi", "maulana", "mawlana", "commander"};

// Abbreviations and spelling variants, mapped to one word.
struct Spelling {
  std::string_view from, to;
};
constexpr Spelling kSpellings[] = {
    {"shpg", "shipping"}, {"intl", "international"}, {"natl", "national"},
    {"dept", "department"}, {"govt", "government"}, {"mgmt", "management"},
    {"defence", "defense"}, {"organisation", "organization"}, {"centre", "center"},
    {"programme", "program"}, {"korean", "korea"}, {"peoples", "people"},
    {"1st", "first"}, {"2nd", "second"}, {"3rd", "third"}, {"4th", "fourth"}, {"5th", "fifth"}};

template <size_t N>
constexpr std::array<std::string_view, N> Sorted(const std::string_view (&words)[N]) {
  std::array<std::string_view, N> out{};
  std::copy(std::begin(words), std::end(words), out.begin());
  std::sort(out.begin(), out.end());
  return out;
}

constexpr auto kLegalSorted = Sorted(kLegalForms);
constexpr auto kTitleSorted = Sorted(kTitleWords);
constexpr auto kNameTitlesSorted = Sorted(kNameTitles);
constexpr auto kConnectingSorted = Sorted(kConnectingWords);
constexpr auto kGenericSorted = Sorted(kGenericWords);
constexpr auto kSpellingsSorted = [] {
  std::array<Spelling, std::size(kSpellings)> out{};
  std::copy(std::begin(kSpellings), std::end(kSpellings), out.begin());
  std::sort(out.begin(), out.end(), [](const Spelling& a, const Spelling& b) { return a.from < b.from; });
  return out;
}();

template <size_t N>
constexpr bool In(const std::array<std::string_view, N>& sorted, std::string_view w) {
  return std::binary_search(sorted.begin(), sorted.end(), w);
}

// A title that is also a name is a title first: the table of those is a part of the titles'.
static_assert(std::all_of(kNameTitlesSorted.begin(), kNameTitlesSorted.end(),
                          [](std::string_view w) { return In(kTitleSorted, w); }));

// Every vocabulary word a slip may stand for, in the tables' order (the spellings' two sides
// each), with `f(word, order)`.
template <typename F>
constexpr void ForEachSlipWord(F&& f) {
  uint16_t order = 0;
  auto each = [&](std::string_view v) {
    if (v.size() + 1 >= kMinSlipWord) f(v, order++);
  };
  for (std::string_view v : kLegalForms) each(v);
  for (std::string_view v : kConnectingWords) each(v);
  for (std::string_view v : kGenericWords) each(v);
  for (const Spelling& s : kSpellings) each(s.from), each(s.to);
  for (std::string_view v : kTitleSlipWords) each(v);
}

// A word filed under the hash of itself and, when long enough, of each of its forms with one
// letter left out: a word one slip from it shares one of those keys with it.
struct SlipKey {
  uint64_t hash = 0;
  uint16_t order = 0;  ///< the word's place in the tables: the first wins among words under one key
  std::string_view word;
};

constexpr size_t KeysOf(std::string_view v) { return 1 + (v.size() >= kMinSlipVocabulary ? v.size() : 0); }

constexpr size_t CountSlipKeys() {
  size_t n = 0;
  ForEachSlipWord([&](std::string_view v, uint16_t) { n += KeysOf(v); });
  return n;
}

constexpr auto kSlipKeys = [] {
  std::array<SlipKey, CountSlipKeys()> keys{};
  size_t n = 0;
  ForEachSlipWord([&](std::string_view v, uint16_t order) {
    keys[n++] = SlipKey{HashText(v), order, v};
    for (size_t i = 0; v.size() >= kMinSlipVocabulary && i < v.size(); ++i) keys[n++] = SlipKey{HashText(v, i), order, v};
  });
  std::sort(keys.begin(), keys.end(),
            [](const SlipKey& a, const SlipKey& b) { return a.hash != b.hash ? a.hash < b.hash : a.order < b.order; });
  return keys;
}();

// One letter struck for another in a vocabulary word: a neighbouring key, or any key in a long
// word (kMinChangedVocabulary).
bool OneLetterStruck(std::string_view w, std::string_view word) {
  if (w.size() != word.size()) return false;
  if (OneNeighbourKey(w, word)) return true;
  if (word.size() < kMinChangedVocabulary) return false;
  size_t differ = 0;
  for (size_t i = 0; i < w.size(); ++i) differ += w[i] != word[i] ? 1 : 0;
  return differ == 1;
}

}  // namespace

bool IsLegalForm(std::string_view w) { return In(kLegalSorted, w); }
bool IsConnectingWord(std::string_view w) { return In(kConnectingSorted, w); }
bool IsTitleWord(std::string_view w) { return In(kTitleSorted, w); }
bool IsNameTitle(std::string_view w) { return In(kNameTitlesSorted, w); }
bool IsPilgrimTitle(std::string_view w) { return w == "haji" || w == "hajji" || w == "hadji"; }
bool IsGenericWord(std::string_view folded_word) { return In(kGenericSorted, folded_word); }

std::string_view StandardSpelling(std::string_view w) {
  const auto it = std::lower_bound(kSpellingsSorted.begin(), kSpellingsSorted.end(), w,
                                   [](const Spelling& s, std::string_view v) { return s.from < v; });
  return it != kSpellingsSorted.end() && it->from == w ? it->to : std::string_view();
}

bool IsVocabularyWord(std::string_view w) {
  return IsLegalForm(w) || IsConnectingWord(w) || IsGenericWord(w) || !StandardSpelling(w).empty();
}

std::string_view NearVocabulary(std::string_view w) {
  if (w.size() < kMinSlipWord) return {};
  // Under one key, two letters swapped (the same length) beat a letter dropped or added
  // ("chemicasl" is "chemicals", not "chemical" with an "s" added); then the tables' order.
  auto check = [&](uint64_t key) -> std::string_view {
    auto it = std::lower_bound(kSlipKeys.begin(), kSlipKeys.end(), key,
                               [](const SlipKey& k, uint64_t h) { return k.hash < h; });
    std::string_view first;
    for (; it != kSlipKeys.end() && it->hash == key; ++it) {
      const bool title = IsTitleWord(it->word);
      if (!OneSlipApart(w, it->word) && (title || !OneLetterStruck(w, it->word))) continue;
      // A title is dropped from a name: a slip read as one keeps its first letter. "ullah"
      // ends Afghan given names written apart (Nor-ullah, Amin-ullah); it is no "mullah".
      if (title && w.front() != it->word.front()) continue;
      if (it->word.size() == w.size()) return it->word;
      if (first.empty()) first = it->word;
    }
    return first;
  };
  if (std::string_view v = check(HashText(w)); !v.empty()) return v;
  for (size_t i = 0; i < w.size(); ++i) {
    if (std::string_view v = check(HashText(w, i)); !v.empty()) return v;
  }
  return {};
}

}  // namespace sancheck::screen
