// Visible(): text from input files made safe for a terminal — control and formatting characters shown, not obeyed.
#pragma once

#include <string>
#include <string_view>

namespace sancheck {

/// `s` with every character that a terminal would act on instead of showing
/// written as an escape: C0 controls (ESC, BEL, backspace, and line breaks and
/// tabs too, so one field cannot fake report lines) and DEL as `\x1b`; C1
/// controls, the Unicode line and paragraph separators, bidirectional
/// embeddings, overrides and isolates (which reorder what is displayed), the
/// zero-width space, word joiner and BOM (which show nothing), and the
/// noncharacters U+FFFE/U+FFFF as `\u{202e}`. Bytes that are not UTF-8 are
/// shown as `\xNN`. Everything else is kept as is.
std::string Visible(std::string_view s);

/// Visible() for text laid out in lines: line breaks and tabs are kept.
std::string VisibleText(std::string_view s);

/// Whether Visible(s) would change `s`.
bool NeedsVisible(std::string_view s);

}  // namespace sancheck
