// ScenarioParser: one scenario document (header, parties, activities) into a Scenario, for either node type.
#pragma once

#include <memory>

#include "scenario/fields.hpp"

namespace sancheck {

template <typename Node>
class ScenarioParser {
 public:
  ScenarioParser(std::shared_ptr<const SourceFile> file, Diagnostics& diags) : f_(std::move(file), diags) {}

  /// Reads `doc` into `s`; false when a required part is missing or the id is bad
  /// (other errors are only reported: the caller also counts the diagnostics).
  bool ParseScenario(const Node& doc, Scenario& s);

  YamlReader& reader() { return f_.r; }

 private:
  void ParseParties(const Node& map, Scenario& s);
  void ParseParty(const Node& n, Party& p);
  void ParseBorn(const Node& v, Party& p);

  ScenarioFields<Node> f_;
};

extern template class ScenarioParser<YAML::Node>;
extern template class ScenarioParser<CompactNode>;

}  // namespace sancheck
