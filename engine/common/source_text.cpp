// CheckSourceText(): NUL bytes and invalid UTF-8 become positioned errors instead of confusing parser messages later.
#include "common/source_text.hpp"

#include <cstdio>
#include <cstring>

#include "common/scalar_position.hpp"
#include "common/utf8.hpp"

namespace sancheck {
namespace {

// The wide encoding a file is written in, by its byte-order mark or its first character's NUL
// bytes, or empty: a file saved as UTF-16 (a spreadsheet's "Unicode text") is named as such,
// rather than reported by its first byte that is not UTF-8.
std::string_view WideEncodingOf(std::string_view t) {
  auto at = [&](size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100u; };
  if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return "UTF-32LE";
  if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32BE";
  if (at(0) == 0xFF && at(1) == 0xFE) return "UTF-16LE";
  if (at(0) == 0xFE && at(1) == 0xFF) return "UTF-16BE";
  if (at(0) != 0 && at(0) < 0x80 && at(1) == 0) return "UTF-16LE";
  if (at(0) == 0 && at(1) != 0 && at(1) < 0x80) return "UTF-16BE";
  return {};
}

}  // namespace

bool CheckSourceText(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags, const std::string& code_prefix) {
  const std::string& text = file->text;
  const size_t start = text.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0 ? kUtf8Bom.size() : 0;
  const void* nul = std::memchr(text.data() + start, '\0', text.size() - start);
  size_t bad = FindInvalidUtf8(std::string_view(text).substr(start));
  if (bad != std::string_view::npos) bad += start;
  const size_t nul_at = nul ? static_cast<size_t>(static_cast<const char*>(nul) - text.data()) : std::string::npos;
  if (nul_at == std::string::npos && bad == std::string_view::npos) return true;
  SourcePos pos{file, 0, 0};
  if (const std::string_view wide = WideEncodingOf(text); !wide.empty()) {
    diags.Error(SourcePos{file, 1, 1}, code_prefix + "encoding",
                "the file is " + std::string(wide) + " text, not UTF-8: save it as UTF-8");
  } else if (nul_at < bad) {
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
