// `sancheck rescreen`: which counterparties newly match, no longer match or match differently after a list update.
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/files.hpp"
#include "judge/screening.hpp"
#include "report/rescreen.hpp"
#include "rules/rule_set.hpp"
#include "common/json_document.hpp"

namespace sancheck::cli {
namespace {

struct RescreenArgs {
  std::vector<std::string> base_lists;
  std::vector<std::string> lists;
  std::string counterparties;
  std::optional<std::string> as_of;  // as given: an empty one is a bad date
  std::string format = "text";
};

int RunRescreen(const RescreenArgs& args) {
  std::optional<Date> as_of = RunDate();
  if (!ReadDateOption("--as-of", args.as_of, as_of)) return kExitError;
  Diagnostics diags;
  auto file = ReadSource(args.counterparties, diags);
  std::optional<std::vector<report::Counterparty>> counterparties;
  if (file) counterparties = report::ReadCounterparties(file, *as_of, diags);
  // Only the lists given, on each side (as --no-builtin): no pack, no built-in list.
  rules::RuleSet none;
  auto base = judge::LoadScreening(none, judge::ScreeningSources{"", args.base_lists}, diags);
  auto updated = judge::LoadScreening(none, judge::ScreeningSources{"", args.lists}, diags);
  if (diags.HasErrors() || !counterparties || !base || !updated) {
    std::cerr << diags.RenderAll();
    return kExitError;
  }
  const auto result = report::Rescreen(*base, *updated, *counterparties, *as_of, screen::Screener::kPossibleThreshold);
  // Replace rather than throw on a byte that is not UTF-8: the output must never fail half-way.
  const std::string out =
      args.format == "json"
          ? JsonDocument(report::RescreenJson(result, *base, *updated))
          : report::RescreenText(result, *base, *updated);
  if (!Emit("", out)) return kExitError;
  return result.NeedsReview() ? kExitFindings : kExitOk;
}

}  // namespace

void AddRescreenCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<RescreenArgs>();
  CLI::App* cmd = app.add_subcommand("rescreen", "Rescreen counterparties after a list update: added, removed, changed matches");
  cmd->footer("Counterparties: a CSV file with the header name,country,born,kind,imo (only name required).\n"
              "Only the lists given are loaded on each side (no built-in list).\n"
              "Exit status: 0 when no match was added or changed, 1 when one was, 2 on an error.");
  cmd->add_option("counterparties", args->counterparties, "The counterparties CSV file")->required();
  cmd->add_option("--base-lists", args->base_lists, "A list before the update (repeatable)")->required();
  cmd->add_option("--lists", args->lists, "A list after the update (repeatable)")->required();
  cmd->add_option("--as-of", args->as_of, "Only designations listed on or before this date (default today)");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([&runner, args] { runner = [args] { return RunRescreen(*args); }; });
}

}  // namespace sancheck::cli
