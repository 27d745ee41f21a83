// Text made safe for Markdown table cells and code spans, shared by every Markdown writer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sancheck/rules.hpp"

namespace sancheck::report {

/// A table cell: no line breaks, nothing Markdown or HTML would interpret, control characters
/// from input files shown as escapes (\x1b), not passed on.
std::string MarkdownCell(std::string_view text);

/// An inline code span, or a cell when `s` holds what a code span cannot (` or |, controls).
std::string MarkdownCode(std::string_view s);

/// "[S/RES/1718 (2006), OP 8(b)](url) (verified: text); ...": each citation linked when it
/// has a web address.
std::string MarkdownCitations(const std::vector<Citation>& citations);

}  // namespace sancheck::report
