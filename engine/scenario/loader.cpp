// Scenario loader: YAML scenario files → Scenario values, strictly checked against the scenario format v1.
#include <map>
#include <string>
#include <vector>

#include "common/file_kind.hpp"
#include "common/files.hpp"
#include "common/yaml_reader.hpp"
#include "sancheck/scenario.hpp"
#include "scenario/loader.hpp"
#include "scenario/scenario_parser.hpp"

namespace sancheck {
namespace {

// The top-level keys of every document of a file.
std::vector<std::string_view> TopLevelKeys(const CompactYaml& tree) {
  std::vector<std::string_view> keys;
  for (size_t i = 0; i < tree.documents(); ++i) {
    const CompactNode doc = tree.document(i);
    if (!doc.IsMap()) continue;
    for (const auto& entry : doc) keys.push_back(entry.first.Scalar());
  }
  return keys;
}

// Every scenario of one file. The file is read into a compact tree, not yaml-cpp's nodes:
// a scenario file may hold a hundred thousand activities. A file a folder search found
// (`skipped` set) whose keys make it another of the project's files is set aside instead.
std::vector<Scenario> ParseFile(ScenarioParser<CompactNode>& parser, std::vector<SkippedFile>* skipped = nullptr) {
  std::vector<Scenario> out;
  YamlReader& r = parser.reader();
  const int errors_before = r.diags().error_count();  // this file's own errors, not earlier files'
  const auto tree = r.LoadCompact();
  if (!tree) return out;
  if (skipped) {
    if (const auto kind = NonScenarioKind(TopLevelKeys(*tree))) {
      skipped->push_back({r.file()->path, std::string(kind->what), std::string(kind->key)});
      return out;
    }
  }
  for (size_t i = 0; i < tree->documents(); ++i) {
    const CompactNode doc = tree->document(i);
    if (doc.IsNull()) continue;  // an empty document between '---' separators
    Scenario s;
    if (parser.ParseScenario(doc, s)) out.push_back(std::move(s));
  }
  if (tree->documents() == 0 || (out.empty() && r.diags().error_count() == errors_before)) {
    r.diags().Error(SourcePos{r.file(), 1, 1}, "scenario.empty", "the file holds no scenario");
  }
  return out;
}

// ParseScenarioText, setting aside what ParseFile recognises when `skipped` is given.
std::vector<Scenario> ParseText(const std::string& path, std::string text, Diagnostics& diags,
                                std::vector<SkippedFile>* skipped) {
  auto file = std::make_shared<SourceFile>(SourceFile{path, std::move(text)});
  ScenarioParser<CompactNode> parser(file, diags);
  auto scenarios = ParseFile(parser, skipped);
  const std::string digest = Sha256Hex(file->text);
  for (auto& s : scenarios) s.sha256 = digest;
  return scenarios;
}

}  // namespace

std::optional<Scenario> ParseScenarioNode(std::shared_ptr<const SourceFile> file, const YAML::Node& node,
                                          Diagnostics& diags) {
  ScenarioParser<YAML::Node> parser(file, diags);
  Scenario s;
  s.sha256 = Sha256Hex(file->text);
  const int errors_before = diags.error_count();
  if (!parser.ParseScenario(node, s) || diags.error_count() > errors_before) return std::nullopt;
  return s;
}

std::vector<Scenario> ParseScenarioText(const std::string& path, std::string text, Diagnostics& diags) {
  return ParseText(path, std::move(text), diags, nullptr);
}

std::vector<Scenario> LoadScenarios(const std::vector<std::string>& paths, Diagnostics& diags,
                                    const ScenarioSearch& search) {
  std::vector<Scenario> all;
  std::vector<SkippedFile> skipped;
  const auto files = FindYamlFiles(paths.empty() ? std::vector<std::string>{"-"} : paths, diags,
                                   YamlSearch::kScenarios, search.exclude);
  for (const auto& found : files) {
    auto source = ReadSource(found.path, diags);
    if (!source) continue;
    // Only what a folder search found may be set aside: a file named is meant as a scenario.
    auto scenarios = ParseText(source->path, std::move(source->text), diags, found.searched ? &skipped : nullptr);
    for (auto& s : scenarios) all.push_back(std::move(s));
  }
  CheckUniqueScenarioIds(all, diags);
  if (search.skipped) search.skipped->insert(search.skipped->end(), skipped.begin(), skipped.end());
  return all;
}

}  // namespace sancheck
