// The loaded rule packs, rules and exemption kinds as JSON (`sancheck rules --format json` and the server).
#pragma once

#include <nlohmann/json.hpp>

#include "sancheck/checker.hpp"

namespace sancheck::report {

/// {"id", "title", "verdict", "effective", "until", "applies_to", "citations", "exemptions", "when",
/// "message"}: one rule as `rules --format json` lists it.
nlohmann::ordered_json RuleJson(const RuleInfo& r);

/// {"name", "version", "sha256"}.
nlohmann::ordered_json PackJson(const PackInfo& p);

/// {"rule_packs": [...], "rules": [...], "exemption_kinds": [...]}.
nlohmann::ordered_json RulesJson(const Checker& checker);

}  // namespace sancheck::report
