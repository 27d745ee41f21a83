// Whether two words are one clerk's slip apart: two adjacent letters swapped, a letter dropped or added, a neighbouring key.
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

/// The fewest letters a word needs for a neighbouring key in it to count as a slip: in shorter
/// words one letter changed is as often another name (ali / alo, sok / sol).
inline constexpr size_t kNeighbourKeyMinLength = 4;

/// True when `a` and `b`, of kNeighbourKeyMinLength letters or more, differ in one letter only and
/// the two letters are neighbouring keys of a QWERTY keyboard ("mubqrak" / "mubarak", "pmar" /
/// "omar"): a key struck beside the one meant.
bool OneNeighbourKey(std::string_view a, std::string_view b);

}  // namespace sancheck::screen
