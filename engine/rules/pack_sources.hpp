// Where rule packs come from: the built-in packs in the binary, folders and files on disk, or a FileReader.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "sancheck/file_reader.hpp"

namespace sancheck::rules {

/// The files of one pack, pack.yaml first.
struct PackSource {
  std::vector<std::shared_ptr<const SourceFile>> files;  ///< pack.yaml first
  bool builtin = false;
};

/// The built-in packs: embedded files grouped by their folder under rules/.
std::vector<PackSource> BuiltinSources();

/// A pack named on the command line or by a caller: "builtin:NAME" (or a bare NAME when no
/// such file or folder exists) names a built-in pack; otherwise a folder or a file, read from
/// `files` when given, else from the disk. Errors go to `diags`.
std::optional<PackSource> ResolvePackPath(const std::string& path, const FileReader* files, Diagnostics& diags);

}  // namespace sancheck::rules
