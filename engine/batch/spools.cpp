// Spools: standard input, pipes and devices copied to unnamed temporary files; regular files checked unchanged.
#include "batch/spools.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "batch/chunk.hpp"
#include "common/visible.hpp"

namespace sancheck::batch {
Spools::Seen Spools::SeenOf(const std::string& path, const struct stat& st) {
  return {path, static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
          static_cast<unsigned long long>(st.st_size),
          static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

bool Spools::Make(const std::vector<std::string>& inputs, std::ostream& diag) {
  streams.assign(inputs.size(), nullptr);
  for (size_t i = 0; i < inputs.size(); ++i) {
    struct stat st {};
    if (inputs[i] != "-" && ::stat(inputs[i].c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      seen_.push_back(SeenOf(inputs[i], st));
      continue;
    }
    if (inputs[i] != "-" && ::stat(inputs[i].c_str(), &st) != 0) continue;  // the reader reports it
    std::FILE* from = inputs[i] == "-" ? stdin : std::fopen(inputs[i].c_str(), "rb");
    std::FILE* to = std::tmpfile();
    if (!from || !to) {
      diag << "sancheck: error: " << inputs[i] << ": cannot keep a copy for counting caps: " << std::strerror(errno)
           << "\n";
      if (to) std::fclose(to);
      if (from && from != stdin) std::fclose(from);
      return false;
    }
    streams[i] = to;
    char buf[1 << 16];
    size_t n, since_record_end = 0;
    while ((n = std::fread(buf, 1, sizeof buf, from)) > 0) {
      if (std::fwrite(buf, 1, n, to) != n) break;
      // As the reader does: input with no record end for this long is not read on.
      const void* nl = memrchr(buf, '\n', n);
      since_record_end = nl ? n - static_cast<size_t>(static_cast<const char*>(nl) - buf) - 1 : since_record_end + n;
      if (since_record_end >= kMaxRecordRead) {
        if (from != stdin) std::fclose(from);
        diag << Visible(inputs[i]) << ": error: no record ends within the first " << (kMaxRecordRead >> 20)
             << " MiB read; reading stopped [batch.record_too_long]\n";
        return false;
      }
    }
    const bool failed = std::ferror(from) || std::ferror(to) || std::fflush(to) != 0;
    if (from != stdin) std::fclose(from);
    if (failed) {
      diag << "sancheck: error: " << inputs[i] << ": reading it failed: " << std::strerror(errno) << "\n";
      return false;
    }
  }
  return true;
}

bool Spools::Unchanged(std::ostream& diag) const {
  for (const Seen& s : seen_) {
    struct stat st {};
    if (::stat(s.path.c_str(), &st) != 0 || !(SeenOf(s.path, st) == s)) {
      diag << "sancheck: error: " << Visible(s.path)
           << ": the file changed while it was read twice (once to count caps, once to write the results); "
              "no results are kept [batch.input_changed]\n";
      return false;
    }
  }
  return true;
}

}  // namespace sancheck::batch
