// `sancheck lint` as a library call: rule packs, scenario files and rule tests → positioned diagnostics.
#pragma once

#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"

namespace sancheck::lint {

/// Defaults: no paths lints the built-in packs; no context packs.
struct LintOptions {
  /// Pack folders (with pack.yaml), pack files, scenario files, rule-test
  /// files (*.test.yaml), folders holding any of them, or built-in pack names.
  std::vector<std::string> paths;
  /// Packs loaded for context only (what scenarios and extending packs need);
  /// their own rules are not linted. Scenarios with no pack at all are read
  /// against the built-in packs.
  std::vector<std::string> context_rules;
  /// The tags of scenarios and rule tests are checked against the loaded
  /// packs and, as `check` reads them, the built-in packs. False (--no-builtin):
  /// the built-in packs are neither context nor vocabulary.
  bool builtin = true;
};

struct LintResult {
  Diagnostics diagnostics;  ///< lint findings: errors and warnings
  bool could_not_run = false;  ///< a path was missing or nothing was found
  std::string failure;         ///< why, when could_not_run
  int packs = 0, scenario_files = 0, test_files = 0;
  /// Every file linted, in the order read: the linted packs' files, then scenarios, then tests.
  std::vector<std::string> files;
  int warnings() const;
};

LintResult Lint(const LintOptions& options);

/// Loader codes that lint reports under its own stable names.
std::string LintCode(const std::string& loader_code);

}  // namespace sancheck::lint
