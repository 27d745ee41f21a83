// XML escaping shared by the XML report writers (JUnit) and the HTML report.
#pragma once

#include <string>
#include <string_view>

namespace sancheck::report {

/// Escapes & < > " ' and drops characters XML 1.0 does not allow.
inline std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
        out += ch;
    }
  }
  return out;
}

}  // namespace sancheck::report
