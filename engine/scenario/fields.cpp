// ScenarioFields: key hints, enumeration names, country hints and party references for the scenario parser.
#include "scenario/fields.hpp"

#include <algorithm>

#include "common/enum_names.hpp"
#include "common/strings.hpp"
#include "scenario/country_hint.hpp"
#include "scenario/format_doc.hpp"
#include "scenario/unit_hint.hpp"

namespace sancheck {

bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  auto lower_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_digit(id[0])) return false;
  for (char c : id) {
    if (!lower_digit(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

template <typename Node>
bool ScenarioFields<Node>::CheckKeys(const Node& n, std::string_view what, std::span<const std::string_view> allowed) {
  if (!n.IsMap()) return r.CheckMap(n, what, allowed);
  std::vector<std::string> hinted;
  for (auto it = n.begin(); it != n.end(); ++it) {
    const Node key = it->first;  // a copy: it->first is a temporary
    if (!key.IsScalar() || std::find(allowed.begin(), allowed.end(), key.Scalar()) != allowed.end()) continue;
    const std::string best = Closest(key.Scalar(), allowed);
    if (best.empty()) continue;
    r.Error(key, "unknown_key", "unknown key '" + std::string(key.Scalar()) + "' in " + std::string(what) +
                                    " (did you mean '" + best + "'?)");
    hinted.emplace_back(key.Scalar());
  }
  // The keys hinted at are not said again, nor named among the keys expected.
  return r.CheckMap(n, what, allowed, std::span<const std::string>(hinted));
}

template <typename Node>
void ScenarioFields<Node>::UnknownName(const Node& v, std::string_view what, const std::vector<std::string_view>& names,
                                       std::string_view section, std::optional<std::string> given_hint) {
  const std::string hint = given_hint ? *given_hint : v.IsScalar() ? DidYouMean(v.Scalar(), names) : "";
  r.Error(v, "bad_value", "unknown " + std::string(what) + " " + Describe(v) + hint + ExpectedOneOf(names, section));
}

template <typename Node>
void ScenarioFields<Node>::UnknownUnit(const Node& v) {
  UnknownName(v, "unit", EnumNames<Unit>(), "units", v.IsScalar() ? UnitHint(v.Scalar()) : std::string());
}

template <typename Node>
std::optional<Country> ScenarioFields<Node>::CountryValue(const Node& n, std::string_view what) {
  if (n.IsScalar() && !Country::Parse(n.Scalar())) {
    if (const auto hint = CountryHint(n.Scalar())) {
      r.Error(n, "bad_country", "unknown country code " + Describe(n) + " in " + std::string(what) +
                                    " (did you mean '" + hint->ToString() + "'?)");
      return std::nullopt;
    }
  }
  return r.CountryValue(n, what);
}

template <typename Node>
int ScenarioFields<Node>::PartyRef(const Node& n, std::string_view key) {
  auto id = r.String(n, std::string(key));
  if (!id) return -1;
  // A map, not Scenario::FindParty's scan: a file may name tens of thousands of parties.
  const auto found = party_index.find(*id);
  const int idx = found == party_index.end() ? -1 : found->second;
  if (idx < 0) {
    r.Error(n, "unknown_party", "'" + std::string(key) + "' names no party: '" + *id + "' is not under parties");
  }
  return idx;
}

template <typename Node>
int ScenarioFields<Node>::VesselRef(const Node& n, const Scenario& s, std::string_view key) {
  const int idx = PartyRef(n, key);
  if (idx >= 0 && s.parties[static_cast<size_t>(idx)].kind != PartyKind::kVessel) {
    r.Error(n, "not_a_vessel", "'" + std::string(key) + "' must name a vessel; party '" +
                                   s.parties[static_cast<size_t>(idx)].id + "' is of kind " +
                                   std::string(PartyKindName(s.parties[static_cast<size_t>(idx)].kind)));
  }
  return idx;
}

template class ScenarioFields<YAML::Node>;
template class ScenarioFields<CompactNode>;

}  // namespace sancheck
