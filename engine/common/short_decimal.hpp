// ShortDecimal(): plain decimal text of at most 15 digits converted to a double exactly, without a general parser.
#pragma once

#include <optional>
#include <string_view>

namespace sancheck {

/// The value of `text` when it is digits with at most one point between digits and at most 15
/// digits in all (a quantity or an amount as ledgers write them), else nullopt: the caller then
/// converts with std::from_chars. The digits read as an integer below 2^53 and the fraction as a
/// power of ten up to 10^14 are both exact doubles, so their quotient is correctly rounded: the
/// double from_chars gives, at a fraction of its cost.
std::optional<double> ShortDecimal(std::string_view text);

}  // namespace sancheck
