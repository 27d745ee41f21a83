// Visible(): decides, code point by code point, what is shown as an escape.
#include "common/visible.hpp"

#include <cstdint>
#include <cstdio>

#include "common/utf8.hpp"

namespace sancheck {
namespace {

bool Hidden(uint32_t cp) {
  // Zero-width space, word joiner and BOM show nothing; the zero-width joiner and non-joiner
  // are kept, as Persian and Indic names write them.
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x061C || cp == 0x200B || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace

std::string Visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i]));
      out += buf;
      ++i;
      continue;
    }
    size_t next = i;
    const auto cp = static_cast<uint32_t>(DecodeUtf8(s, next));
    if (!Hidden(cp)) {
      out.append(s.substr(i, n));
    } else if (cp < 0x80) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\u{%04x}", static_cast<unsigned>(cp));
      out += buf;
    }
    i += n;
  }
  return out;
}

std::string VisibleText(std::string_view s) {
  std::string out;
  size_t start = 0;
  for (size_t i = s.find_first_of("\n\t"); i != std::string_view::npos; i = s.find_first_of("\n\t", start)) {
    out += Visible(s.substr(start, i - start));
    out += s[i];
    start = i + 1;
  }
  return out + Visible(s.substr(start));
}

bool NeedsVisible(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return true;
    size_t next = i;
    if (Hidden(static_cast<uint32_t>(DecodeUtf8(s, next)))) return true;
    i += n;
  }
  return false;
}

}  // namespace sancheck
