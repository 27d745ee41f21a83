// Small string helpers shared by the loaders and diagnostics.
#pragma once

#include <cstddef>
#include <string_view>

namespace sancheck {

/// Levenshtein distance (insertions, deletions, substitutions), for "did you mean" hints.
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace sancheck
