// Encoding check of a whole text input before any parser sees it: UTF-8 only, no NUL bytes, an optional leading BOM.
#pragma once

#include <memory>
#include <string>

#include "sancheck/diagnostics.hpp"

namespace sancheck {

/// Reports the first NUL byte or ill-formed UTF-8 sequence of `file` at its
/// line and column ("<prefix>nul_byte", "<prefix>bad_utf8"). A UTF-8 byte order
/// mark at the very start is accepted. Returns false when it reported.
bool CheckSourceText(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags, const std::string& code_prefix);

}  // namespace sancheck
