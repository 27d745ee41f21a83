// RFC 4180 field scanning shared by every CSV reader (batch records, list imports): record ends by quote parity, fields unquoted in place.
#pragma once

#include <string>
#include <string_view>

namespace sancheck {

/// Where the record starting at `begin` ends: the first '\n' outside quotes
/// (quote parity: a doubled "" toggles twice), or `end` when there is none.
/// Every CSV reader uses it, so splitters and parsers agree on records even
/// when a quote is malformed.
const char* CsvRecordEnd(const char* begin, const char* end);

/// Scans the fields of one record [p, end) (as CsvRecordEnd delimits it, without its final
/// '\n'); each Next() advances `p` to the separator after the field. A CR before the
/// record's end is dropped (CRLF files).
struct CsvFieldScanner {
  char* p;
  char* end;
  char* line_start;  ///< start of the current physical line, for columns
  int line_offset = 0;

  int Column(const char* at) const { return static_cast<int>(at - line_start) + 1; }

  // Returns false with a message on a malformed field; `out` is unquoted in place.
  bool Next(std::string_view& out, int& col, int& line_off, std::string& error, int& error_col) {
    col = Column(p);
    line_off = line_offset;
    if (p < end && *p == '"') {
      char* const quote_line_start = line_start;
      char* start = ++p;
      char* o = start;
      for (;;) {
        if (p >= end) {
          // Positioned at the opening quote (its line, as line_offset tells callers), not at the
          // end of the file it ran to, where nothing shows what went wrong.
          error = "unterminated quoted field (the quote opened here is never closed)";
          error_col = col;
          line_offset = line_off;
          line_start = quote_line_start;
          return false;
        }
        const char c = *p++;
        if (c == '"') {
          if (p < end && *p == '"') {
            *o++ = '"';
            ++p;
            continue;
          }
          break;
        }
        if (c == '\n') {
          ++line_offset;
          line_start = p;
        }
        *o++ = c;
      }
      out = std::string_view(start, static_cast<size_t>(o - start));
      if (p < end && *p == '\r' && p + 1 == end) ++p;
      if (p < end && *p != ',') {
        error = "text after the closing quote of a field (quote the whole field and double its quotes)";
        error_col = Column(p);
        return false;
      }
      return true;
    }
    char* start = p;
    while (p < end && *p != ',') {
      if (*p == '"') {
        error = "a quote inside an unquoted field (quote the field and double its quotes)";
        error_col = Column(p);
        return false;
      }
      ++p;
    }
    char* stop = p;
    if (stop == end && stop > start && stop[-1] == '\r') --stop;  // CRLF line end
    out = std::string_view(start, static_cast<size_t>(stop - start));
    return true;
  }
};

}  // namespace sancheck
