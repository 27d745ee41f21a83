// A compiled named set read back as the values a pack wrote, for `sancheck rules --sets`.
#pragma once

#include <string>
#include <vector>

#include "expr/program.hpp"
#include "expr/tags.hpp"

namespace sancheck::expr {

/// The members of `set` as a pack writes them: country codes, tags, enumerator names, HS
/// codes (a run of adjacent codes merged when compiled reads "8710..8711"), numbers, dates.
std::vector<std::string> SetMembers(const ValueSet& set, const TagRegistry& tags);

}  // namespace sancheck::expr
