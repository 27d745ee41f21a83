// UnitHint: the scenario format's unit meant by a unit trade documents write ('MT', 'kl', 'litres'), for scenario and batch errors.
#pragma once

#include <string>
#include <string_view>

namespace sancheck {

/// " (did you mean 't', metric tons?)" for a unit written as trade documents and Panel of
/// Experts reports write it, in any letter case; else the nearest unit by spelling, when one
/// is close (DidYouMean); else "". By spelling alone 'kl' (kilolitres) would be sent to 'kg',
/// a thousandth of the quantity.
std::string UnitHint(std::string_view written);

}  // namespace sancheck
