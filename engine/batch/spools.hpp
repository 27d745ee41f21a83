// Spools: copies of batch inputs that cannot be read twice, for the pass that counts caps before writing.
#pragma once

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
  /// copied or has no record end within kMaxRecordRead bytes.
  bool Make(const std::vector<std::string>& inputs, std::ostream& diag);
};

}  // namespace sancheck::batch
