// One rule pack held in memory and loaded alone, for the tests of impact (each side of a comparison) and timeline.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <utility>

#include "sancheck/checker.hpp"
#include "sancheck/file_reader.hpp"

namespace sancheck::testing {

/// A checker of the single-file pack `pack_yaml` (header and rules), without the built-in packs,
/// on `clock` (null: the system clock).
inline std::unique_ptr<Checker> MemoryPack(const std::string& pack_yaml, std::shared_ptr<const Clock> clock = nullptr) {
  auto files = std::make_shared<MemoryFileReader>();
  files->Add("mem/p/pack.yaml", pack_yaml);
  CheckOptions options;
  options.files = files;
  options.rule_paths = {"mem/p"};
  options.clock = std::move(clock);
  Diagnostics diags;
  auto checker = Checker::Load(options, diags);
  REQUIRE_MESSAGE(checker, diags.RenderAll());
  return checker;
}

}  // namespace sancheck::testing
