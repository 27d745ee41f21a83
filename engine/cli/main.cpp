// The sancheck executable: parses the command line and runs the chosen subcommand.
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>

#include "cli/commands.hpp"
#include "common/log.hpp"
#include "common/sha256.hpp"

int main(int argc, char** argv) {
  using namespace sancheck::cli;
  sancheck::StartOpenSslForDigestsOnly();  // first: OpenSSL's start is decided once per process
  CLI::App app;
  Runner runner;
  GlobalOptions global;
  DefineCommandLine(app, runner, global);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (const auto unknown = UnknownCommand(app)) return UsageError(*unknown);
    return UsageError(e.what());
  }
  if (global.verbose > 0 || !global.log_level.empty()) {
    // The library logs only to a logger registered under its name: here, standard error.
    auto log = spdlog::stderr_logger_mt(sancheck::kLoggerName);
    log->set_pattern("sancheck: [%l] %v");
    log->set_level(!global.log_level.empty() ? spdlog::level::from_str(global.log_level)
                   : global.verbose > 1      ? spdlog::level::debug
                                             : spdlog::level::info);
  }
  try {
    return runner ? runner() : kExitError;
  } catch (const std::exception& e) {
    // Any failure that escaped a stage is still a clean "could not be done".
    return UsageError(e.what());
  }
}
