// Outputs written whole or not at all: a temporary beside the target, renamed into place at the end.
#pragma once

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace sancheck {

/// One output file of a run. Open() creates a temporary beside the target;
/// Commit() renames it over the target; an output destroyed (or a process
/// ended by SIGINT/SIGTERM/SIGHUP/SIGPIPE) before Commit() leaves no
/// temporary and the target untouched. An existing device, pipe or socket
/// (/dev/null, /dev/stdout, a FIFO) is written through instead: renaming a
/// file over it would replace it. A symbolic link keeps pointing at the
/// output: the file it names is replaced, not the link.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path) : path_(std::move(path)) {}
  ~AtomicOutput() { Abandon(); }
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  /// Returns an error message ("cannot write 'x': ...") or "".
  std::string Open();
  std::FILE* stream() const { return file_; }
  /// Flushes and closes the stream, then renames the temporary into place.
  std::string Commit();
  /// Closes and removes the temporary (nothing when committed or written through).
  void Abandon();
  const std::string& path() const { return path_; }
  bool through() const { return through_; }

 private:
  std::string path_;
  std::string target_;  ///< path_ with symbolic links followed
  std::string temp_;
  std::FILE* file_ = nullptr;
  int slot_ = -1;
  bool through_ = false;
};

/// Writes every (path, content) pair or none: all temporaries are written
/// first, and renamed only when all succeeded (outputs written through a
/// device or pipe come last). Returns an error message or "".
std::string WriteFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files);

/// WriteFilesAtomically() for one file.
std::string WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace sancheck
