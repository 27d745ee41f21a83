// Splits a CSV file into records and fields with the shared RFC 4180 scanner, keeping each field's position.
#include "lists/csv_table.hpp"

#include <algorithm>
#include <cstring>

#include "common/csv_scan.hpp"
#include "common/scalar_position.hpp"
#include "common/source_text.hpp"
#include "common/utf8.hpp"

namespace sancheck::lists {

std::optional<std::vector<CsvRow>> ReadCsvTable(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags,
                                                const std::string& code_prefix) {
  if (!CheckSourceText(file, diags, code_prefix)) return std::nullopt;
  // The scanner unquotes in place: a private copy of the text.
  std::string buffer = file->text;
  char* p = buffer.data();
  char* end = p + buffer.size();
  // OFAC's files close with a DOS end-of-file byte, on a line of its own or right after the last
  // field: it ends the file, and is never part of a field.
  char* mark = end;
  while (mark > p && (mark[-1] == '\n' || mark[-1] == '\r')) --mark;
  if (mark > p && mark[-1] == '\x1A') end = mark - 1;
  // A carriage return with no line feed after it: the line ends of another system, which would
  // read as one long record with its fields miscounted. Said where the first one is.
  for (const char* cr = p; (cr = static_cast<const char*>(std::memchr(cr, '\r', static_cast<size_t>(end - cr)))); ++cr) {
    if (cr + 1 < end && cr[1] == '\n') continue;
    if (cr + 1 == end) break;  // the last line's CRLF, its LF cut with the end-of-file byte
    SourcePos at{file, 0, 0};
    LineColumnAt(file->text, static_cast<size_t>(cr - p), at.line, at.column);
    diags.Error(at, code_prefix + "bad_csv", "a carriage return without a line feed (lines must end with LF or CRLF)");
    return std::nullopt;
  }
  int line = 1;
  int bom = 0;  // the BOM shifts the first line's columns: they count from the file's first byte
  if (buffer.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0) {
    p += kUtf8Bom.size();
    bom = static_cast<int>(kUtf8Bom.size());
  }
  std::vector<CsvRow> rows;
  while (p < end) {
    char* rec_end = const_cast<char*>(CsvRecordEnd(p, end));
    const int lines_in_record = static_cast<int>(std::count(p, rec_end, '\n'));
    const std::string_view raw(p, static_cast<size_t>(rec_end - p));
    const bool blank = raw.empty() || raw == "\r";
    if (!blank) {
      CsvRow row;
      row.line = line;
      CsvFieldScanner s{p, rec_end, p};
      const int shift = line == 1 ? bom : 0;
      for (;;) {
        std::string_view v;
        int col = 0, line_off = 0, error_col = 0;
        std::string error;
        if (!s.Next(v, col, line_off, error, error_col)) {
          diags.Error(SourcePos{file, line + s.line_offset, error_col + (s.line_offset == 0 ? shift : 0)},
                      code_prefix + "bad_csv", error);
          return std::nullopt;
        }
        row.fields.push_back(CsvField{std::string(v), line + line_off, col + (line_off == 0 ? shift : 0)});
        if (s.p >= rec_end) break;
        ++s.p;  // the ','
      }
      rows.push_back(std::move(row));
    }
    line += lines_in_record + (rec_end < end ? 1 : 0);
    p = rec_end < end ? rec_end + 1 : end;
  }
  return rows;
}

}  // namespace sancheck::lists
