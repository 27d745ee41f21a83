// Writes a designation list in the YAML list format that LoadDesignationList reads, with its provenance.
#pragma once

#include <string>

#include "screen/designations_loader.hpp"

namespace sancheck::lists {

/// The list as YAML: a `designations:` section with name, snapshot, source, format, regime,
/// inputs (file, sha256), counts per regime and the entries. Every field LoadDesignationList
/// reads is written, so loading the text gives the list back (positions and `sha256` aside).
/// Empty fields are left out; an entry's regime only when it differs from the list's.
std::string DesignationListYaml(const screen::DesignationList& list);

/// Writes DesignationListYaml(list) to `path` whole or not at all (a temporary renamed into
/// place). Returns an error message, or "" when written.
std::string WriteDesignationList(const std::string& path, const screen::DesignationList& list);

}  // namespace sancheck::lists
