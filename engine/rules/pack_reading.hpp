// Pieces of a rule pack read on their own: names, citations, exemption kinds and a rule's exemptions.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/yaml_reader.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {

/// Pack, rule, set and exemption-kind names: [A-Za-z0-9][A-Za-z0-9._-]*, at most 96 characters.
bool ValidName(const std::string& id);
/// Tag names: [a-z0-9][a-z0-9._-]*, at most 96 characters (lower case: see the definition).
bool ValidTagName(const std::string& tag);

/// A non-empty list of {resolution, paragraph, text?, url?, verified?}; false after positioned errors.
bool ReadCitations(YamlReader& r, const YAML::Node& list, std::vector<Citation>& out);

/// A pack header's `exemptions:` map into set.exemption_kinds; names are unique across the loaded packs.
void ReadExemptionKinds(YamlReader& r, const YAML::Node& map, const std::string& pack, RuleSet& set);

/// Adds a pack's exemption kind to `set`, unless another of that name is loaded (or too many are).
void AddExemptionKind(ExemptionKindDef kind, RuleSet& set, Diagnostics& diags);

/// A rule's `no_exemption:` and `exemptions:` list; a rule lists only kinds its own pack defines.
bool ReadExemptions(YamlReader& r, const YAML::Node& n, const RuleSet& set, Rule& rule);

}  // namespace sancheck::rules
