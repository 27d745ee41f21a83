// The designation lists of a run as JSON, shared by the JSON and SARIF reports and `screen --format json`.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "sancheck/result.hpp"

namespace sancheck::report {

inline nlohmann::ordered_json ListsJson(const std::vector<ListInfo>& lists) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ListInfo& l : lists) {
    out.push_back({{"name", l.name},
                   {"generated", l.snapshot.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(l.snapshot)},
                   {"source", l.source},
                   {"format", l.format.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(l.format)},
                   {"entries", l.entries},
                   {"builtin", l.builtin},
                   {"sha256", l.sha256}});
  }
  return out;
}

}  // namespace sancheck::report
