// The screener over the UN 1718 list in rules/un-dprk, built once for the screening tests.
#pragma once

#include <string>

#include "common/files.hpp"
#include "screen/designations_loader.hpp"
#include "screen/screener.hpp"

namespace sancheck::screen {

inline const Screener& Un() {
  static const Screener* screener = [] {
    Diagnostics diags;
    auto file = ReadSource(std::string(SANCHECK_SOURCE_DIR) + "/rules/un-dprk/designations.yaml", diags);
    return new Screener(LoadDesignations(file, diags));
  }();
  return *screener;
}

}  // namespace sancheck::screen
