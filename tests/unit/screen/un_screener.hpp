// The screener over the built-in UN 1718 designations (DPRK entries of the generated UN list, and the vessels), built once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules/builtin_packs.hpp"
#include "screen/designations_loader.hpp"
#include "screen/screener.hpp"

namespace sancheck::screen {

/// The DPRK entries of the built-in lists, as the binary embeds them.
inline std::vector<Designation> BuiltinDprkDesignations() {
  std::vector<Designation> out;
  for (const auto& f : rules::BuiltinRuleFiles()) {
    if (f.path != "rules/un-lists/un-consolidated.yaml" && f.path != "rules/un-lists/vessels.yaml") continue;
    Diagnostics diags;
    auto file = std::make_shared<const SourceFile>(SourceFile{std::string(f.path), std::string(f.text)});
    for (auto& d : LoadDesignations(file, diags)) {
      if (d.regime == "DPRK") out.push_back(std::move(d));
    }
  }
  return out;
}

inline const Screener& Un() {
  static const Screener* screener = new Screener(BuiltinDprkDesignations());
  return *screener;
}

}  // namespace sancheck::screen
