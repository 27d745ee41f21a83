// CSV record reader (RFC 4180): header-named columns, quoted fields with doubled quotes and line breaks.
#pragma once

#include <cstddef>
#include <vector>

#include "batch/raw_record.hpp"
#include "common/csv_scan.hpp"

namespace sancheck::batch {

/// Column order of a CSV file, from its header line.
struct CsvHeader {
  std::vector<FieldKey> columns;  ///< kCount for a column sancheck does not read
};

/// Record boundaries are the shared RFC 4180 ones (common/csv_scan.hpp).
using sancheck::CsvRecordEnd;

/// Parses the header line [begin, end): the 13 field names in any order;
/// unknown columns are skipped; a column named twice (read or skipped), a
/// missing `id` or a NUL byte is an error; a leading UTF-8 BOM is skipped.
bool ParseCsvHeader(char* begin, char* end, CsvHeader& header, RecordError& err);

/// Parses one record [begin, end) as returned by CsvRecordEnd (without the
/// final '\n'), unquoting in place. Empty fields are absent; `tags` is split
/// on ';'. err.line is left to the caller, err.column and the field's
/// line_offset say where inside the record the fault is.
bool ParseCsvRecord(char* begin, char* end, const CsvHeader& header, RawRecord& rec, RecordError& err,
                    int& error_line_offset);

}  // namespace sancheck::batch
