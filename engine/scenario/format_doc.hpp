// Where a scenario's error messages send the reader: the section of docs/scenario-format.md that lists what is allowed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sancheck {

/// " (see docs/scenario-format.md#units)". The sections named here are checked against the
/// document's headings by the scenario-format test, so a link cannot point nowhere.
inline std::string SeeScenarioFormat(std::string_view section) {
  return " (see docs/scenario-format.md#" + std::string(section) + ")";
}

/// "; expected one of: pcs, kg, t (see docs/scenario-format.md#units)": every allowed value,
/// so that the message alone is enough to fix the file.
inline std::string ExpectedOneOf(const std::vector<std::string_view>& names, std::string_view section) {
  std::string out = "; expected one of: ";
  for (size_t i = 0; i < names.size(); ++i) out += (i > 0 ? ", " : "") + std::string(names[i]);
  return out + SeeScenarioFormat(section);
}

}  // namespace sancheck
