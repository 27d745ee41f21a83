// Pack sources: built-in packs grouped from the embedded files, pack folders and files on disk or in a FileReader.
#include "rules/pack_sources.hpp"

#include <filesystem>
#include <map>

#include "common/files.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {
namespace {

namespace fs = std::filesystem;

// A pack from a caller's FileReader: the same layout rules as on disk (pack.yaml first,
// tests/ beside the pack left out), with the reader's names as file paths.
std::optional<PackSource> SourceFromReader(const FileReader& files, const std::string& path, Diagnostics& diags) {
  PackSource src;
  auto add = [&](const std::string& name) {
    std::string error;
    auto text = files.Read(name, error);
    if (!text) {
      diags.Error({}, "rules.unreadable", name + ": cannot read: " + error);
      return;
    }
    auto file = std::make_shared<SourceFile>(SourceFile{name, std::move(*text)});
    if (fs::path(name).filename() == "pack.yaml") {
      src.files.insert(src.files.begin(), file);
    } else {
      src.files.push_back(file);
    }
  };
  if (const auto under = files.YamlFilesUnder(path)) {
    const std::string folder = path.empty() || path.back() == '/' ? path : path + "/";
    for (const auto& name : *under) {
      if (name.compare(folder.size(), 6, "tests/") == 0) continue;
      add(name);
    }
    if (src.files.empty()) {
      diags.Error({}, "rules.empty", "no rule-pack files (*.yaml) in '" + path + "'");
      return std::nullopt;
    }
  } else {
    add(path);
    if (src.files.empty()) return std::nullopt;
  }
  return src;
}

std::optional<PackSource> SourceFromPath(const std::string& path, Diagnostics& diags) {
  PackSource src;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    const auto files = ExpandYamlPaths({path}, diags);
    for (const auto& f : files) {
      auto file = ReadSource(f, diags);
      if (!file) continue;
      // Tests beside a pack (rule tests, expected verdicts) are not pack files.
      const std::string rel = fs::relative(f, path, ec).generic_string();
      if (rel.rfind("tests/", 0) == 0) continue;
      if (fs::path(f).filename() == "pack.yaml") {
        src.files.insert(src.files.begin(), file);
      } else {
        src.files.push_back(file);
      }
    }
    if (src.files.empty()) {
      diags.Error({}, "rules.empty", "no rule-pack files (*.yaml) in '" + path + "'");
      return std::nullopt;
    }
    return src;
  }
  auto file = ReadSource(path, diags);
  if (!file) return std::nullopt;
  src.files.push_back(file);
  return src;
}

}  // namespace

// The built-in packs: embedded files grouped by their folder under rules/.
std::vector<PackSource> BuiltinSources() {
  std::map<std::string, PackSource> by_pack;
  for (const auto& f : BuiltinRuleFiles()) {
    const fs::path p(f.path);
    auto file = std::make_shared<SourceFile>(SourceFile{std::string(f.path), std::string(f.text)});
    auto& src = by_pack[p.parent_path().string()];
    src.builtin = true;
    if (p.filename() == "pack.yaml") {
      src.files.insert(src.files.begin(), file);
    } else {
      src.files.push_back(file);
    }
  }
  std::vector<PackSource> out;
  for (auto& [dir, src] : by_pack) {
    if (!src.files.empty() && fs::path(src.files.front()->path).filename() == "pack.yaml") {
      out.push_back(std::move(src));
    }
  }
  return out;
}

// "builtin:NAME" names a built-in pack; a bare NAME does too when no file
// or folder of that name exists, so `--rules un-dprk` works from anywhere.
std::optional<PackSource> ResolvePackPath(const std::string& path, const FileReader* files, Diagnostics& diags) {
  const std::string prefix = "builtin:";
  const bool explicit_builtin = path.rfind(prefix, 0) == 0;
  std::error_code ec;
  if (files) {
    if (!explicit_builtin && files->Exists(path)) return SourceFromReader(*files, path, diags);
  } else if (!explicit_builtin && fs::exists(path, ec)) {
    return SourceFromPath(path, diags);
  }
  const std::string name = explicit_builtin ? path.substr(prefix.size()) : path;
  std::string known;
  for (auto& src : BuiltinSources()) {
    const std::string pack = fs::path(src.files.front()->path).parent_path().filename().string();
    if (pack == name) return src;
    known += (known.empty() ? "" : ", ") + pack;
  }
  if (explicit_builtin) {
    diags.Error({}, "rules.unknown_builtin", "no built-in pack '" + name + "' (built-in: " + known + ")");
    return std::nullopt;
  }
  if (files) {
    diags.Error({}, "rules.unreadable", path + ": no such pack file or folder");
    return std::nullopt;
  }
  return SourceFromPath(path, diags);  // reports the missing path
}

std::vector<std::string> BuiltinPackNames() {
  std::vector<std::string> names;
  for (const auto& src : BuiltinSources()) {
    names.push_back(fs::path(src.files.front()->path).parent_path().filename().string());
  }
  return names;
}

}  // namespace sancheck::rules
