// CheckScenarioTags(): walks the YAML of a scenario or rule-test file and checks each item tag.
#include "lint/scenario_tags.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "common/strings.hpp"
#include "common/yaml_reader.hpp"

namespace sancheck::lint {
namespace {

void CheckItemTags(YamlReader& r, const YAML::Node& item, const expr::TagRegistry& tags) {
  if (!item.IsMap()) return;
  const YAML::Node list = item["tags"];
  if (!list || !list.IsSequence()) return;
  for (const auto& t : list) {
    if (!t.IsScalar() || tags.Find(t.Scalar()) >= 0) continue;
    std::string message = "tag '" + t.Scalar() + "' is not known to any loaded rule pack: no rule can match it";
    std::string best;
    size_t best_distance = 3;
    for (const auto& known : tags.names()) {
      const size_t d = EditDistance(t.Scalar(), known);
      if (d < best_distance) {
        best_distance = d;
        best = known;
      }
    }
    if (!best.empty()) message += " (did you mean '" + best + "'?)";
    r.Warning(t, "unknown_tag", message);
  }
}

void Walk(YamlReader& r, const YAML::Node& n, const expr::TagRegistry& tags) {
  if (n.IsSequence()) {
    for (const auto& e : n) Walk(r, e, tags);
    return;
  }
  if (!n.IsMap()) return;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const YAML::Node value = it->second;  // a copy: it->second is a temporary
    if (it->first.IsScalar() && (it->first.Scalar() == "items" || it->first.Scalar() == "subject") &&
        value.IsSequence()) {
      for (const auto& item : value) CheckItemTags(r, item, tags);
      continue;
    }
    Walk(r, value, tags);
  }
}

}  // namespace

void CheckScenarioTags(const std::shared_ptr<const SourceFile>& file, const expr::TagRegistry& tags,
                       Diagnostics& diags) {
  Diagnostics ignored;  // syntax errors are reported by the scenario loader
  YamlReader quiet(file, ignored, "lint.");
  auto docs = quiet.LoadAll();
  if (!docs) return;
  YamlReader r(file, diags, "lint.");
  for (const auto& d : *docs) Walk(r, d, tags);
}

}  // namespace sancheck::lint
