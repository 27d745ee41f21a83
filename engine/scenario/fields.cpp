// ScenarioFields: key hints, enumeration names, country hints and party references for the scenario parser.
#include "scenario/fields.hpp"

#include <algorithm>
#include <cctype>

#include "common/enum_names.hpp"
#include "common/strings.hpp"
#include "scenario/country_hint.hpp"
#include "scenario/format_doc.hpp"

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
                                       std::string_view section) {
  const std::string hint = v.IsScalar() ? DidYouMean(v.Scalar(), names) : "";
  r.Error(v, "bad_value", "unknown " + std::string(what) + " " + Describe(v) + hint + ExpectedOneOf(names, section));
}

namespace {

// Units trade documents and Panel of Experts reports write, as the scenario format's units.
struct UnitSpelling {
  std::string_view written;  ///< lower case
  std::string_view unit;
  std::string_view note;     ///< why, when the unit is not a plain respelling
};
constexpr UnitSpelling kUnitSpellings[] = {
    {"mt", "t", "metric tons"},       {"tonne", "t", ""},   {"tonnes", "t", ""},    {"ton", "t", "if metric: a short ton is 0.907 t"},
    {"tons", "t", "if metric: a short ton is 0.907 t"},     {"kgs", "kg", ""},    {"kilogram", "kg", ""}, {"kilograms", "kg", ""},
    {"kl", "m3", "a kilolitre is a cubic metre"},           {"cbm", "m3", ""},      {"m³", "m3", ""},
    {"litre", "l", ""},               {"litres", "l", ""},  {"liter", "l", ""},     {"liters", "l", ""},
    {"ltr", "l", ""},                 {"barrel", "bbl", ""}, {"barrels", "bbl", ""}, {"bbls", "bbl", ""},
    {"pc", "pcs", ""},                {"piece", "pcs", ""}, {"pieces", "pcs", ""},  {"units", "pcs", "pieces"},
    {"unit", "pcs", "pieces"},        {"each", "pcs", "pieces"}, {"ea", "pcs", "pieces"}, {"mwh", "MWh", ""},
};

}  // namespace

template <typename Node>
void ScenarioFields<Node>::UnknownUnit(const Node& v) {
  if (v.IsScalar()) {
    std::string lower(v.Scalar());
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
    for (const UnitSpelling& s : kUnitSpellings) {
      if (s.written != lower) continue;
      const std::vector<std::string_view> units = EnumNames<Unit>();
      r.Error(v, "bad_value", "unknown unit " + Describe(v) + " (did you mean '" + std::string(s.unit) + "'" +
                                  (s.note.empty() ? "" : ", " + std::string(s.note)) + "?)" +
                                  ExpectedOneOf(units, "units"));
      return;
    }
  }
  UnknownName(v, "unit", EnumNames<Unit>(), "units");
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
