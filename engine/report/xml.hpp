// XML escaping shared by the XML report writers (JUnit) and the HTML report.
#pragma once

#include <string>
#include <string_view>

#include "common/visible.hpp"

namespace sancheck::report {

/// Escapes & < > " ' and writes what XML 1.0 forbids or a reader would not
/// see (C0 controls but tab and line breaks, U+FFFE/U+FFFF, bytes that are not
/// UTF-8, C1 and bidirectional controls) as visible escapes (\x1b, \u{202e}):
/// the document stays well-formed and the odd character stays noticeable.
inline std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    const bool kept = i < s.size() && (s[i] == '\n' || s[i] == '\t' || s[i] == '\r');
    if (i < s.size() && !kept) continue;
    for (char ch : Visible(s.substr(start, i - start))) {
      switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += ch;
      }
    }
    if (kept) out += s[i];
    start = i + 1;
  }
  return out;
}

}  // namespace sancheck::report
