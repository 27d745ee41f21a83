// MemoryFileReader: packs and clearances from strings, laid out under folder-like paths.
#include "sancheck/file_reader.hpp"

namespace sancheck {
namespace {

bool IsYaml(const std::string& path) {
  auto ends = [&](const char* ext) {
    const std::string e(ext);
    return path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

// "a/b" is under "a" (but "ab/c" is not).
bool Under(const std::string& path, const std::string& folder) {
  const std::string prefix = folder.empty() || folder.back() == '/' ? folder : folder + "/";
  return path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::optional<std::string> MemoryFileReader::Read(const std::string& path, std::string& error) const {
  const auto it = files_.find(path);
  if (it == files_.end()) {
    error = "no such file in memory";
    return std::nullopt;
  }
  return it->second;
}

bool MemoryFileReader::Exists(const std::string& path) const {
  if (files_.count(path)) return true;
  for (const auto& [name, text] : files_) {
    if (Under(name, path)) return true;
  }
  return false;
}

std::optional<std::vector<std::string>> MemoryFileReader::YamlFilesUnder(const std::string& path) const {
  std::vector<std::string> out;
  bool folder = false;
  for (const auto& [name, text] : files_) {  // std::map: already sorted
    if (!Under(name, path)) continue;
    folder = true;
    if (IsYaml(name)) out.push_back(name);
  }
  if (!folder) return std::nullopt;
  return out;
}

}  // namespace sancheck
