// `sancheck timeline`: each activity's verdict as a function of its date — intervals and change points, text or JSON.
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "timeline/timeline.hpp"

namespace sancheck::cli {
namespace {

struct TimelineArgs {
  std::vector<std::string> paths;
  PackChoice packs;
  std::optional<std::string> from;  // as given: an empty one is a bad date
  std::optional<std::string> to;
  std::string format = "text";
  std::string output;
};

int RunTimeline(const TimelineArgs& args) {
  auto options = CheckOptionsFor(args.packs);
  if (!options) return kExitError;
  timeline::TimelineOptions to;
  std::optional<Date> until = RunDate();
  if (!ReadDateOption("--to", args.to, until) || !ReadDateOption("--from", args.from, to.from)) return kExitError;
  to.to = *until;
  if (to.from && to.to < *to.from) return UsageError("--from " + *args.from + " is after --to " + to.to.ToString());
  std::vector<std::string> inputs = args.paths;
  inputs.insert(inputs.end(), args.packs.rules.begin(), args.packs.rules.end());
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  Diagnostics diags;
  auto checker = Checker::Load(*options, diags);
  std::vector<Scenario> scenarios;
  if (checker) scenarios = LoadScenariosFor(*checker, args.paths, diags);
  if (!ShowDiagnostics(diags) || !checker) return kExitError;
  const timeline::Timeline t = timeline::BuildTimeline(*checker, scenarios, to, diags);
  if (!ShowDiagnostics(diags)) return kExitError;
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
