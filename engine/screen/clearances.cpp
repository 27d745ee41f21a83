// Loading and lookup of clearances of false-positive screening matches.
#include "screen/clearances.hpp"

#include <set>
#include <utility>

#include "common/yaml_reader.hpp"
#include "screen/normalize.hpp"

namespace sancheck::screen {
namespace {

std::optional<std::string> NonEmpty(YamlReader& r, const YAML::Node& n, std::string_view what) {
  auto s = r.String(n, what);
  if (s && s->find_first_not_of(" \t") == std::string::npos) {
    r.Error(n, "bad_value", std::string(what) + " must not be empty");
    return std::nullopt;
  }
  return s;
}

}  // namespace

std::vector<Clearance> ParseClearances(std::shared_ptr<const SourceFile> file, Diagnostics& diags) {
  std::vector<Clearance> out;
  if (!file) return out;
  YamlReader r(file, diags, "clearances.");
  try {
    auto docs = r.LoadAll();
    if (!docs) return out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& doc : *docs) {
      if (doc.IsNull()) continue;
      if (!r.CheckMap(doc, "a clearances file", {"clearances"})) continue;
      if (!r.Require(doc, "a clearances file", {"clearances"})) continue;
      const YAML::Node& list = doc["clearances"];
      if (!list.IsSequence()) {
        r.Error(list, "wrong_type", "clearances must be a list, found " + Describe(list));
        continue;
      }
      for (const auto& n : list) {
        if (!r.CheckMap(n, "a clearance", {"party", "reference", "reason", "cleared_by", "expires"})) continue;
        const int errors_before = diags.error_count();
        r.Require(n, "a clearance", {"party", "reference", "reason", "cleared_by", "expires"});
        Clearance c;
        c.pos = r.Pos(n);
        if (n["party"]) c.party = NonEmpty(r, n["party"], "party").value_or("");
        if (n["reference"]) c.reference = NonEmpty(r, n["reference"], "reference").value_or("");
        if (n["reason"]) c.reason = NonEmpty(r, n["reason"], "reason").value_or("");
        if (n["cleared_by"]) c.cleared_by = NonEmpty(r, n["cleared_by"], "cleared_by").value_or("");
        if (n["expires"]) {
          if (auto d = r.DateValue(n["expires"], "expires")) c.expires = *d;
        }
        if (diags.error_count() > errors_before) continue;
        if (!seen.emplace(FoldText(c.party), c.reference).second) {
          r.Error(n, "duplicate", "a second clearance of '" + c.party + "' for " + c.reference);
          continue;
        }
        out.push_back(std::move(c));
      }
    }
  } catch (const YAML::Exception& e) {
    r.Error(e.mark, "yaml", "invalid YAML: " + e.msg);
  }
  return out;
}

ClearanceLookup FindClearance(const std::vector<Clearance>& clearances, std::string_view party_id,
                              std::string_view party_name, std::string_view reference, Date as_of) {
  ClearanceLookup found;
  const std::string folded_name = FoldText(party_name);
  for (const Clearance& c : clearances) {
    if (c.reference != reference) continue;
    const bool same_party = (!party_id.empty() && c.party == party_id) ||
                            (!folded_name.empty() && FoldText(c.party) == folded_name);
    if (!same_party) continue;
    if (as_of <= c.expires) return ClearanceLookup{ClearanceState::kActive, &c};
    if (!found.clearance || found.clearance->expires < c.expires) {
      found = ClearanceLookup{ClearanceState::kExpired, &c};
    }
  }
  return found;
}

}  // namespace sancheck::screen
