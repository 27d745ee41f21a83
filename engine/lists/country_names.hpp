// Country names as sanctions lists print them (OFAC's vessel flags) mapped to ISO 3166-1 codes.
#pragma once

#include <optional>
#include <string_view>

#include "sancheck/core_types.hpp"

namespace sancheck::lists {

/// The country `name` names ("Panama", "Democratic People's Republic of Korea", "St. Kitts &
/// Nevis"; letter case ignored), or nullopt for a name the table does not hold ("None
/// Identified" included): an unknown flag stays unknown, it is never guessed.
std::optional<Country> CountryByName(std::string_view name);

}  // namespace sancheck::lists
