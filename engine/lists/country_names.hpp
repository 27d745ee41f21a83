// Country names as sanctions lists print them (OFAC's vessel flags) mapped to ISO 3166-1 codes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "sancheck/core_types.hpp"

namespace sancheck::lists {

/// The country `name` names ("Panama", "Democratic People's Republic of Korea", "St. Kitts &
/// Nevis"; letter case ignored), or nullopt for a name the table does not hold ("None
/// Identified" included): an unknown flag stays unknown, it is never guessed.
std::optional<Country> CountryByName(std::string_view name);

/// Whether a country field says none is known (OFAC's "None Identified", "Unknown"), which is
/// no name to warn about.
bool SaysNoCountry(std::string_view name);

/// The codes of every name in the table, in its order: each must be one Country::Parse accepts.
std::vector<std::string_view> CountryTableCodes();

}  // namespace sancheck::lists
