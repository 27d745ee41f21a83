// AtomicOutput: mkstemp beside the target, rename at commit, unlink on failure or signal.
#include "common/atomic_output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "common/temp_cleanup.hpp"

namespace sancheck {
namespace fs = std::filesystem;

namespace {

std::string CannotWrite(const std::string& path, const std::string& why) {
  return "cannot write '" + path + "': " + why;
}

}  // namespace

std::string AtomicOutput::Open() {
  std::error_code ec;
  const fs::file_status status = fs::status(path_, ec);  // follows symbolic links
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    if (fs::is_directory(status)) return CannotWrite(path_, "it is a folder");
    through_ = true;
    file_ = std::fopen(path_.c_str(), "wb");
    return file_ ? "" : CannotWrite(path_, std::strerror(errno));
  }
  fs::path target(path_);
  for (int hops = 0; hops < 8 && fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
    const fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  target_ = target.string();
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return CannotWrite(path_, std::strerror(errno));
  temp_ = tmpl;
  slot_ = RememberTemporary(temp_);
  fchmod(fd, 0644);
  file_ = fdopen(fd, "wb");
  if (!file_) {
    const std::string err = std::strerror(errno);
    close(fd);
    Abandon();
    return CannotWrite(path_, err);
  }
  return "";
}

std::string AtomicOutput::Commit() {
  if (!file_) return CannotWrite(path_, "not open");
  const bool flushed = std::fflush(file_) == 0 && !std::ferror(file_);
  const std::string flush_error = flushed ? "" : std::strerror(errno);
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) {
    const std::string err = flushed ? std::strerror(errno) : flush_error;
    Abandon();
    return CannotWrite(path_, err);
  }
  if (through_) return "";
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    Abandon();
    return CannotWrite(path_, err);
  }
  ForgetTemporary(slot_);
  slot_ = -1;
  temp_.clear();
  return "";
}

void AtomicOutput::Abandon() {
  if (file_) std::fclose(file_);
  file_ = nullptr;
  if (!temp_.empty()) std::remove(temp_.c_str());
  ForgetTemporary(slot_);
  slot_ = -1;
  temp_.clear();
}

std::string WriteFilesAtomically(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::unique_ptr<AtomicOutput>> opened;
  auto write = [](AtomicOutput& o, const std::string& content) -> std::string {
    if (std::fwrite(content.data(), 1, content.size(), o.stream()) != content.size()) {
      return CannotWrite(o.path(), std::strerror(errno));
    }
    return "";
  };
  // Devices and pipes are opened (and written) only once every file is in place.
  std::vector<size_t> deferred;
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    const fs::file_status status = fs::status(files[i].first, ec);
    if (!ec && fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status)) {
      deferred.push_back(i);
      continue;
    }
    auto o = std::make_unique<AtomicOutput>(files[i].first);
    if (std::string err = o->Open(); !err.empty()) return err;
    if (std::string err = write(*o, files[i].second); !err.empty()) return err;
    opened.push_back(std::move(o));
  }
  for (auto& o : opened) {
    if (std::string err = o->Commit(); !err.empty()) return err;
  }
  for (size_t i : deferred) {
    AtomicOutput o(files[i].first);
    if (std::string err = o.Open(); !err.empty()) return err;
    if (std::string err = write(o, files[i].second); !err.empty()) return err;
    if (std::string err = o.Commit(); !err.empty()) return err;
  }
  return "";
}

std::string WriteFileAtomically(const std::string& path, const std::string& content) {
  return WriteFilesAtomically({{path, content}});
}

}  // namespace sancheck
