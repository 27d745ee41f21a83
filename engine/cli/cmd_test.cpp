// `sancheck test`: runs rule tests, shows differences, reports rule and paragraph coverage, JUnit on request.
#include <cstdio>
#include <iostream>
#include <memory>
#include <set>
#include <span>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/visible.hpp"
#include "report/junit_xml.hpp"
#include "rules/rule_set.hpp"
#include "scenario/tag_check.hpp"
#include "testing/rule_tests.hpp"
#include "common/json_document.hpp"

namespace sancheck::cli {
namespace {

struct TestArgs {
  std::vector<std::string> paths;
  PackChoice packs;
  bool coverage = false;
  double coverage_min = -1;
  std::string format = "text";
  std::string output;
};

struct Coverage {
  std::string pack;  ///< empty: every loaded pack
  std::vector<std::string> rules_missed;
  std::vector<std::string> paragraphs_missed;
  size_t rules_total = 0, paragraphs_total = 0;
  double Percent() const {
    return rules_total ? 100.0 * static_cast<double>(rules_total - rules_missed.size()) /
                             static_cast<double>(rules_total)
                       : 100.0;
  }
};

// The coverage of the rules of `pack` (every pack when empty).
Coverage ComputeCoverage(const std::vector<RuleInfo>& rules, const testing::TestRun& run, const std::string& pack) {
  Coverage c;
  c.pack = pack;
  std::set<std::string> paragraphs;
  for (const auto& r : rules) {
    if (!pack.empty() && r.pack != pack) continue;
    ++c.rules_total;
    if (!run.rules_exercised.count(r.id)) c.rules_missed.push_back(r.id);
    for (const auto& cit : r.citations) paragraphs.insert(testing::ParagraphKey(cit));
  }
  c.paragraphs_total = paragraphs.size();
  for (const auto& p : paragraphs) {
    if (!run.paragraphs_exercised.count(p)) c.paragraphs_missed.push_back(p);
  }
  return c;
}

// The whole run's coverage first, then each loaded pack's: a pack's own tests may cover it
// fully while the built-in pack beside it drags the total down.
std::vector<Coverage> CoverageByPack(const Checker& checker, const testing::TestRun& run) {
  const std::vector<RuleInfo> rules = checker.rules();
  std::vector<Coverage> out{ComputeCoverage(rules, run, "")};
  for (const auto& p : checker.packs()) out.push_back(ComputeCoverage(rules, run, p.name));
  return out;
}

std::string CoverageLine(const Coverage& c) {
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f%%", c.Percent());
  return std::to_string(c.rules_total - c.rules_missed.size()) + "/" + std::to_string(c.rules_total) + " rules (" +
         pct + "), " + std::to_string(c.paragraphs_total - c.paragraphs_missed.size()) + "/" +
         std::to_string(c.paragraphs_total) + " cited paragraphs";
}

std::string Where(const testing::RuleTest& t) {
  return t.file + ":" + std::to_string(t.pos.line);
}

std::string RenderText(const testing::TestRun& run, const std::vector<Coverage>& coverage, const TestArgs& args) {
  std::string out;
  for (const auto& o : run.outcomes) {
    out += std::string(o.passed ? "PASS  " : "FAIL  ") + o.test->id + "  (" + Where(*o.test) + ")\n";
    for (const auto& d : o.differences) out += "      " + d + "\n";
  }
  if (args.coverage || args.coverage_min >= 0) {
    out += "\nCoverage: " + CoverageLine(coverage.front()) + "\n";
    for (size_t i = 1; i < coverage.size(); ++i) {
      const Coverage& c = coverage[i];
      out += "\n  pack " + c.pack + ": " + CoverageLine(c) + "\n";
      for (const auto& r : c.rules_missed) out += "    rule not exercised: " + r + "\n";
      for (const auto& p : c.paragraphs_missed) out += "    paragraph not exercised: " + p + "\n";
    }
  }
  out += "\n" + std::to_string(run.passed) + " passed, " + std::to_string(run.failed) + " failed\n";
  return out;
}

nlohmann::ordered_json CoverageJson(const Coverage& c) {
  nlohmann::ordered_json j;
  if (!c.pack.empty()) j["pack"] = c.pack;
  j["rules"] = c.rules_total;
  j["rules_exercised"] = c.rules_total - c.rules_missed.size();
  j["percent"] = c.Percent();
  j["rules_not_exercised"] = c.rules_missed;
  j["paragraphs"] = c.paragraphs_total;
  j["paragraphs_not_exercised"] = c.paragraphs_missed;
  return j;
}

std::string RenderJson(const testing::TestRun& run, const std::vector<Coverage>& coverage) {
  nlohmann::ordered_json root;
  nlohmann::ordered_json tests = nlohmann::ordered_json::array();
  for (const auto& o : run.outcomes) {
    tests.push_back({{"test", o.test->id}, {"file", o.test->file}, {"line", o.test->pos.line},
                     {"passed", o.passed}, {"differences", o.differences}});
  }
  root["tests"] = tests;
  root["coverage"] = CoverageJson(coverage.front());
  nlohmann::ordered_json packs = nlohmann::ordered_json::array();
  for (size_t i = 1; i < coverage.size(); ++i) packs.push_back(CoverageJson(coverage[i]));
  root["coverage"]["packs"] = packs;
  root["summary"] = {{"passed", run.passed}, {"failed", run.failed}};
  return JsonDocument(root);
}

// One suite per test file, in the order the files were read; a failed test is a failure.
std::string RenderJunit(const testing::TestRun& run) {
  std::vector<report::JunitSuite> suites;
  for (const auto& o : run.outcomes) {
    if (suites.empty() || suites.back().name != o.test->file) {
      suites.push_back({o.test->file, o.test->file, {{"file", o.test->file}}, {}, {}});
    }
    report::JunitCase c{o.test->id, o.test->file, report::JunitCase::Outcome::kPassed, {}, {}, {}};
    if (!o.passed) {
      c.outcome = report::JunitCase::Outcome::kFailure;
      c.type = "rule-test";
      c.message = o.differences.empty() ? "failed" : o.differences.front();
      for (const auto& d : o.differences) c.text += d + "\n";
    }
    suites.back().cases.push_back(std::move(c));
  }
  return report::RenderJunitDocument(suites, RunTimestamp());
}

int RunTests(const TestArgs& args) {
  std::vector<std::string> inputs = args.paths;
  inputs.insert(inputs.end(), args.packs.rules.begin(), args.packs.rules.end());
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  Diagnostics diags;
  auto choice = CheckOptionsFor(args.packs);
  if (!choice) return kExitError;
  CheckOptions& options = *choice;
  auto checker = Checker::Load(options, diags);
  std::vector<testing::RuleTest> tests;
  if (checker) tests = testing::LoadRuleTests(args.paths, diags);
  for (const auto& t : tests) checker->Validate(std::span(&t.scenario, 1), diags);
  if (diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  if (tests.empty()) return UsageError("no rule tests (*.test.yaml) found");
  const testing::TestRun run = testing::RunRuleTests(*checker, tests);
  const std::vector<Coverage> coverage = CoverageByPack(*checker, run);
  const Coverage& cov = coverage.front();
  std::string out;
  if (args.format == "json") {
    out = RenderJson(run, coverage);
  } else if (args.format == "junit") {
    out = RenderJunit(run);
  } else {
    out = VisibleText(RenderText(run, coverage, args));  // test ids and values from the files, escaped
  }
  if (!Emit(args.output, out)) return kExitError;
  bool ok = run.failed == 0;
  if (args.coverage_min >= 0 && cov.Percent() + 1e-9 < args.coverage_min) {
    std::cerr << "sancheck: rule coverage " << cov.Percent() << "% is below --coverage-min "
              << args.coverage_min << "%\n";
    ok = false;
  }
  return ok ? kExitOk : kExitFindings;
}

}  // namespace

void AddTestCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<TestArgs>();
  CLI::App* cmd = app.add_subcommand("test", "Run rule tests (*.test.yaml) against the rule packs");
  cmd->add_option("paths", args->paths, "Rule-test files or folders")->required();
  AddPackOptions(cmd, args->packs);
  cmd->add_flag("--coverage", args->coverage,
                "Report, in all and per pack, the rules and cited paragraphs no test exercised");
  cmd->add_option("--coverage-min", args->coverage_min, "Fail when fewer than N % of the rules are exercised")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--format", args->format, "text, json or junit")->check(CLI::IsMember({"text", "json", "junit"}));
  cmd->add_option("--output,-o", args->output, "Write the result to FILE (atomically)");
  cmd->callback([&runner, args] { runner = [args] { return RunTests(*args); }; });
}

}  // namespace sancheck::cli
