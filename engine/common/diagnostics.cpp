// Rendering of diagnostics: `file:line:col: error: message [code]`, the source line and a caret.
#include "sancheck/diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include "common/visible.hpp"

namespace sancheck {
namespace {

// The 1-based `line` of `text`, without its line break (and without a CR).
std::string_view LineOf(const std::string& text, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(start, end - start);
}

}  // namespace

std::string Diagnostic::Render() const {
  std::string out;
  const std::string path = pos.file ? pos.file->path : std::string("<input>");
  out += Visible(path);  // paths, messages and source lines may hold what a terminal would obey
  if (pos.line > 0) {
    out += ':' + std::to_string(pos.line) + ':' + std::to_string(std::max(pos.column, 1));
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += Visible(message);
  if (!code.empty()) out += " [" + code + "]";
  out += '\n';
  if (pos.file && pos.line > 0) {
    std::string_view src = LineOf(pos.file->text, pos.line);
    size_t col = static_cast<size_t>(std::max(pos.column, 1) - 1);
    // Long lines (minified YAML, one-line flow maps) are cut to a window
    // around the caret so the excerpt stays readable.
    constexpr size_t kWindow = 100;
    std::string prefix, suffix;
    if (src.size() > kWindow) {
      const size_t start = col > kWindow / 2 ? std::min(col - kWindow / 2, src.size() - kWindow) : 0;
      if (start > 0) prefix = "...";
      if (start + kWindow < src.size()) suffix = "...";
      src = src.substr(start, kWindow);
      col = col - start + prefix.size();
    }
    if (!src.empty()) {
      col = std::min(col, prefix.size() + src.size());
      const std::string before = prefix + VisibleText(src.substr(0, col - prefix.size()));
      out += "  " + before + VisibleText(src.substr(col - prefix.size())) + suffix + "\n  ";
      // One blank per character shown before the caret (not per byte of UTF-8),
      // tabs kept so it lines up under tab-indented text.
      for (char c : before) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) out += c == '\t' ? '\t' : ' ';
      }
      out += "^\n";
    }
  }
  return out;
}

void Diagnostics::Error(const SourcePos& pos, std::string code, std::string message) {
  items_.push_back({Severity::kError, pos, std::move(code), std::move(message)});
  ++errors_;
}

void Diagnostics::Warning(const SourcePos& pos, std::string code, std::string message) {
  items_.push_back({Severity::kWarning, pos, std::move(code), std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::kError) ++errors_;
  }
}

std::string Diagnostics::RenderAll() const {
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : items_) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    const std::string pa = a->pos.file ? a->pos.file->path : "";
    const std::string pb = b->pos.file ? b->pos.file->path : "";
    return std::tie(pa, a->pos.line, a->pos.column) < std::tie(pb, b->pos.line, b->pos.column);
  });
  // A hostile file can hold an error per byte: the first ones are what a reader needs.
  std::string out;
  const size_t shown = std::min(sorted.size(), kMaxPrintedDiagnostics);
  for (size_t i = 0; i < shown; ++i) out += sorted[i]->Render();
  if (sorted.size() > shown) {
    out += "sancheck: " + std::to_string(sorted.size() - shown) + " more diagnostics not shown (the first " +
           std::to_string(shown) + " are above)\n";
  }
  return out;
}

}  // namespace sancheck
