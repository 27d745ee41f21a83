// Writes a designation list in the YAML list format that LoadDesignationList reads, with its provenance.
#pragma once

#include <optional>
#include <string>

#include "screen/designations_loader.hpp"

namespace sancheck::lists {

/// The list as YAML: a `designations:` section with name, snapshot, source, format, regime,
/// inputs (file, sha256), counts per regime and the entries. Every field LoadDesignationList
/// reads is written, so loading the text gives the list back (positions and `sha256` aside).
/// Empty fields are left out; an entry's regime only when it differs from the list's.
std::string DesignationListYaml(const screen::DesignationList& list);

/// DesignationListYaml(list), checked by loading it back as `path` with the list loader (the
/// judge of the format): nullopt, with the loader's diagnostics in `diags`, when it would be
/// refused or come back short — a defect of an importer, never written.
std::optional<std::string> LoadableListYaml(const screen::DesignationList& list, const std::string& path,
                                            Diagnostics& diags);

}  // namespace sancheck::lists
