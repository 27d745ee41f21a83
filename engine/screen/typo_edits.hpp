// Whether two words are one clerk's slip apart: two adjacent letters swapped, or a letter dropped or added.
#pragma once

#include <string_view>

namespace sancheck::screen {

/// True when `a` becomes `b` by swapping one pair of adjacent letters ("sko" / "sok").
bool OneAdjacentSwap(std::string_view a, std::string_view b);

/// True when `shorter` is `longer` with one letter left out ("hwag" / "hwang", "cho" / "choe").
bool OneLetterDropped(std::string_view longer, std::string_view shorter);

/// True when `longer` is `shorter` with one letter typed twice ("haa" / "ha", "kimm" / "kim").
bool OneLetterDoubled(std::string_view longer, std::string_view shorter);

/// One slip of either kind, in either direction; equal words are not a slip.
bool OneSlipApart(std::string_view a, std::string_view b);

}  // namespace sancheck::screen
