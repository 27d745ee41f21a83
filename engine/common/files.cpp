// Reading inputs, expanding folders, atomic report writes and SHA-256 digests.
#include "common/files.hpp"

#include <openssl/evp.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/sha256.hpp"

namespace sancheck {
namespace fs = std::filesystem;

namespace {
// Inputs larger than this are refused rather than read into memory.
// Reads at most `limit` bytes from `fd`, whatever it is: a regular file, a
// device (/dev/zero), a pipe, a FIFO or an endless standard input. One byte
// more than the limit tells that the input is too large; the rest is never read.
bool ReadBounded(int fd, uint64_t limit, std::string& text, std::string& error) {
  text.clear();
  struct stat st {};
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    text.reserve(static_cast<size_t>(std::min<std::uintmax_t>(static_cast<std::uintmax_t>(st.st_size), limit)));
  }
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    if (text.size() + static_cast<size_t>(n) > limit) {
      error = "larger than " + std::to_string(limit >> 20) + " MiB, the limit of an input (reading stopped there)";
      return false;
    }
    text.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace

std::shared_ptr<const SourceFile> ReadSource(const std::string& path, Diagnostics& diags, uint64_t max_bytes) {
  auto file = std::make_shared<SourceFile>();
  file->path = path == "-" ? "<stdin>" : path;
  // Errors name the file as their position: "x.yaml: error: cannot read: ...".
  const SourcePos at{std::make_shared<const SourceFile>(SourceFile{file->path, ""}), 0, 0};
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    diags.Error(at, "io.read", "cannot read: it is a folder");
    return nullptr;
  }
  const int fd = path == "-" ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags.Error(at, "io.read", std::string("cannot read: ") + std::strerror(errno));
    return nullptr;
  }
  std::string error;
  const bool ok = ReadBounded(fd, max_bytes, file->text, error);
  if (fd != STDIN_FILENO) close(fd);
  if (!ok) {
    diags.Error(at, "io.read", "cannot read: " + error);
    return nullptr;
  }
  return file;
}

namespace {

bool IsTestFile(const std::string& name) {
  return name.size() > 10 && name.compare(name.size() - 10, 10, ".test.yaml") == 0;
}

// What a folder search is looking for, and from where.
struct Search {
  const fs::path& root;  ///< the folder given, which exclude patterns are relative to
  YamlSearch what;
  const std::vector<std::string>& exclude;
};

// Scenario searches leave out hidden entries (.git, .github/, .pre-commit-config.yaml: a
// repository's own machinery, never a scenario) and what --exclude names.
bool Excluded(const Search& s, const fs::path& p) {
  if (s.what != YamlSearch::kScenarios) return false;
  if (p.filename().string().starts_with('.')) return true;
  const std::string rel = p.lexically_relative(s.root).generic_string();
  return std::any_of(s.exclude.begin(), s.exclude.end(),
                     [&](const std::string& glob) { return fnmatch(glob.c_str(), rel.c_str(), FNM_PATHNAME) == 0; });
}

// Collects the *.yaml / *.yml files under `dir`. A sub-folder or file that
// cannot be read is an error, never skipped: a scenario nobody could read
// must not pass as a scenario nobody wrote.
void FindYaml(const fs::path& dir, const Search& search, std::vector<std::string>& found, Diagnostics& diags) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    const auto folder = std::make_shared<const SourceFile>(SourceFile{dir.generic_string(), ""});
    diags.Error(SourcePos{folder, 0, 0}, "io.read", "cannot read this folder: " + ec.message());
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& e : entries) {
    const fs::path& p = e.path();
    if (Excluded(search, p)) continue;
    if (e.is_directory(ec)) {
      if (e.is_symlink(ec)) continue;  // not followed: a link to a parent would never end
      if (search.what == YamlSearch::kScenarios && fs::exists(p / "pack.yaml", ec)) continue;  // a rule pack
      FindYaml(p, search, found, diags);
      continue;
    }
    const std::string name = p.filename().string();
    const auto ext = p.extension().string();
    if (!e.is_regular_file(ec) || (ext != ".yaml" && ext != ".yml")) continue;
    if (search.what == YamlSearch::kScenarios && IsTestFile(name)) continue;
    if (access(p.c_str(), R_OK) != 0) {
      const auto unreadable = std::make_shared<const SourceFile>(SourceFile{p.generic_string(), ""});
      diags.Error(SourcePos{unreadable, 0, 0}, "io.read", std::string("cannot read: ") + std::strerror(errno));
      continue;
    }
    found.push_back(p.generic_string());
  }
}

}  // namespace

std::vector<FoundFile> FindYamlFiles(const std::vector<std::string>& paths, Diagnostics& diags, YamlSearch search,
                                     const std::vector<std::string>& exclude) {
  std::vector<FoundFile> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") {
      out.push_back({p, false});
    } else if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      const fs::path root(p);
      FindYaml(root, Search{root, search, exclude}, found, diags);
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.push_back({std::move(f), true});
    } else if (fs::exists(p, ec)) {
      out.push_back({p, false});
    } else {
      diags.Error({}, "io.read", "cannot read '" + p + "': no such file or folder");
    }
  }
  return out;
}

std::vector<std::string> ExpandYamlPaths(const std::vector<std::string>& paths, Diagnostics& diags,
                                         YamlSearch search) {
  std::vector<std::string> out;
  for (auto& f : FindYamlFiles(paths, diags, search)) out.push_back(std::move(f.path));
  return out;
}

std::optional<std::pair<std::string, std::string>> OutputIsInput(const std::vector<std::string>& outputs,
                                                                 const std::vector<std::string>& inputs) {
  for (const auto& out : outputs) {
    struct stat so {};
    if (out.empty() || out == "-" || stat(out.c_str(), &so) != 0 || !S_ISREG(so.st_mode)) continue;
    for (const auto& in : inputs) {
      struct stat si {};
      // "-" is standard input, which may be the very file (`-o x.jsonl < x.jsonl`).
      const int got = in == "-" ? fstat(STDIN_FILENO, &si) : stat(in.c_str(), &si);
      if (got == 0 && si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
        return std::make_pair(out, in);
      }
    }
  }
  return std::nullopt;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, Sha256Digest(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace sancheck
