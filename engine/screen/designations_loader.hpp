// Reads a designations file (the `designations:` section of a rule pack) into Designation records.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "screen/designation.hpp"

namespace sancheck::screen {

struct DesignationList {
  std::string snapshot;  ///< date of the list the file was generated from (YYYY-MM-DD)
  std::string source;
  std::vector<Designation> entries;
};

/// Parses every `designations:` section of `file` (other top-level keys belong to the rule
/// pack and are left to its loader). Errors are appended to `diags` with codes
/// "designations.*"; unknown keys are errors. Never throws.
DesignationList LoadDesignationList(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

/// The entries alone.
std::vector<Designation> LoadDesignations(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

}  // namespace sancheck::screen
