// File access for loaders: reading files and standard input, finding *.yaml under folders, atomic writes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"

namespace sancheck {

/// Reads a file ("-" is standard input). On failure reports an error and returns null.
std::shared_ptr<const SourceFile> ReadSource(const std::string& path, Diagnostics& diags);

/// What a folder search collects. kScenarios leaves out what lives beside
/// scenarios but is not one: rule-pack folders (a folder with a pack.yaml)
/// and rule tests (*.test.yaml). A file named explicitly is always kept.
enum class YamlSearch { kAll, kScenarios };

/// Expands folders into their *.yaml / *.yml files (recursively, sorted by
/// path); files are kept as given. Missing paths are reported.
std::vector<std::string> ExpandYamlPaths(const std::vector<std::string>& paths, Diagnostics& diags,
                                         YamlSearch search = YamlSearch::kAll);

/// Writes `content` to a temporary file beside `path` and renames it into
/// place, so a reader never sees a partial file. Returns an error message or "".
std::string WriteFileAtomically(const std::string& path, const std::string& content);

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace sancheck
