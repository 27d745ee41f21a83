// RawRecord: one shipment record as text slices of the input buffer, before any value is checked.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sancheck::batch {

/// The record fields sancheck reads. Other fields are accepted and skipped.
enum class FieldKey : uint8_t {
  kId, kDate, kExporterCountry, kImporterCountry, kExporterName, kImporterName, kHs,
  kDescription, kQuantity, kUnit, kValueUsd, kTags, kVesselImo, kCount
};

inline constexpr int kFieldCount = static_cast<int>(FieldKey::kCount);

/// Each field's name as written in JSONL keys and CSV headers, in FieldKey order (which is
/// also the order generated records give their keys in).
inline constexpr std::string_view kFieldNames[kFieldCount] = {
    "id", "date", "exporter_country", "importer_country", "exporter_name", "importer_name", "hs",
    "description", "quantity", "unit", "value_usd", "tags", "vessel_imo"};

/// The field's name as written in JSONL keys and CSV headers.
std::string_view FieldName(FieldKey key);
/// The field named `name`, or kCount for a name sancheck does not read.
FieldKey FieldByName(std::string_view name);
/// For a name sancheck does not read, the field(s) it looks like a slip of ("importer",
/// "Importer_Name", " importer_name", "improter_name"), quoted for a message, or empty: a key
/// misspelt so would leave the field unread (a party never screened), while other keys (a
/// ledger's own columns) are skipped.
std::string NearFieldName(std::string_view name);
/// Why a key sancheck does not read cannot be skipped, for "unknown key 'K' (...)", or empty
/// when it can: a slip of a field's name (NearFieldName), or a fact a scenario carries and a
/// shipment record does not (the goods' origin, the countries passed, a claimed exemption, the
/// vessel's flag, however the column is written), which the rules would judge the shipment
/// without: DPRK-origin coal shipped from China to Viet Nam would be permitted.
std::string UnreadKeyProblem(std::string_view name);

/// Views point into the reader's buffer (strings already unescaped in place),
/// so a record is valid until that buffer is reused. `tags` keeps its capacity
/// from record to record: after the first records, reading allocates nothing.
struct RawRecord {
  std::string_view text[kFieldCount];  ///< string value of each field (numbers: their digits)
  bool present[kFieldCount] = {};      ///< the field appeared with a non-null value
  int column[kFieldCount] = {};        ///< 1-based byte column of the value, for errors
  int line_offset[kFieldCount] = {};   ///< lines after the record's first (CSV quoted line breaks)
  std::vector<std::string_view> tags;
  std::vector<std::string_view> other_keys;  ///< keys sancheck skips, kept to reject a duplicate one
  /// What the JSONL fast path found while reading, so that CheckRecord need not look again:
  /// every field's text (tags too) is ASCII, hence UTF-8.
  bool ascii = false;
  /// The number fields the fast path read as plain (NumberScan::plain), one bit per FieldKey:
  /// CheckRecord need not look at their digits again when no rule reads them.
  uint16_t plain_numbers = 0;

  void Clear() {
    for (int i = 0; i < kFieldCount; ++i) present[i] = false;
    ascii = false;
    plain_numbers = 0;
    tags.clear();
    other_keys.clear();
  }
  bool Has(FieldKey k) const { return present[static_cast<int>(k)]; }
  bool PlainNumber(FieldKey k) const { return (plain_numbers >> static_cast<int>(k)) & 1; }
  /// Empty for a field the record does not have: the text of an earlier record (whose
  /// buffer may be reused) must never show through.
  std::string_view Get(FieldKey k) const { return Has(k) ? text[static_cast<int>(k)] : std::string_view(); }
  void Set(FieldKey k, std::string_view v, int col, int line_off = 0) {
    const int i = static_cast<int>(k);
    text[i] = v;
    present[i] = true;
    column[i] = col;
    line_offset[i] = line_off;
  }
};

/// A record that could not be read or judged, positioned inside its file.
struct RecordError {
  int64_t line = 0;     ///< 1-based line of the record's start (plus the field's offset)
  int column = 0;       ///< 1-based byte column; 0 when not known
  std::string field;    ///< the field at fault, empty for the record's syntax
  std::string code;     ///< stable code, e.g. "batch.bad_json"
  std::string message;
  std::string id;       ///< the record's id when it could be read
};

}  // namespace sancheck::batch
