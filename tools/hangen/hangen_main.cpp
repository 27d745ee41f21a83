// Build step: reads ICU's "Han-Latin; Latin-ASCII" into a table of Han readings (engine/screen/han_readings.hpp), as C++ source.
//
// Usage: sancheck_hangen OUTPUT.cpp
// Every character's reading is ICU's own, asked one character at a time; the characters read
// otherwise before another come from the few rules ICU writes for them. The table is written
// only when ICU's rules are of the kinds the table reproduces and its readings of sample names
// equal ICU's; otherwise an empty table is written (every name is then read by ICU itself), and
// the build says why.
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "screen/han_readings.hpp"
#include "screen/transliterate.hpp"

namespace {

using sancheck::screen::HanPairReading;
using sancheck::screen::HanTable;

constexpr char32_t kFirst = 0x3400, kEnd = 0xA000;  // CJK extension A to the unified block's end

std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// ICU's own reading (never the table being made).
std::string Read(const icu::UnicodeString& text) { return sancheck::screen::HanLatinByIcu(Utf8(text)); }

// A reading the table can hold: ASCII letters, and not the character itself (no reading).
bool Plain(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct Made {
  std::string icu_version = sancheck::screen::LinkedIcuVersion();
  std::vector<uint16_t> readings;  // syllable + 1
  std::vector<std::string> syllables;
  std::vector<HanPairReading> pairs;
};

uint16_t SyllableId(Made& m, std::map<std::string, uint16_t>& ids, const std::string& s) {
  const auto [it, added] = ids.emplace(s, static_cast<uint16_t>(m.syllables.size()));
  if (added) m.syllables.push_back(s);
  return it->second;
}

// The rules of Han-Latin's first step, as the table reproduces them: a space between an ideograph
// and a letter after it (so between two Han characters), nothing else for Han characters and
// spaces. Any other text (another ICU) could space names otherwise: no table then.
constexpr std::string_view kSpacingRules =
    R"rules(::[[㆒-㆟㈠-㉇㊀-㊰㋀-㋋㍘-㍰㍻-㍿㏠-㏾ 🈐-🈒🈔-🈺🉀-🉈🉐🉑][:ideographic:][:sc=han:]] nfkc;
::fullwidth-halfwidth;
｡ > '.';
[[:Ideographic:][.,\:;?!．，：？！｡、；[:Pe:][:Pf:]]]{}[:Letter:] > ' ';
[:Letter:][:Mark:]*{}[[:Ideographic:][:Ps:][:Pi:]] > ' ';)rules";

// Why Han-Spacedhan's rules are not those, or nothing.
std::string SpacingDiffers() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> spacing(icu::Transliterator::createInstance("Han-Spacedhan", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return "ICU has no Han-Spacedhan transliterator";
  icu::UnicodeString rules;
  spacing->toRules(rules, false);
  return Utf8(rules) == kSpacingRules ? std::string() : "Han-Spacedhan's rules are not the ones the table reproduces";
}

// Whether a rule's output is plain text: Latin letters and their marks, nothing ICU would read
// again (a cursor '|', '@', quotes) nor characters of another script.
bool PlainTarget(const icu::UnicodeString& target) {
  static const icu::UnicodeSet latin = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString(u"[[:Latin:][:Mn:]]"), status);
    return set;
  }();
  return target.length() > 0 && latin.containsAll(target);
}

// The pairs of Han-Latin's rules "{A}' '?B > reading;", or why the rules hold something else.
std::string PairsOf(const icu::Transliterator& han, std::vector<std::pair<char32_t, char32_t>>& pairs) {
  icu::UnicodeString rules;
  han.toRules(rules, false);
  const std::string text = Utf8(rules);
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line == "::Han-Spacedhan();") continue;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
    const int32_t arrow = u.lastIndexOf(icu::UnicodeString(u" > "));
    if (arrow < 0 || u.charAt(u.length() - 1) != u';') return "a rule of another kind: " + line;
    if (!PlainTarget(u.tempSubString(arrow + 3, u.length() - arrow - 4))) return "a rule's output is not plain: " + line;
    const icu::UnicodeString source = u.tempSubString(0, arrow);
    if (source.startsWith(icu::UnicodeString(u"["))) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeSet set(source, status);
      if (U_FAILURE(status) || set.hasStrings()) return "a set of strings: " + line;
      continue;
    }
    // "{A}' '?B": A, then B after one space or none.
    const icu::UnicodeString pair_tail(u"}' '?");
    if (source.length() < 2 || source.charAt(0) != u'{') return "a rule of another kind: " + line;
    const UChar32 a = source.char32At(1);
    const int32_t tail_at = 1 + U16_LENGTH(a);
    if (source.compare(tail_at, pair_tail.length(), pair_tail) != 0) return "a rule of another kind: " + line;
    const int32_t b_at = tail_at + pair_tail.length();
    const UChar32 b = source.char32At(b_at);
    if (b_at + U16_LENGTH(b) != source.length()) return "a rule of another kind: " + line;
    pairs.emplace_back(static_cast<char32_t>(a), static_cast<char32_t>(b));
  }
  return {};
}

// Why the table would read `name` otherwise than ICU, or nothing.
std::string Compare(const HanTable& table, const icu::UnicodeString& name) {
  std::string mine;
  const std::string theirs = Read(name);
  if (!ReadHanByTable(table, table.icu_version, Utf8(name), mine)) return "the table does not read " + Utf8(name);
  if (mine != theirs) return "'" + Utf8(name) + "' reads '" + mine + "', ICU '" + theirs + "'";
  return {};
}

// `text` with each '_' a space and each 'X', 'A', 'B' one of the characters given.
icu::UnicodeString Shape(std::u32string_view text, char32_t x, char32_t a, char32_t b) {
  icu::UnicodeString name;
  for (const char32_t c : text) name.append(static_cast<UChar32>(c == U'_' ? U' ' : c == U'X' ? x : c == U'A' ? a : c == U'B' ? b : c));
  return name;
}

// Every pair written each way ICU's rule allows and one it does not; every readable character
// beside a pair's characters, spaces before, between and after; and 20,000 names of two to six
// characters with a space between some, at either end or doubled.
std::string Check(const HanTable& table, const std::vector<char32_t>& readable,
                  const std::vector<std::pair<char32_t, char32_t>>& pairs) {
  for (const auto& [a, b] : pairs) {
    for (const std::u32string_view shape : {U"ABX", U"A_BX", U"A__B", U"_AB_", U"XAB", U"AXB"}) {
      if (std::string why = Compare(table, Shape(shape, readable[0], a, b)); !why.empty()) return why;
    }
  }
  for (size_t i = 0; i < readable.size(); ++i) {
    const auto& [a, b] = pairs.empty() ? std::pair{readable[0], readable[0]} : pairs[i % pairs.size()];
    if (std::string why = Compare(table, Shape(U"_XA_X__BX_", readable[i], a, b)); !why.empty()) return why;
  }
  std::mt19937 random(20261201);
  std::uniform_int_distribution<size_t> pick(0, readable.size() - 1), length(2, 6), space(0, 7);
  for (int i = 0; i < 20000; ++i) {
    icu::UnicodeString name;
    const size_t n = length(random);
    for (size_t k = 0; k <= n; ++k) {
      // A space before a character (doubled now and then), or at the end.
      if (space(random) == 0) name.append(static_cast<UChar32>(U' '));
      if (space(random) == 0 && i % 4 == 0) name.append(static_cast<UChar32>(U' '));
      if (k < n) name.append(static_cast<UChar32>(readable[pick(random)]));
    }
    if (std::string why = Compare(table, name); !why.empty()) return why;
  }
  return {};
}

// The table as C++ source. Each array ends with one element more than its span takes, so that
// none is of size zero when there is no table.
void WriteSource(std::ostream& out, const Made& m) {
  out << "// Generated at build time by tools/hangen from ICU " << m.icu_version
      << " (\"Han-Latin; Latin-ASCII\"): do not edit.\n"
         "#include \"screen/han_readings.hpp\"\n\n"
         "namespace sancheck::screen {\nnamespace {\n\n";
  out << "constexpr std::string_view kSyllables[] = {";
  for (size_t i = 0; i < m.syllables.size(); ++i) out << (i % 12 == 0 ? "\n" : " ") << '"' << m.syllables[i] << "\",";
  out << "\"\"};\n\nconstexpr uint16_t kReadings[] = {";
  for (size_t i = 0; i < m.readings.size(); ++i) out << (i % 24 == 0 ? "\n" : "") << m.readings[i] << ',';
  out << "0};\n\nconstexpr HanPairReading kPairs[] = {";
  for (const HanPairReading& p : m.pairs) {
    out << "\n{" << static_cast<uint32_t>(p.first) << ", " << static_cast<uint32_t>(p.next) << ", " << p.syllable << "},";
  }
  out << "{}};\n\n}  // namespace\n\nconst HanTable& BuiltinHanTable() {\n"
      << "  static constexpr HanTable table{" << static_cast<uint32_t>(kFirst) << ", {kReadings, "
      << m.readings.size() << "}, {kSyllables, " << m.syllables.size() << "}, {kPairs, " << m.pairs.size()
      << "}, \"" << (m.readings.empty() ? "" : m.icu_version) << "\"};\n  return table;\n}\n\n"
      << "}  // namespace sancheck::screen\n";
}

// The table, or why there is none.
std::string Make(Made& m) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> han(icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return "ICU has no Han-Latin transliterator";
  if (std::string why = SpacingDiffers(); !why.empty()) return why;
  std::vector<std::pair<char32_t, char32_t>> pairs;
  if (std::string why = PairsOf(*han, pairs); !why.empty()) return why;
  std::map<std::string, uint16_t> ids;
  std::vector<char32_t> readable;
  m.readings.assign(kEnd - kFirst, 0);
  for (char32_t cp = kFirst; cp < kEnd; ++cp) {
    const std::string r = Read(icu::UnicodeString(static_cast<UChar32>(cp)));
    if (!Plain(r)) continue;
    m.readings[cp - kFirst] = static_cast<uint16_t>(SyllableId(m, ids, r) + 1);
    readable.push_back(cp);
  }
  if (readable.empty()) return "ICU reads no Han character";
  for (const auto& [a, b] : pairs) {
    // ICU's reading of the pair: the first word is a's before b.
    const std::string both = Read(icu::UnicodeString(static_cast<UChar32>(a)).append(static_cast<UChar32>(b)));
    const std::string first = both.substr(0, both.find(' '));
    if (!Plain(first)) return "no plain reading for a pair: " + both;
    m.pairs.push_back(HanPairReading{a, b, SyllableId(m, ids, first)});
  }
  std::sort(m.pairs.begin(), m.pairs.end(),
            [](const HanPairReading& x, const HanPairReading& y) { return std::pair{x.first, x.next} < std::pair{y.first, y.next}; });
  const std::vector<std::string_view> views(m.syllables.begin(), m.syllables.end());
  return Check(HanTable{kFirst, m.readings, views, m.pairs, m.icu_version}, readable, pairs);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sancheck_hangen OUTPUT.cpp\n";
    return 2;
  }
  Made m;
  if (const std::string why = Make(m); !why.empty()) {
    std::cerr << "sancheck_hangen: warning: no Han table, names in Han are read by ICU: " << why << "\n";
    m = Made{};
  }
  std::ofstream out(argv[1], std::ios::binary);
  WriteSource(out, m);
  out.close();
  if (!out) {
    std::cerr << "sancheck_hangen: error: cannot write " << argv[1] << "\n";
    return 2;
  }
  return 0;
}
