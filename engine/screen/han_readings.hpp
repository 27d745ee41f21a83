// Han readings from a table the build reads from ICU's own Han-Latin: most names read without ICU's transliterator.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sancheck::screen {

/// A character whose reading depends on the one after it (ICU writes these as rules such as
/// "{重}' '?庆 > chóng": 重 reads zhong, but chong before 庆, with or without a space between).
struct HanPairReading {
  char32_t first = 0, next = 0;
  uint16_t syllable = 0;  ///< into HanTable::syllables
};

/// What ICU's Han-Latin gives each Han character alone, and the pairs read otherwise, as the
/// build's generator (tools/hangen) found them. Building that transliterator takes ICU about a
/// tenth of a second, once per process: a single name in Han would cost a `check` or `screen`
/// twenty times its run, and stall a batch worker.
struct HanTable {
  char32_t first = 0;                       ///< the code point readings[0] is for
  std::span<const uint16_t> readings;       ///< per code point from `first`: syllable + 1, 0 when none
  std::span<const std::string_view> syllables;
  std::span<const HanPairReading> pairs;    ///< ascending by (first, next)
  std::string_view icu_version;             ///< of the ICU the table was read from
};

/// The table compiled into the binary (empty in the build's own tools, which run before it
/// exists, and then read every name with ICU).
const HanTable& BuiltinHanTable();

/// The version of the ICU this program runs with ("72.1", as u_versionToString writes it): what
/// the generator stamps on the table, and what a run compares it with. It names ICU's code, not
/// its data: an update of the data alone (or ICU_DATA) keeps it.
std::string LinkedIcuVersion();

/// ICU's reading of `text` by the table: true, with the reading in `out`, when `text` is only
/// Han characters the table reads and ASCII spaces; false (nothing to trust, `out` unspecified)
/// for anything else: other characters, bytes that are not UTF-8, or a table made from another
/// ICU version than the one `linked_icu_version` names. The caller then asks ICU itself.
bool ReadHanByTable(const HanTable& table, std::string_view linked_icu_version, std::string_view text, std::string& out);

/// ReadHanByTable with the binary's table and the running ICU: what screening calls.
bool ReadHanByBuiltinTable(std::string_view text, std::string& out);

}  // namespace sancheck::screen
