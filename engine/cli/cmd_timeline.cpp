// `sancheck timeline`: each activity's verdict as a function of its date — intervals and change points, text or JSON.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "timeline/timeline.hpp"

namespace sancheck::cli {
namespace {

struct TimelineArgs {
  std::vector<std::string> paths;
  PackChoice packs;
  std::string from;
  std::string to;
  std::string format = "text";
  std::string output;
};

std::optional<Date> DateOption(const std::string& name, const std::string& text) {
  const auto d = Date::Parse(text);
  if (!d) UsageError(name + ": bad date '" + text + "' (expected YYYY-MM-DD)");
  return d;
}

int RunTimeline(const TimelineArgs& args) {
  auto options = CheckOptionsFor(args.packs);
  if (!options) return kExitError;
  timeline::TimelineOptions to;
  to.to = RunDate();
  if (!args.to.empty()) {
    const auto d = DateOption("--to", args.to);
    if (!d) return kExitError;
    to.to = *d;
  }
  if (!args.from.empty()) {
    to.from = DateOption("--from", args.from);
    if (!to.from) return kExitError;
    if (to.to < *to.from) return UsageError("--from " + args.from + " is after --to " + to.to.ToString());
  }
  std::vector<std::string> inputs = args.paths;
  inputs.insert(inputs.end(), args.packs.rules.begin(), args.packs.rules.end());
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  Diagnostics diags;
  auto checker = Checker::Load(*options, diags);
  std::vector<Scenario> scenarios;
  if (checker) scenarios = LoadScenariosFor(*checker, args.paths, diags);
  if (!checker || diags.HasErrors()) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  if (!diags.items().empty()) std::cerr << diags.RenderAll();  // warnings
  const timeline::Timeline t = timeline::BuildTimeline(*checker, scenarios, to);
  const std::string out = args.format == "json" ? timeline::RenderTimelineJson(t) : timeline::RenderTimelineText(t);
  if (!Emit(args.output, out)) return kExitError;
  // Like check: exit 1 when some activity is prohibited on the last day of the timeline.
  return t.EndsProhibited() ? kExitFindings : kExitOk;
}

}  // namespace

void AddTimelineCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand("timeline", "Show how each activity's verdict changes with its date");
  cmd->add_option("paths", args->paths, "Scenario files or folders (searched for *.yaml, *.yml); - reads standard input")
      ->required();
  AddPackOptions(cmd, args->packs);
  cmd->add_option("--from", args->from,
                  "First day (YYYY-MM-DD; default 2006-10-14, resolution 1718, or the earliest change point when earlier)");
  cmd->add_option("--to", args->to, "Last day (YYYY-MM-DD; default today)");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--output,-o", args->output, "Write the timeline to FILE (atomically) instead of standard output");
  cmd->callback([&runner, args] { runner = [args] { return RunTimeline(*args); }; });
}

}  // namespace sancheck::cli
