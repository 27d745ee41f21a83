// NumberText(): "%.15g", the precision a double keeps exactly, so a quantity reads back as written.
#include "common/number_text.hpp"

#include <cstdio>

namespace sancheck {

std::string NumberText(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace sancheck
