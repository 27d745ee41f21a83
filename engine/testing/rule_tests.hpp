// Rule tests (docs/rule-tests.md): loading *.test.yaml files, running them, coverage of rules and paragraphs.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sancheck/checker.hpp"

namespace sancheck::testing {

struct Expectation {
  std::string activity;
  std::optional<Verdict> verdict;
  std::optional<std::vector<std::string>> rules;  ///< exactly these rules fired
  std::vector<std::string> fires;
  std::vector<std::string> not_fires;
  std::vector<std::string> citations;  ///< "2371 OP8"
  std::string match;                   ///< designation reference
  SourcePos pos;
};

struct RuleTest {
  std::string id;
  std::string description;
  std::string file;
  std::optional<Date> as_of;
  std::string clearances;  ///< clearances file for this test (path resolved from the test file), or empty
  std::vector<std::string> lists;  ///< designation lists screened beside the packs' (paths resolved likewise)
  Scenario scenario;
  std::vector<Expectation> expect;
  SourcePos pos;
};

/// Loads every *.test.yaml under `paths` (files or folders).
std::vector<RuleTest> LoadRuleTests(const std::vector<std::string>& paths, Diagnostics& diags);

struct TestOutcome {
  const RuleTest* test = nullptr;
  bool passed = true;
  std::vector<std::string> differences;  ///< "activity coal: verdict: expected prohibited, got review"
};

struct TestRun {
  std::vector<TestOutcome> outcomes;
  std::set<std::string> rules_exercised;       ///< rule ids with a finding in some test
  std::set<std::string> paragraphs_exercised;  ///< "2371 OP8"
  int passed = 0, failed = 0;
};

TestRun RunRuleTests(const Checker& checker, const std::vector<RuleTest>& tests);

/// "<resolution> OP<paragraph>", the form expectations and coverage use.
std::string ParagraphKey(const Citation& c);

}  // namespace sancheck::testing
