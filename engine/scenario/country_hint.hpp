// CountryHint(): the code someone probably meant when writing a country another way.
#pragma once

#include <optional>
#include <string_view>

#include "sancheck/core_types.hpp"

namespace sancheck {

/// For text that is not an ISO 3166-1 alpha-2 code: the code it most likely
/// stands for — the same letters in capitals ('kp'), the alpha-3 code or the
/// English name of a country these sanctions concern ('PRK', 'North Korea'),
/// or 'UK'. Nullopt when there is no safe guess.
std::optional<Country> CountryHint(std::string_view text);

}  // namespace sancheck
