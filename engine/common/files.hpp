// File access for loaders: reading files and standard input, finding *.yaml under folders, atomic writes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/atomic_output.hpp"  // WriteFileAtomically, for the writers of outputs
#include "sancheck/diagnostics.hpp"

namespace sancheck {

/// The most an input may hold unless a reader asks for more.
inline constexpr uint64_t kMaxInputBytes = 64u * 1024 * 1024;

/// Reads a file ("-" is standard input), at most `max_bytes` of it whatever it is (a
/// file, device, pipe or FIFO). On failure reports an error and returns null.
std::shared_ptr<const SourceFile> ReadSource(const std::string& path, Diagnostics& diags,
                                             uint64_t max_bytes = kMaxInputBytes);

/// What a folder search collects. kScenarios leaves out what lives beside
/// scenarios but is not one: rule-pack folders (a folder with a pack.yaml),
/// rule tests (*.test.yaml) and hidden files and folders (.git, .github/).
/// A file named explicitly is always kept.
enum class YamlSearch { kAll, kScenarios };

/// One file of a search; `searched` when a folder search found it rather than the user naming it.
struct FoundFile {
  std::string path;
  bool searched = false;
};

/// The files of `paths`, folders expanded as ExpandYamlPaths does. In a kScenarios search,
/// `exclude` globs leave out the files and folders whose path relative to the folder given
/// matches one (fnmatch with FNM_PATHNAME: `*` does not cross a '/'; a folder that matches
/// is left out whole).
std::vector<FoundFile> FindYamlFiles(const std::vector<std::string>& paths, Diagnostics& diags, YamlSearch search,
                                     const std::vector<std::string>& exclude = {});

/// Expands folders into their *.yaml / *.yml files (recursively, sorted by
/// path); files are kept as given. Missing paths are reported.
std::vector<std::string> ExpandYamlPaths(const std::vector<std::string>& paths, Diagnostics& diags,
                                         YamlSearch search = YamlSearch::kAll);

/// The first (output, input) pair naming the same file (same device and
/// inode, through links and other spellings): a run must refuse it before it
/// reads or writes anything, or the report replaces its own input. Outputs
/// that do not exist yet, and devices and pipes, never match.
std::optional<std::pair<std::string, std::string>> OutputIsInput(const std::vector<std::string>& outputs,
                                                                 const std::vector<std::string>& inputs);

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace sancheck
