// MarkdownCell(), MarkdownCode(), MarkdownCitations(): escaping for pull-request comments and job summaries.
#include "report/markdown_text.hpp"

#include "common/visible.hpp"
#include "report/common.hpp"

namespace sancheck::report {
namespace {

// Link targets in Markdown end at an unbalanced ')'; resolution URLs have parentheses.
std::string LinkTarget(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else if (c == ' ') out += "%20";
    else out += c;
  }
  return out;
}

}  // namespace

std::string MarkdownCell(std::string_view text) {
  std::string kept;
  for (char c : text) kept += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  const std::string s = Visible(kept);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      // GitHub reads text between two '$' as mathematics ($embargoed, US$ amounts).
      case '$': out += "&#36;"; break;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

// Inline code spans cannot contain their own delimiter; ids never do, but files might.
std::string MarkdownCode(std::string_view s) {
  if (s.find('`') != std::string_view::npos || s.find('|') != std::string_view::npos || NeedsVisible(s)) {
    return MarkdownCell(s);
  }
  return "`" + std::string(s) + "`";
}

std::string MarkdownCitations(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) {
    if (!out.empty()) out += "; ";
    const bool web = c.url.rfind("https://", 0) == 0 || c.url.rfind("http://", 0) == 0;
    out += !web ? MarkdownCell(c.text) : "[" + MarkdownCell(c.text) + "](" + LinkTarget(c.url) + ")";
    out += " (" + MarkdownCell(VerificationLabel(c)) + ")";
  }
  return out;
}

}  // namespace sancheck::report
