// Spools: copies of batch inputs that cannot be read twice, for the pass that counts caps before writing.
#pragma once

#include <sys/stat.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace sancheck::batch {

// Copies of the inputs that cannot be read twice (standard input, pipes, devices), in
// unnamed temporary files that vanish with the process.
struct Spools {
  std::vector<std::FILE*> streams;
  Spools() = default;
  Spools(const Spools&) = delete;
  Spools& operator=(const Spools&) = delete;
  ~Spools() {
    for (std::FILE* f : streams) {
      if (f) std::fclose(f);
    }
  }
  /// Copies every input that is not a regular file; false (said on `diag`) when one cannot be
  /// copied or has no record end within kMaxRecordRead bytes. Regular files are read twice
  /// in place: their identity, size and modification time are kept for Unchanged().
  bool Make(const std::vector<std::string>& inputs, std::ostream& diag);

  /// Whether every regular input is still the file the counting pass read: cap decisions are
  /// keyed by record position, so a file appended to or replaced in between would shift them
  /// onto other records. False (said on `diag`) otherwise.
  bool Unchanged(std::ostream& diag) const;

 private:
  struct Seen {
    std::string path;
    unsigned long long device = 0, inode = 0, size = 0;
    long long mtime_ns = 0;
    bool operator==(const Seen&) const = default;
  };
  static Seen SeenOf(const std::string& path, const struct stat& st);
  std::vector<Seen> seen_;
};

}  // namespace sancheck::batch
