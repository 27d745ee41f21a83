// Positioned error and warning values that every loading stage returns.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace sancheck {

/// The text of one input file, kept so diagnostics can quote the offending line.
struct SourceFile {
  std::string path;  ///< as given by the user (or a virtual path for built-in packs)
  std::string text;
};

/// 1-based line and column inside a SourceFile.
struct SourcePos {
  std::shared_ptr<const SourceFile> file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string code;     ///< stable dotted code, e.g. "scenario.unknown_key"
  std::string message;

  /// `file:line:col: error: message [code]`, the source line and a caret.
  std::string Render() const;
};

/// Diagnostics printed by RenderAll(); all of them are still counted and kept.
inline constexpr size_t kMaxPrintedDiagnostics = 100;

/// A list of diagnostics collected by one stage. Loading stops producing
/// results once any error is present; warnings never stop it.
class Diagnostics {
 public:
  void Error(const SourcePos& pos, std::string code, std::string message);
  void Warning(const SourcePos& pos, std::string code, std::string message);
  bool HasErrors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  void Append(const Diagnostics& other);
  /// Sorted by file, line, column; each rendered, newline-terminated; at most
  /// kMaxPrintedDiagnostics of them, then a line counting the rest.
  std::string RenderAll() const;

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

}  // namespace sancheck
