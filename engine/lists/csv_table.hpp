// A whole CSV file read into rows of positioned fields, for the list importers (OFAC, own lists).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/diagnostics.hpp"

namespace sancheck::lists {

struct CsvField {
  std::string text;  ///< unquoted
  int line = 0;      ///< 1-based, where the field starts
  int column = 0;
};

struct CsvRow {
  int line = 0;  ///< 1-based line of the record's start
  std::vector<CsvField> fields;
};

/// Reads every record of `file` (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes, CRLF). The text must be UTF-8 without NUL bytes; a leading BOM is skipped; blank
/// lines are skipped, and so is a lone DOS end-of-file byte (0x1A) closing the file (OFAC's
/// files end with one). On the first malformed record reports "<code_prefix>bad_csv" at its
/// line and column and returns nullopt.
std::optional<std::vector<CsvRow>> ReadCsvTable(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags,
                                                const std::string& code_prefix);

/// The position of a field, for diagnostics.
inline SourcePos PosOf(const std::shared_ptr<const SourceFile>& file, const CsvField& f) {
  return SourcePos{file, f.line, f.column};
}

}  // namespace sancheck::lists
