// Scenario loader: YAML scenario files → Scenario values, strictly checked against the scenario format v1.
#include <map>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "common/yaml_reader.hpp"
#include "sancheck/scenario.hpp"
#include "scenario/loader.hpp"
#include "scenario/scenario_parser.hpp"

namespace sancheck {
namespace {

// Every scenario of one file. The file is read into a compact tree, not yaml-cpp's nodes:
// a scenario file may hold a hundred thousand activities.
std::vector<Scenario> ParseFile(ScenarioParser<CompactNode>& parser) {
  std::vector<Scenario> out;
  YamlReader& r = parser.reader();
  const auto tree = r.LoadCompact();
  if (!tree) return out;
  for (size_t i = 0; i < tree->documents(); ++i) {
    const CompactNode doc = tree->document(i);
    if (doc.IsNull()) continue;  // an empty document between '---' separators
    Scenario s;
    if (parser.ParseScenario(doc, s)) out.push_back(std::move(s));
  }
  if (tree->documents() == 0 || (out.empty() && !r.diags().HasErrors())) {
    r.diags().Error(SourcePos{r.file(), 1, 1}, "scenario.empty", "the file holds no scenario");
  }
  return out;
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
  auto file = std::make_shared<SourceFile>(SourceFile{path, std::move(text)});
  ScenarioParser<CompactNode> parser(file, diags);
  auto scenarios = ParseFile(parser);
  const std::string digest = Sha256Hex(file->text);
  for (auto& s : scenarios) s.sha256 = digest;
  return scenarios;
}

std::vector<Scenario> LoadScenarios(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<Scenario> all;
  const auto files = ExpandYamlPaths(paths.empty() ? std::vector<std::string>{"-"} : paths, diags,
                                     YamlSearch::kScenarios);
  for (const auto& path : files) {
    auto source = ReadSource(path, diags);
    if (!source) continue;
    auto scenarios = ParseScenarioText(source->path, std::move(source->text), diags);
    for (auto& s : scenarios) all.push_back(std::move(s));
  }
  CheckUniqueScenarioIds(all, diags);
  return all;
}

}  // namespace sancheck
