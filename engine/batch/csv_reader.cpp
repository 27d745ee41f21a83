// CSV reader: splits records by quote parity and unquotes fields in place (RFC 4180, CRLF tolerated).
#include "batch/csv_reader.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "common/csv_scan.hpp"
#include "common/utf8.hpp"

namespace sancheck::batch {
namespace {

// A NUL byte in [begin, end): its line offset and column, as a record error.
bool RejectNul(const char* begin, const char* end, RecordError& err, int& line_offset) {
  if (begin == end) return true;  // memchr with a null pointer is undefined even for 0 bytes
  const void* nul = std::memchr(begin, '\0', static_cast<size_t>(end - begin));
  if (!nul) return true;
  const char* at = static_cast<const char*>(nul);
  const char* line_start = begin;
  line_offset = 0;
  for (const char* p = begin; p < at; ++p) {
    if (*p == '\n') {
      ++line_offset;
      line_start = p + 1;
    }
  }
  err.column = static_cast<int>(at - line_start) + 1;
  err.code = "batch.bad_csv";
  err.message = "NUL byte (the file must be UTF-8 text)";
  return false;
}

}  // namespace

bool ParseCsvHeader(char* begin, char* end, CsvHeader& header, RecordError& err) {
  header.columns.clear();
  int line_offset = 0;
  if (!RejectNul(begin, end, err, line_offset)) return false;
  // A byte order mark before the header is accepted (spreadsheets write one).
  char* const line_start = begin;
  if (static_cast<size_t>(end - begin) >= kUtf8Bom.size() && std::memcmp(begin, kUtf8Bom.data(), kUtf8Bom.size()) == 0) {
    begin += kUtf8Bom.size();
  }
  // Lines ended by a carriage return alone (old Mac files) read as one long header line.
  const char* cr = begin < end ? static_cast<const char*>(std::memchr(begin, '\r', static_cast<size_t>(end - begin)))
                                : nullptr;
  if (cr && cr + 1 < end && cr[1] != '\n') {
    err.column = static_cast<int>(cr - line_start) + 1;
    err.code = "batch.bad_csv";
    err.message = "header: lines end with a carriage return alone: save the file with LF or CRLF line ends";
    return false;
  }
  CsvFieldScanner s{begin, end, line_start};
  bool seen[kFieldCount] = {};
  std::vector<std::string_view> other;  // columns sancheck does not read: still named once each
  for (;;) {
    std::string_view name;
    int col = 0, line_off = 0, error_col = 0;
    std::string error;
    if (!s.Next(name, col, line_off, error, error_col)) {
      err.column = error_col;
      err.code = "batch.bad_csv";
      err.message = "header: " + error;
      return false;
    }
    const FieldKey key = FieldByName(name);
    bool twice = false;
    if (key != FieldKey::kCount) {
      twice = seen[static_cast<int>(key)];
      seen[static_cast<int>(key)] = true;
    } else {
      if (const std::string problem = UnreadKeyProblem(name); !problem.empty()) {
        err.column = col;
        err.code = "batch.unknown_key";
        err.message = "header: unknown column '" + std::string(name) + "' (" + problem + ")";
        return false;
      }
      twice = std::find(other.begin(), other.end(), name) != other.end();
      other.push_back(name);
    }
    if (twice) {
      // Which of the two columns would count is arbitrary: refused, as duplicate JSON keys are.
      err.column = col;
      err.code = "batch.duplicate_key";
      err.message = "header: column '" + std::string(name) + "' appears twice";
      return false;
    }
    header.columns.push_back(key);
    if (s.p >= end) break;
    ++s.p;  // the ','
  }
  if (!seen[static_cast<int>(FieldKey::kId)]) {
    err.column = 1;
    err.code = "batch.bad_csv";
    err.message = "header: no 'id' column (the first line of a CSV file names the columns)";
    return false;
  }
  return true;
}

bool ParseCsvRecord(char* begin, char* end, const CsvHeader& header, RawRecord& rec, RecordError& err,
                    int& error_line_offset) {
  rec.Clear();
  if (!RejectNul(begin, end, err, error_line_offset)) return false;
  CsvFieldScanner s{begin, end, begin};
  size_t index = 0;
  for (;;) {
    std::string_view v;
    int col = 0, line_off = 0, error_col = 0;
    std::string error;
    const FieldKey key = index < header.columns.size() ? header.columns[index] : FieldKey::kCount;
    if (!s.Next(v, col, line_off, error, error_col)) {
      err.column = error_col;
      err.field = key == FieldKey::kCount ? "" : std::string(FieldName(key));
      err.code = "batch.bad_csv";
      err.message = error;
      error_line_offset = s.line_offset;
      return false;
    }
    if (key != FieldKey::kCount && !v.empty()) {
      rec.Set(key, v, col, line_off);
      if (key == FieldKey::kTags) {
        size_t from = 0;
        while (from <= v.size()) {
          size_t semi = v.find(';', from);
          if (semi == std::string_view::npos) semi = v.size();
          if (semi > from) rec.tags.push_back(v.substr(from, semi - from));
          from = semi + 1;
        }
      }
    }
    ++index;
    if (s.p >= end) break;
    ++s.p;  // the ','
  }
  if (index != header.columns.size()) {
    err.column = 1;
    err.code = "batch.bad_csv";
    err.message = "expected " + std::to_string(header.columns.size()) + " fields as in the header, found " +
                  std::to_string(index);
    error_line_offset = 0;
    return false;
  }
  return true;
}

}  // namespace sancheck::batch
