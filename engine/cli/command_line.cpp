// The whole command line in one place: the program's options, its subcommands, and what --version prints.
#include <filesystem>

#include "cli/commands.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/pack_bundle.hpp"
#include "rules/pack_sources.hpp"
#include "sancheck/report.hpp"
#include "screen/list_snapshot.hpp"

namespace sancheck::cli {

std::string VersionText() {
  std::string packs;
  std::string lists;
  Diagnostics ignored;  // a damaged bundle is reported by whatever loads the packs
  for (const auto& src : rules::BuiltinSources(ignored)) {
    packs += (packs.empty() ? "" : ", ") + src.bundled->info.name + " " + src.bundled->info.version;
  }
  for (const auto& file : rules::BuiltinListSnapshots()) {
    const auto title = screen::ListSnapshotTitle(file.bytes);
    lists += (lists.empty() ? "" : ", ") +
             (title ? title->name + " " + title->snapshot
                    : std::filesystem::path(file.path).stem().string() + " (damaged)");
  }
  return "sancheck " + std::string(ToolVersion()) + "\nbuilt-in rule packs: " +
         (ignored.HasErrors() ? "damaged (reinstall sancheck)" : packs.empty() ? "none" : packs) +
         "\nbuilt-in designation lists: " + (lists.empty() ? "none" : lists);
}

void DefineCommandLine(CLI::App& app, Runner& runner, GlobalOptions& global) {
  app.name("sancheck");
  app.description("sancheck: judge scenarios against UN DPRK sanctions rule packs, with citations.");
  // Read when asked, so that the commands do not pay for it.
  app.set_version_flag("--version", [] { return VersionText(); },
                       "Print the version, and those of the built-in rule packs and lists, and exit");
  app.require_subcommand(1);
  app.add_flag("-v,--verbose", global.verbose, "Log loading and timing on standard error (-vv: debug)");
  app.add_option("--log-level", global.log_level, "Log level on standard error: off, error, warn, info, debug, trace")
      ->check(CLI::IsMember({"off", "error", "warn", "info", "debug", "trace"}));
  AddCheckCommand(app, runner);
  AddRulesCommand(app, runner);
  AddTestCommand(app, runner);
  AddScreenCommand(app, runner);
  AddLintCommand(app, runner);
  AddExplainCommand(app, runner);
  AddBatchCommand(app, runner);
  AddSchemaCommand(app, runner);
  AddListsCommand(app, runner);
  AddServeCommand(app, runner);
  AddTimelineCommand(app, runner);
  // Set last: a subcommand starts with its parent's footer, and this one is the program's alone.
  app.footer("A command's options: sancheck COMMAND --help, or the page sancheck-COMMAND(1).\n"
             "Exit status: 0 when nothing fails the run, 1 when something does (findings, failed tests,\n"
             "differing lists), 2 when the command could not be done.");
}

}  // namespace sancheck::cli
