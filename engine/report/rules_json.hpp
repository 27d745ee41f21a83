// The loaded rule packs, rules and exemption kinds as JSON (`sancheck rules --format json` and the server).
#pragma once

#include <nlohmann/json.hpp>

#include "sancheck/checker.hpp"

namespace sancheck::report {

/// {"rule_packs": [...], "rules": [...], "exemption_kinds": [...]}.
nlohmann::ordered_json RulesJson(const Checker& checker);

}  // namespace sancheck::report
