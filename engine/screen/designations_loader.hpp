// Reads a designation list file (or the `designations:` section of a rule pack's file) into Designation records.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "screen/designation.hpp"

namespace sancheck::screen {

/// A source file a list was imported from.
struct ListInput {
  std::string file;    ///< its name as given to the importer (no directories)
  std::string sha256;  ///< of its bytes
};

struct DesignationList {
  std::string name;      ///< short name reports use ("un-dprk", "un-consolidated", "ofac-sdn"); the file stem when absent
  std::string snapshot;  ///< the list's own generation date (YYYY-MM-DD)
  std::string source;    ///< who publishes it, in words
  std::string format;    ///< the format it was imported from (un-xml, ofac-csv, csv), empty when hand-written
  std::string regime;    ///< the regime of entries that do not name their own
  std::vector<ListInput> inputs;
  std::string sha256;    ///< of the list file itself, as loaded
  std::vector<Designation> entries;

  /// Entries per regime, in regime order.
  std::vector<std::pair<std::string, size_t>> CountsByRegime() const;
};

/// The formats a list file may name in `format:` (what `sancheck lists import` writes), for messages.
inline constexpr const char* kListFormats = "un-xml, ofac-csv or csv";
/// Whether `format` is one of them (a list file's format decides whose listing an entry is).
bool IsListFormat(std::string_view format);

/// What a file holding `designations:` is: a list file of its own (`--lists`, `lists diff`), whose
/// top level is that one key, or a rule pack's file, whose other keys and documents belong to
/// the pack and are left to its loader.
enum class ListFileRole : uint8_t { kListFile, kPackFile };

/// Parses the `designations:` section of `file` (one per file). Errors are appended to `diags`
/// with codes "designations.*"; unknown keys are errors. Never throws.
DesignationList LoadDesignationList(std::shared_ptr<const SourceFile> file, Diagnostics& diags,
                                    ListFileRole role = ListFileRole::kListFile);

/// The entries alone.
std::vector<Designation> LoadDesignations(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

}  // namespace sancheck::screen
