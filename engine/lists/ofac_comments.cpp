// sdn_comments.csv, one row a line: the entity number, then the remark to the line's last quote, bare quotes kept.
#include "lists/ofac_comments.hpp"

#include <string_view>

#include "common/source_text.hpp"
#include "common/utf8.hpp"
#include "lists/import_text.hpp"
#include "lists/ofac_fields.hpp"

namespace sancheck::lists {

std::optional<std::vector<OfacComment>> ReadOfacComments(const std::shared_ptr<const SourceFile>& file,
                                                         Diagnostics& diags) {
  if (!CheckSourceText(file, diags, "lists.ofac.")) return std::nullopt;
  std::string_view text = file->text;
  // OFAC's end-of-file byte closes the file, on a line of its own or after the last row, with
  // or without line ends after it (as the other files are read: csv_table.cpp).
  std::string_view body = text;
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  if (!body.empty() && body.back() == '\x1A') text = body.substr(0, body.size() - 1);
  size_t skip = text.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0 ? kUtf8Bom.size() : 0;
  std::vector<OfacComment> rows;
  int line = 0;
  auto fail = [&](size_t column, const std::string& message) {
    diags.Error(SourcePos{file, line, static_cast<int>(column) + 1}, "lists.ofac.bad_csv", message);
    return std::nullopt;
  };
  for (size_t at = 0; at < text.size();) {
    ++line;
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(at, end - at);
    const size_t column0 = line == 1 ? skip : 0;  // columns count from the line's first byte, BOM included
    row.remove_prefix(line == 1 ? skip : 0);
    at = end + 1;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.empty()) continue;
    // A carriage return inside a row is a line end OFAC never writes (theirs are CRLF): read as
    // text, it would join the next row's remark to this entry. So is any other control byte.
    for (size_t k = 0; k < row.size(); ++k) {
      const auto c = static_cast<unsigned char>(row[k]);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return fail(column0 + k, c == '\r' ? std::string("a carriage return inside a row (OFAC ends rows with CRLF)")
                                            : "a control character (byte " + std::to_string(c) + ") in a row");
      }
    }
    const size_t comma = row.find(',');
    const std::string_view num = row.substr(0, comma);
    if (comma == std::string_view::npos || !IsEntNum(num)) {
      return fail(column0, "expected an entity number and a comma, found '" + Abridged(row, 40) + "'");
    }
    std::string_view value = row.substr(comma + 1);
    const size_t value_column = column0 + comma + 1;
    std::string remark;
    if (!value.empty() && value.front() == '"') {
      size_t close = value.size();
      while (close > 1 && value[close - 1] == ' ') --close;
      if (close < 2 || value[close - 1] != '"') {
        return fail(value_column, "the quoted remark is not closed on its line (the quote opened here)");
      }
      // Doubled quotes are one quote, as RFC 4180 writes them; a lone quote stays as OFAC wrote it.
      const std::string_view inside = value.substr(1, close - 2);
      for (size_t k = 0; k < inside.size(); ++k) {
        remark += inside[k];
        if (inside[k] == '"' && k + 1 < inside.size() && inside[k + 1] == '"') ++k;
      }
    } else if (!IsOfacNull(value)) {
      remark = std::string(value);
    }
    rows.push_back(OfacComment{std::string(num), std::move(remark), line});
  }
  return rows;
}

}  // namespace sancheck::lists
