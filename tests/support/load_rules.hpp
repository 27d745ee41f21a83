// The tests' way to load rule packs: the loader's messages shown, and the test stopped, when they do not load.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.hpp"

namespace sancheck {

/// The packs at `paths` (none: the built-in packs), loaded or the calling test failed.
inline std::unique_ptr<rules::RuleSet> LoadPacks(const std::vector<std::string>& paths) {
  Diagnostics diags;
  auto set = rules::LoadRuleSet(paths, diags);
  INFO(diags.RenderAll());
  REQUIRE(set);
  return set;
}

}  // namespace sancheck
