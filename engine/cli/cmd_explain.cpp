// `sancheck explain`: for each considered rule, why it did or did not fire — as text or JSON.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "common/visible.hpp"
#include "explain/explain.hpp"

namespace sancheck::cli {
namespace {

// An explanation holds every sub-condition of every rule for every activity asked for, a few
// hundred bytes each: a file of 20,000 activities unnarrowed would take gigabytes to explain
// and to read. Past this many (activity, rule) pairs, explain asks for --activity or --rule.
constexpr size_t kMaxExplained = 100000;

struct ExplainArgs {
  std::vector<std::string> paths;
  PackChoice packs;
  std::string activity;
  std::string rule;
  std::optional<std::string> as_of;  // as given: an empty one is a bad date
  std::string format = "text";
  std::string output;
};

int RunExplain(const ExplainArgs& args) {
  auto choice = CheckOptionsFor(args.packs);
  if (!choice) return kExitError;
  CheckOptions& options = *choice;
  if (!ReadDateOption("--as-of", args.as_of, options.as_of)) return kExitError;
  std::vector<std::string> inputs = args.paths;
  inputs.insert(inputs.end(), args.packs.rules.begin(), args.packs.rules.end());
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  Diagnostics diags;
  auto checker = Checker::Load(options, diags);
  std::vector<Scenario> scenarios;
  if (checker) scenarios = LoadScenariosFor(*checker, args.paths, diags);
  if (diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  size_t rules = 0;
  for (const auto& r : checker->rules()) rules += explain::SameRule(args.rule, r.id);
  if (!args.rule.empty() && rules == 0) return UsageError("--rule: no loaded rule '" + args.rule + "'");
  size_t activities = 0;
  for (const Scenario& s : scenarios) {
    for (const Activity& a : s.activities) activities += args.activity.empty() || a.id == args.activity;
  }
  if (activities * rules > kMaxExplained) {
    return UsageError("explaining " + std::to_string(activities) + " activities against " + std::to_string(rules) +
                      " rules would trace " + std::to_string(activities * rules) + " rule judgements (at most " +
                      std::to_string(kMaxExplained) + "): narrow it with --activity ID or --rule ID");
  }
  explain::ExplainOptions eo;
  eo.activity = args.activity;
  eo.rule = args.rule;
  const explain::Explanation e = explain::Explain(*checker, scenarios, eo, std::nullopt, diags);
  if (diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  if (e.activities.empty() && !args.activity.empty()) {
    return UsageError("--activity: no activity '" + args.activity + "' in the scenarios");
  }
  // The text quotes titles, descriptions and names from the files: shown escaped, never obeyed by a terminal.
  const std::string out = args.format == "json" ? explain::RenderExplanationJson(e)
                                                : VisibleText(explain::RenderExplanationText(e));
  return Emit(args.output, out) ? kExitOk : kExitError;
}

}  // namespace

void AddExplainCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "Show, rule by rule, why each activity got its verdict");
  cmd->add_option("paths", args->paths, "Scenario files or folders")->required();
  AddPackOptions(cmd, args->packs);
  cmd->add_option("--activity", args->activity, "Only this activity id");
  cmd->add_option("--rule", args->rule, "Only this rule (namespaced, or its id within the pack)");
  cmd->add_option("--as-of", args->as_of, "Date for activities without one (YYYY-MM-DD)");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--output,-o", args->output, "Write the result to FILE (atomically)");
  cmd->callback([&runner, args] { runner = [args] { return RunExplain(*args); }; });
}

}  // namespace sancheck::cli
