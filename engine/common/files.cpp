// Reading inputs, expanding folders, atomic report writes and SHA-256 digests.
#include "common/files.hpp"

#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace sancheck {
namespace fs = std::filesystem;

namespace {
// Inputs larger than this are refused rather than read into memory.
constexpr std::uintmax_t kMaxInputBytes = 64u * 1024 * 1024;
}  // namespace

std::shared_ptr<const SourceFile> ReadSource(const std::string& path, Diagnostics& diags) {
  auto file = std::make_shared<SourceFile>();
  file->path = path;
  if (path == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    file->text = buf.str();
    file->path = "<stdin>";
    return file;
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    diags.Error({}, "io.read", "cannot read '" + path + "': it is a folder");
    return nullptr;
  }
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) {
    diags.Error({}, "io.read", "cannot read '" + path + "': larger than 64 MiB");
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.Error({}, "io.read", "cannot read '" + path + "': " + std::strerror(errno));
    return nullptr;
  }
  file->text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return file;
}

std::vector<std::string> ExpandYamlPaths(const std::vector<std::string>& paths, Diagnostics& diags,
                                         YamlSearch search) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-") {
      out.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (search == YamlSearch::kScenarios && it->is_directory(ec) &&
            fs::exists(it->path() / "pack.yaml", ec)) {
          it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        if (search == YamlSearch::kScenarios && name.size() > 10 &&
            name.compare(name.size() - 10, 10, ".test.yaml") == 0) {
          continue;
        }
        const auto ext = it->path().extension().string();
        if (ext == ".yaml" || ext == ".yml") found.push_back(it->path().generic_string());
      }
      if (ec) diags.Error({}, "io.read", "cannot list '" + p + "': " + ec.message());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else {
      diags.Error({}, "io.read", "cannot read '" + p + "': no such file or folder");
    }
  }
  return out;
}

namespace {

// Writes straight into an existing device, pipe or socket (/dev/null, /dev/stdout, a FIFO):
// renaming a temporary file over it would replace the device with a regular file.
std::string WriteInPlace(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  return out ? "" : "cannot write '" + path + "': " + std::strerror(errno);
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, const std::string& content) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symbolic links
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    if (fs::is_directory(status)) return "cannot write '" + path + "': it is a folder";
    return WriteInPlace(path, content);
  }
  // A symbolic link keeps pointing at the report: the file it names is replaced, not the link.
  fs::path target(path);
  for (int hops = 0; hops < 8 && fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
    const fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return "cannot write '" + path + "': " + std::strerror(errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string err = std::strerror(errno);
      close(fd);
      std::remove(tmpl.c_str());
      return "cannot write '" + path + "': " + err;
    }
    done += static_cast<size_t>(n);
  }
  fchmod(fd, 0644);
  if (close(fd) != 0 || std::rename(tmpl.c_str(), target.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    std::remove(tmpl.c_str());
    return "cannot write '" + path + "': " + err;
  }
  return "";
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace sancheck
