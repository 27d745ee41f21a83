// Reads a designations file (the `designations:` section of a rule pack) into Designation records.
#pragma once

#include <memory>
#include <string>
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

/// Parses every `designations:` section of `file` (other top-level keys belong to the rule
/// pack and are left to its loader). Errors are appended to `diags` with codes
/// "designations.*"; unknown keys are errors. Never throws.
DesignationList LoadDesignationList(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

/// The entries alone.
std::vector<Designation> LoadDesignations(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

}  // namespace sancheck::screen
