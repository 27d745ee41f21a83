// Reading a name written in Han characters and spaces by the build-time table, as ICU's Han-Latin would.
#include "screen/han_readings.hpp"

#include <unicode/uversion.h>

#include <algorithm>
#include <utility>

#include "common/utf8.hpp"

namespace sancheck::screen {
namespace {

// The syllable of `cp` in the table, or -1 when the table has none.
int SyllableOf(const HanTable& table, char32_t cp) {
  if (cp < table.first || cp - table.first >= table.readings.size()) return -1;
  return static_cast<int>(table.readings[cp - table.first]) - 1;
}

// The syllable `cp` reads before `next`, when a pair says so.
int PairSyllable(const HanTable& table, char32_t cp, char32_t next) {
  const auto it = std::lower_bound(table.pairs.begin(), table.pairs.end(), std::pair{cp, next},
                                   [](const HanPairReading& p, const std::pair<char32_t, char32_t>& key) {
                                     return std::pair{p.first, p.next} < key;
                                   });
  return it != table.pairs.end() && it->first == cp && it->next == next ? it->syllable : -1;
}

}  // namespace

std::string LinkedIcuVersion() {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  return text;
}

bool ReadHanByTable(const HanTable& table, std::string_view linked_icu_version, std::string_view text, std::string& out) {
  // Another ICU may read a character otherwise: the table speaks only for its own.
  if (table.readings.empty() || table.icu_version != linked_icu_version) return false;
  // ICU's Han-Latin first puts a space between two adjacent letters when the first is an
  // ideograph (Han-Spacedhan), then reads each character; a pair's rule looks past one space,
  // whether written or put there. With only Han characters and spaces nothing else applies
  // (tools/hangen checks that the rules are of those kinds, and compares readings with ICU's).
  constexpr size_t kMaxChars = 256;  // names are far shorter; a longer text goes to ICU
  char32_t cps[kMaxChars];
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    if (n == kMaxChars || Utf8SequenceLength(text, i) == 0) return false;
    const char32_t cp = DecodeUtf8(text, i);
    if (cp != U' ' && SyllableOf(table, cp) < 0) return false;
    cps[n++] = cp;
  }
  out.clear();
  for (size_t k = 0; k < n; ++k) {
    if (cps[k] == U' ') {
      out += ' ';
      continue;
    }
    const size_t after = k + 1 < n && cps[k + 1] == U' ' ? k + 2 : k + 1;
    int syllable = after < n && cps[after] != U' ' ? PairSyllable(table, cps[k], cps[after]) : -1;
    if (syllable < 0) syllable = SyllableOf(table, cps[k]);
    out += table.syllables[static_cast<size_t>(syllable)];
    if (k + 1 < n && cps[k + 1] != U' ') out += ' ';  // Han-Spacedhan's space
  }
  return true;
}

bool ReadHanByBuiltinTable(std::string_view text, std::string& out) {
  static const std::string linked = LinkedIcuVersion();
  return ReadHanByTable(BuiltinHanTable(), linked, text, out);
}

}  // namespace sancheck::screen
