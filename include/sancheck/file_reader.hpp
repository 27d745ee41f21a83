// FileReader: where the library reads rule packs and clearances from — the disk, or memory a caller fills.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sancheck {

/// The library reads pack folders, pack files and clearances through this, so a host
/// (a server, a test, a program with packs in a database) can hand them over without
/// touching the disk. Paths are opaque names to a reader; only the disk reader resolves them.
class FileReader {
 public:
  virtual ~FileReader() = default;
  /// The text of `path`, or nullopt with `error` saying why.
  virtual std::optional<std::string> Read(const std::string& path, std::string& error) const = 0;
  /// Whether `path` names a file or a folder.
  virtual bool Exists(const std::string& path) const = 0;
  /// The *.yaml / *.yml files under the folder `path`, recursively and sorted; nullopt
  /// when `path` is not a folder.
  virtual std::optional<std::vector<std::string>> YamlFilesUnder(const std::string& path) const = 0;
};

/// Files held in memory: Add("packs/acme/pack.yaml", text) makes "packs/acme" a pack folder.
class MemoryFileReader final : public FileReader {
 public:
  void Add(std::string path, std::string text) { files_[std::move(path)] = std::move(text); }

  std::optional<std::string> Read(const std::string& path, std::string& error) const override;
  bool Exists(const std::string& path) const override;
  std::optional<std::vector<std::string>> YamlFilesUnder(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace sancheck
