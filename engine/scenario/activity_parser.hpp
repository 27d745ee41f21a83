// ActivityParser: a scenario's `activities:` list (types, their keys, items, exemptions, `for:` links) into Activity values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scenario/fields.hpp"

namespace sancheck {

template <typename Node>
class ActivityParser {
 public:
  explicit ActivityParser(ScenarioFields<Node>& f) : f_(f) {}

  /// Appends the activities of `list` to `s` (whose parties are read); reports what is wrong.
  void ParseActivities(const Node& list, Scenario& s);

 private:
  using Served = std::vector<std::pair<size_t, Node>>;  ///< (activity, its `for:` node)

  void ResolveServed(const Served& served, const std::unordered_map<std::string, int>& activity_index, Scenario& s);
  void ReportCycle(const Served& served, size_t on, Scenario& s);
  bool ParseActivity(const Node& n, const Scenario& s, Activity& a);
  void ParseCountryList(const Node& v, std::string_view what, std::vector<Country>& out);
  void ParseExemption(const Node& v, Activity& a);
  void ParseItems(const Node& v, Activity& a, std::string_view key);

  ScenarioFields<Node>& f_;
};

extern template class ActivityParser<YAML::Node>;
extern template class ActivityParser<CompactNode>;

}  // namespace sancheck
