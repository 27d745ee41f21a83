// CheckSourceText(): NUL bytes and invalid UTF-8 become positioned errors instead of confusing parser messages later.
#include "common/source_text.hpp"

#include <cstdio>
#include <cstring>

#include "common/scalar_position.hpp"
#include "common/utf8.hpp"

namespace sancheck {

bool CheckSourceText(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags, const std::string& code_prefix) {
  const std::string& text = file->text;
  const size_t start = text.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0 ? kUtf8Bom.size() : 0;
  const void* nul = std::memchr(text.data() + start, '\0', text.size() - start);
  size_t bad = FindInvalidUtf8(std::string_view(text).substr(start));
  if (bad != std::string_view::npos) bad += start;
  const size_t nul_at = nul ? static_cast<size_t>(static_cast<const char*>(nul) - text.data()) : std::string::npos;
  if (nul_at == std::string::npos && bad == std::string_view::npos) return true;
  SourcePos pos{file, 0, 0};
  if (nul_at < bad) {
    LineColumnAt(text, nul_at, pos.line, pos.column);
    diags.Error(pos, code_prefix + "nul_byte", "NUL byte (the file must be UTF-8 text)");
  } else {
    LineColumnAt(text, bad, pos.line, pos.column);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    diags.Error(pos, code_prefix + "bad_utf8", std::string("invalid UTF-8 (byte ") + hex + "; the file must be UTF-8 text)");
  }
  return false;
}

}  // namespace sancheck
