// RevisionFiles: files of the working repository as a commit holds them, read with git into memory.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "sancheck/file_reader.hpp"

namespace sancheck::cli {

/// What `impact --base REV` loads its packs and lists through: nothing is checked out or
/// written, so the working tree is left alone and an interrupted run leaves nothing behind.
class RevisionFiles {
 public:
  /// The repository holding the current folder, at `rev` (a branch, a tag, HEAD~1, a hash).
  /// Nullopt, with `error` set, outside a repository or for a name that is not a commit.
  static std::optional<RevisionFiles> Open(const std::string& rev, std::string& error);

  /// Reads `path` (a file or folder of the working tree, as the command line names it) as the
  /// commit holds it, and returns the name the reader knows it by: "REV:path", which is also
  /// how diagnostics name its files, as `git show REV:path` would. Nullopt when the commit has
  /// no such path; nullopt with `error` set when it cannot be read (outside the repository,
  /// git failing, a file over the input bound).
  std::optional<std::string> Add(const std::string& path, std::string& error);

  std::shared_ptr<const FileReader> reader() const { return files_; }

 private:
  std::string rev_;     ///< as given, for names
  std::string commit_;  ///< its hash
  std::string top_;     ///< the repository's top folder
  std::shared_ptr<MemoryFileReader> files_ = std::make_shared<MemoryFileReader>();
};

}  // namespace sancheck::cli
