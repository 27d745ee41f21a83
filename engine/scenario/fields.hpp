// ScenarioFields: what every part of the scenario parser shares (the reader, key hints, names, countries, party references).
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/compact_yaml.hpp"
#include "common/enum_names.hpp"
#include "common/yaml_reader.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {

// The scenario parser is written once for any node type with YAML::Node's interface and
// built for two: yaml-cpp's (a scenario inside a rule test) and CompactNode (scenario files,
// which may hold a hundred thousand activities).

/// Ids of scenarios, parties and activities: [a-z0-9][a-z0-9._-]*, at most 128 characters.
bool ValidId(const std::string& id);

/// What a missing key gives: an undefined node (a default YAML::Node is null, which is defined).
template <typename Node>
Node UndefinedNode() {
  if constexpr (std::is_same_v<Node, YAML::Node>) {
    return YAML::Node(YAML::NodeType::Undefined);
  } else {
    return Node();
  }
}

template <typename Node>
class ScenarioFields {
 public:
  ScenarioFields(std::shared_ptr<const SourceFile> file, Diagnostics& diags) : r(std::move(file), diags, "scenario.") {}

  /// CheckMap with a hint for a misspelt key (`form:` for `from:`): the close
  /// ones are reported here, the rest (and duplicates, non-maps) by CheckMap.
  bool CheckKeys(const Node& n, std::string_view what, std::span<const std::string_view> allowed);
  bool CheckKeys(const Node& n, std::string_view what, std::initializer_list<std::string_view> allowed) {
    return CheckKeys(n, what, std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }

  /// "unknown unit 'kgs' (did you mean 'kg'?); expected one of: pcs, kg, ... (see
  /// docs/scenario-format.md#units)": the hint when a name is close, and always every valid
  /// name and the format's section (`section`, an anchor of docs/scenario-format.md).
  /// `given_hint`, when given, replaces the hint by spelling.
  void UnknownName(const Node& v, std::string_view what, const std::vector<std::string_view>& names,
                   std::string_view section, std::optional<std::string> given_hint = std::nullopt);

  /// UnknownName for a unit, hinted by UnitHint (the unit meant by 'MT', 'kl', 'litres', ...).
  void UnknownUnit(const Node& v);

  /// CountryValue with a hint for what people write instead of a code ('kp', 'PRK', 'Iran', 'UK').
  std::optional<Country> CountryValue(const Node& n, std::string_view what);

  /// Resolves a party reference; reports when it names no party (-1).
  int PartyRef(const Node& n, std::string_view key);
  /// PartyRef of a party that must be a vessel.
  int VesselRef(const Node& n, const Scenario& s, std::string_view key);

  YamlReader r;
  std::unordered_map<std::string, int> party_index;  ///< the current scenario's party ids
};

extern template class ScenarioFields<YAML::Node>;
extern template class ScenarioFields<CompactNode>;

}  // namespace sancheck
