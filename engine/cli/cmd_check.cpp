// `sancheck check`: load packs and waivers, judge scenario files, write one or more reports, exit 0/1/2.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "common/visible.hpp"
#include "sancheck/checker.hpp"
#include "sancheck/report.hpp"
#include "waivers/waivers.hpp"

namespace sancheck::cli {
namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  PackChoice packs;
  std::optional<std::string> as_of;  // as given: an empty one is a bad date
  std::vector<std::string> formats;
  std::string output;
  std::string fail_on = "prohibited";
  std::string color = "auto";
  std::string clearances;
  std::string waivers;
  std::vector<std::string> exclude;
  std::string prepared_by;
  std::string reviewed_by;
  std::string sarif_category = "sancheck";
};

struct Output {
  ReportFormat format;
  std::string path;  ///< empty: --output or standard output
};

int RunCheck(const CheckArgs& args) {
  auto choice = CheckOptionsFor(args.packs);
  if (!choice) return kExitError;
  CheckOptions& options = *choice;
  options.clearances_path = args.clearances;
  if (!ReadDateOption("--as-of", args.as_of, options.as_of)) return kExitError;
  ReportOptions report;
  report.fail = *FailPolicy::Parse(args.fail_on);  // the option accepts only the policy's names
  if (!ValidSarifCategory(args.sarif_category)) {
    return UsageError("--sarif-category: '" + VisibleText(args.sarif_category) +
                      "' is not a category (letters, digits, '.', '_', '-', and '/' between parts; at most 100)");
  }
  report.sarif_category = args.sarif_category;
  std::vector<Output> outputs;
  int to_stdout = 0;
  for (const auto& spec : args.formats.empty() ? std::vector<std::string>{"text"} : args.formats) {
    const size_t eq = spec.find('=');
    const std::string name = spec.substr(0, eq);
    const auto format = ParseReportFormat(name);
    if (!format) {
      return UsageError("--format: unknown format '" + name + "' (expected text, json, junit, sarif, markdown or html)");
    }
    Output o{*format, eq == std::string::npos ? "" : spec.substr(eq + 1)};
    if (eq != std::string::npos && o.path.empty()) return UsageError("--format " + spec + ": missing file name after '='");
    if (o.path.empty()) {
      if (++to_stdout > 1) return UsageError("--format: only one format can go to the terminal or --output; give the others a file (--format sarif=out.sarif)");
      o.path = args.output;
    }
    for (const auto& other : outputs) {
      if (!o.path.empty() && std::filesystem::path(o.path).lexically_normal() == std::filesystem::path(other.path).lexically_normal()) {
        return UsageError("--format: two reports would be written to '" + o.path + "'; give each its own file");
      }
    }
    outputs.push_back(o);
  }
  const bool terminal = isatty(STDOUT_FILENO) && args.output.empty();
  report.color = args.color == "always" || (args.color == "auto" && terminal && !std::getenv("NO_COLOR"));

  std::vector<std::string> output_paths, inputs = args.paths.empty() ? std::vector<std::string>{"-"} : args.paths;
  for (const auto& o : outputs) output_paths.push_back(o.path);
  inputs.insert(inputs.end(), args.packs.rules.begin(), args.packs.rules.end());
  inputs.insert(inputs.end(), {args.waivers, args.clearances});
  if (!OutputsAreNotInputs(output_paths, inputs)) return kExitError;

  // The scenario files are read first, while the built-in lists are still being read on the
  // other core (BuiltinListsReadEarly); what reading them found is said after the packs load,
  // and only when they do, as if read then. Standard input is read after: a pack that does not
  // load must not wait for someone to end what they type.
  const bool from_stdin =
      args.paths.empty() || std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end();
  std::optional<ScenarioFiles> files;
  if (!from_stdin) files = ReadScenarioFiles(args.paths, args.exclude);
  Diagnostics diags;
  const std::shared_ptr<const Checker> checker = Checker::Load(options, diags);
  KeepUntilExit(checker);
  std::vector<Scenario> scenarios;
  std::vector<Waiver> waiver_list;
  if (checker && !args.waivers.empty()) waiver_list = waivers::LoadWaivers(args.waivers, diags);
  if (checker) {
    scenarios = AcceptScenarios(*checker, files ? std::move(*files) : ReadScenarioFiles(args.paths, args.exclude), diags);
  }
  if (!ShowDiagnostics(diags) || !checker) return kExitError;
  RunResult run = checker->Check(scenarios);
  run.prepared_by = args.prepared_by;
  run.reviewed_by = args.reviewed_by;
  if (!args.waivers.empty()) {
    waivers::ApplyWaivers(waiver_list, waivers::WaiverClock(run), run);
    // Expired waivers fail the run (RunFails, below) and unused ones should be removed: say so
    // even when reports go to files.
    ShowDiagnostics(waivers::WaiverDiagnostics(run));
  }
  // Render everything, then write every report or none: a failure leaves no partial set.
  std::vector<std::pair<std::string, std::string>> rendered;
  for (const auto& o : outputs) {
    ReportOptions ro = report;
    ro.color = report.color && o.path.empty() && o.format == ReportFormat::kText;
    rendered.emplace_back(o.path, RenderReport(run, o.format, ro));
  }
  if (!EmitAll(std::move(rendered))) return kExitError;
  // Exit 1: a finding at or above --fail-on that no waiver accepted, or an expired waiver.
  return RunFails(run, report.fail) ? kExitFindings : kExitOk;
}

}  // namespace

void AddCheckCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Judge scenario files against the rule packs");
  cmd->add_option("paths", args->paths,
                  "Scenario files or folders (searched for *.yaml, *.yml, skipping hidden entries, rule packs, "
                  "rule tests, and waivers, clearances and list files, told by their top-level keys); none or - "
                  "reads standard input");
  cmd->add_option("--exclude", args->exclude,
                  "Leave out of a folder search the files and folders whose path relative to the folder matches "
                  "GLOB (fnmatch: * does not cross a /); repeatable")
      ->allow_extra_args(false);
  AddPackOptions(cmd, args->packs);
  cmd->add_option("--as-of", args->as_of, "Judge undated activities as of this date (YYYY-MM-DD; default today)");
  cmd->add_option("--format", args->formats,
                  "Report format: text, json, junit, sarif, markdown, html; FORMAT=FILE writes that format to FILE; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--output,-o", args->output, "Write the report to FILE (atomically) instead of standard output");
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit 1 when some finding not waived is at or above this verdict (or a waiver expired); never: always 0")
      ->check(CLI::IsMember({"prohibited", "review", "never"}));
  cmd->add_option("--color", args->color, "Colour the text report: auto (terminals only), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--clearances", args->clearances, "YAML file of cleared screening false positives");
  cmd->add_option("--waivers", args->waivers,
                  "YAML file of CI waivers (scenario, optional activity and rule, reason, approved_by, ticket, expires)");
  cmd->add_option("--prepared-by", args->prepared_by, "Name of who prepared the report, shown in every format for sign-off");
  cmd->add_option("--reviewed-by", args->reviewed_by, "Name of who reviews the report, shown in every format for sign-off");
  cmd->add_option("--sarif-category", args->sarif_category,
                  "SARIF analysis category (default sancheck): one per run when a repository runs sancheck more than "
                  "once, so code scanning keeps each run's alerts apart");
  cmd->callback([&runner, args] { runner = [args] { return RunCheck(*args); }; });
}

}  // namespace sancheck::cli
