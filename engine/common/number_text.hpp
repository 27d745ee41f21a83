// NumberText(): a number as reports write it — shortest form, no trailing zeros.
#pragma once

#include <string>

namespace sancheck {

/// `v` with up to 15 significant digits and no trailing zeros: 500000, 7.33, 0.5.
std::string NumberText(double v);

}  // namespace sancheck
