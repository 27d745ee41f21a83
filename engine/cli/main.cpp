// The sancheck executable: parses the command line and runs the chosen subcommand.
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>

#include "cli/commands.hpp"
#include "common/log.hpp"
#include "sancheck/report.hpp"

int main(int argc, char** argv) {
  using namespace sancheck::cli;
  CLI::App app{"sancheck: judge scenarios against UN DPRK sanctions rule packs, with citations.",
               "sancheck"};
  app.set_version_flag("--version", std::string(sancheck::ToolVersion()));
  app.require_subcommand(1);
  int verbose = 0;
  std::string log_level;
  app.add_flag("-v,--verbose", verbose, "Log loading and timing on standard error (-vv: debug)");
  app.add_option("--log-level", log_level, "Log level on standard error: off, error, warn, info, debug, trace")
      ->check(CLI::IsMember({"off", "error", "warn", "info", "debug", "trace"}));
  Runner runner;
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return UsageError(e.what());
  }
  if (verbose > 0 || !log_level.empty()) {
    // The library logs only to a logger registered under its name: here, standard error.
    auto log = spdlog::stderr_logger_mt(sancheck::kLoggerName);
    log->set_pattern("sancheck: [%l] %v");
    log->set_level(!log_level.empty() ? spdlog::level::from_str(log_level)
                                      : verbose > 1 ? spdlog::level::debug : spdlog::level::info);
  }
  try {
    return runner ? runner() : kExitError;
  } catch (const std::exception& e) {
    // Any failure that escaped a stage is still a clean "could not be done".
    return UsageError(e.what());
  }
}
