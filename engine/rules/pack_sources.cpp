// Pack sources: built-in packs from the embedded bundle, pack folders and files on disk or in a FileReader.
#include "rules/pack_sources.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

#include "common/files.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/pack_bundle.hpp"
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

std::vector<PackSource> GroupPackFiles(std::vector<std::shared_ptr<const SourceFile>> files) {
  // Path order makes a pack's digest and its lists' order independent of how files were found.
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a->path < b->path; });
  std::map<std::string, PackSource> by_pack;
  for (const auto& file : files) {
    const fs::path p(file->path);
    auto& src = by_pack[p.parent_path().string()];
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

namespace {

// The bundle read once per process: every run, and every command that names packs, shares it.
struct Builtins {
  std::vector<PackSource> sources;
  std::string error;
};

const Builtins& ReadBuiltins() {
  static const Builtins builtins = [] {
    Builtins b;
    const std::string_view bundle = BuiltinPackBundle();
    if (bundle.empty()) return b;  // a build tool, which runs before the bundle exists
    // The program's own bundle, read back with its checksum when it was built (see Integrity).
    auto packs = ReadPackBundle(bundle, b.error, Integrity::kTrusted);
    if (!packs) return b;
    for (auto& pack : *packs) {
      PackSource src;
      src.files = pack.files;
      src.builtin = true;
      src.bundled = std::make_shared<const BundledPack>(std::move(pack));
      b.sources.push_back(std::move(src));
    }
    return b;
  }();
  return builtins;
}

}  // namespace

std::shared_ptr<const SourceFile> BuiltinListSnapshot(std::string_view path) {
  // One file a list, made once per process, whichever thread asks: its identity tells a
  // built-in list from the others; its text stays empty, the bytes staying in the binary
  // (BuiltinListBytes) rather than copied out at every start.
  struct Cached {
    std::once_flag made;
    std::shared_ptr<const SourceFile> file;
  };
  const auto& embedded = BuiltinListSnapshots();
  static auto* cache = new std::vector<Cached>(embedded.size());
  for (size_t i = 0; i < embedded.size(); ++i) {
    if (embedded[i].path != path) continue;
    Cached& c = (*cache)[i];
    std::call_once(c.made, [&] { c.file = std::make_shared<const SourceFile>(SourceFile{std::string(path), ""}); });
    return c.file;
  }
  return nullptr;
}

std::optional<std::string_view> BuiltinListBytes(std::string_view path) {
  for (const auto& e : BuiltinListSnapshots()) {
    if (e.path == path) return e.bytes;
  }
  return std::nullopt;
}

std::vector<PackSource> BuiltinSources(Diagnostics& diags) {
  const Builtins& b = ReadBuiltins();
  if (!b.error.empty()) {
    diags.Error({}, "rules.builtin_corrupt", "the built-in rule packs in this binary do not read back (" + b.error +
                                                 "): the program file is damaged; reinstall sancheck");
  }
  return b.sources;
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
  for (auto& src : BuiltinSources(diags)) {
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
  Diagnostics ignored;  // a damaged bundle is reported by whatever loads the packs
  for (const auto& src : BuiltinSources(ignored)) {
    names.push_back(fs::path(src.files.front()->path).parent_path().filename().string());
  }
  return names;
}

bool IsBuiltinPackName(std::string_view name) {
  const auto names = BuiltinPackNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> WithBuiltinPacks(const std::vector<std::string>& rules) {
  if (rules.empty()) return rules;  // the loader's default: the built-in packs
  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto& name : BuiltinPackNames()) {
    // Named already: "builtin:un-dprk", or a bare "un-dprk" that is no file or folder.
    const bool named = std::any_of(rules.begin(), rules.end(), [&](const std::string& r) {
      return r == "builtin:" + name || (r == name && !fs::exists(r, ec));
    });
    if (!named) paths.push_back("builtin:" + name);
  }
  paths.insert(paths.end(), rules.begin(), rules.end());
  return paths;
}

}  // namespace sancheck::rules
