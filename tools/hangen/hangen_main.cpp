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
#include <unicode/uversion.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "screen/han_readings.hpp"

namespace {

using sancheck::screen::HanPairReading;
using sancheck::screen::HanTable;

constexpr char32_t kFirst = 0x3400, kEnd = 0xA000;  // CJK extension A to the unified block's end

std::string Utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

std::string Read(icu::Transliterator& t, const icu::UnicodeString& text) {
  icu::UnicodeString u = text;
  t.transliterate(u);
  return Utf8(u);
}

// A reading the table can hold: ASCII letters, and not the character itself (no reading).
bool Plain(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct Made {
  std::vector<uint16_t> readings;  // syllable + 1
  std::vector<std::string> syllables;
  std::vector<HanPairReading> pairs;
};

uint16_t SyllableId(Made& m, std::map<std::string, uint16_t>& ids, const std::string& s) {
  const auto [it, added] = ids.emplace(s, static_cast<uint16_t>(m.syllables.size()));
  if (added) m.syllables.push_back(s);
  return it->second;
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
std::string Compare(const HanTable& table, icu::Transliterator& icu_reader, const icu::UnicodeString& name) {
  std::string mine;
  const std::string theirs = Read(icu_reader, name);
  if (!ReadHanByTable(table, U_ICU_VERSION, Utf8(name), mine)) return "the table does not read " + Utf8(name);
  if (mine != theirs) return "'" + Utf8(name) + "' reads '" + mine + "', ICU '" + theirs + "'";
  return {};
}

// Names of two to six characters, some with spaces, and every pair written both ways.
std::string Check(const HanTable& table, icu::Transliterator& icu_reader, const std::vector<char32_t>& readable,
                  const std::vector<std::pair<char32_t, char32_t>>& pairs) {
  for (const auto& [a, b] : pairs) {
    for (const char32_t* between : {U"", U" "}) {
      icu::UnicodeString name;
      name.append(static_cast<UChar32>(a));
      if (*between) name.append(static_cast<UChar32>(U' '));
      name.append(static_cast<UChar32>(b));
      name.append(static_cast<UChar32>(readable[0]));
      if (std::string why = Compare(table, icu_reader, name); !why.empty()) return why;
    }
  }
  std::mt19937 random(20261201);
  std::uniform_int_distribution<size_t> pick(0, readable.size() - 1), length(2, 6), space(0, 7);
  for (int i = 0; i < 20000; ++i) {
    icu::UnicodeString name;
    const size_t n = length(random);
    for (size_t k = 0; k < n; ++k) {
      if (k > 0 && space(random) == 0) name.append(static_cast<UChar32>(U' '));
      name.append(static_cast<UChar32>(readable[pick(random)]));
    }
    if (std::string why = Compare(table, icu_reader, name); !why.empty()) return why;
  }
  return {};
}

void WriteSource(std::ostream& out, const Made& m) {
  out << "// Generated at build time by tools/hangen from ICU " U_ICU_VERSION
         " (\"Han-Latin; Latin-ASCII\"): do not edit.\n"
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
      << "}, \"" << (m.readings.empty() ? "" : U_ICU_VERSION) << "\"};\n  return table;\n}\n\n"
      << "}  // namespace sancheck::screen\n";
}

// The table, or why there is none.
std::string Make(Made& m) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> han(icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
  std::unique_ptr<icu::Transliterator> reader(
      icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return "ICU has no Han-Latin transliterator";
  std::vector<std::pair<char32_t, char32_t>> pairs;
  if (std::string why = PairsOf(*han, pairs); !why.empty()) return why;
  std::map<std::string, uint16_t> ids;
  std::vector<char32_t> readable;
  m.readings.assign(kEnd - kFirst, 0);
  for (char32_t cp = kFirst; cp < kEnd; ++cp) {
    const std::string r = Read(*reader, icu::UnicodeString(static_cast<UChar32>(cp)));
    if (!Plain(r)) continue;
    m.readings[cp - kFirst] = static_cast<uint16_t>(SyllableId(m, ids, r) + 1);
    readable.push_back(cp);
  }
  if (readable.empty()) return "ICU reads no Han character";
  for (const auto& [a, b] : pairs) {
    // ICU's reading of the pair: the first word is a's before b.
    const std::string both = Read(*reader, icu::UnicodeString(static_cast<UChar32>(a)).append(static_cast<UChar32>(b)));
    const std::string first = both.substr(0, both.find(' '));
    if (!Plain(first)) return "no plain reading for a pair: " + both;
    m.pairs.push_back(HanPairReading{a, b, SyllableId(m, ids, first)});
  }
  std::sort(m.pairs.begin(), m.pairs.end(),
            [](const HanPairReading& x, const HanPairReading& y) { return std::pair{x.first, x.next} < std::pair{y.first, y.next}; });
  const HanTable table{kFirst, m.readings, {}, m.pairs, U_ICU_VERSION};
  std::vector<std::string_view> views(m.syllables.begin(), m.syllables.end());
  HanTable checked = table;
  checked.syllables = views;
  return Check(checked, *reader, readable, pairs);
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
