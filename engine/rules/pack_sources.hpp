// Where rule packs come from: the built-in packs in the binary, folders and files on disk, or a FileReader.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/file_reader.hpp"

namespace sancheck::rules {

struct BundledPack;

/// The files of one pack, pack.yaml first; a built-in pack comes compiled (`bundled`), its
/// files kept for the positions that point into them.
struct PackSource {
  std::vector<std::shared_ptr<const SourceFile>> files;  ///< pack.yaml first
  bool builtin = false;
  std::shared_ptr<const BundledPack> bundled;
};

/// Pack files grouped by their folder into packs (pack.yaml first, then in path order);
/// folders without a pack.yaml are left out.
std::vector<PackSource> GroupPackFiles(std::vector<std::shared_ptr<const SourceFile>> files);

/// The built-in packs, from the bundle built into the binary. A bundle that does not read
/// back (a corrupt binary) is an error in `diags`, and no pack.
std::vector<PackSource> BuiltinSources(Diagnostics& diags);

/// The file of a built-in designation list, by the path of the list file it was made from;
/// null when the binary has none. One per list and process; its text is empty: screening reads
/// the snapshot's bytes where they are, in the binary (BuiltinListBytes).
std::shared_ptr<const SourceFile> BuiltinListSnapshot(std::string_view path);

/// The snapshot bytes of a built-in list, by that path; nullopt when the binary has none.
std::optional<std::string_view> BuiltinListBytes(std::string_view path);

/// A pack named on the command line or by a caller: "builtin:NAME" (or a bare NAME when no
/// such file or folder exists) names a built-in pack; otherwise a folder or a file, read from
/// `files` when given, else from the disk. Errors go to `diags`.
std::optional<PackSource> ResolvePackPath(const std::string& path, const FileReader* files, Diagnostics& diags);

/// Loads the packs of `sources`: what LoadRuleSet does once it has resolved its paths.
std::unique_ptr<RuleSet> LoadRuleSetFrom(const std::vector<PackSource>& sources, Diagnostics& diags,
                                         const LoadOptions& options = {});

}  // namespace sancheck::rules
