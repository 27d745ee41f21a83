// The sancheck executable: parses the command line and runs the chosen subcommand.
#include <algorithm>
#include <iostream>
#include <iterator>
#include <optional>
#include <string_view>

#include <spdlog/sinks/stdout_sinks.h>

#include "cli/commands.hpp"
#include "common/log.hpp"
#include "common/sha256.hpp"
#include "judge/list_read_ahead.hpp"

namespace {

// Whether the command loads the built-in packs and so reads their lists (a guess from the words
// alone: a wrong one costs a read on the other core, never a result).
bool LoadsBuiltinLists(int argc, char** argv) {
  static constexpr std::string_view kLoading[] = {"check", "batch", "screen", "explain", "timeline", "test", "serve"};
  bool loading = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--no-builtin" || word == "--help" || word == "-h") return false;
    loading = loading || std::find(std::begin(kLoading), std::end(kLoading), word) != std::end(kLoading);
  }
  return loading;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sancheck::cli;
  sancheck::StartOpenSslForDigestsOnly();  // first: OpenSSL's start is decided once per process
  // The built-in lists are read on the second core while the command line is made and parsed;
  // first of main's objects, so the last to go: it waits for the read to end.
  std::optional<sancheck::judge::BuiltinListsReadEarly> early;
  if (LoadsBuiltinLists(argc, argv)) early.emplace();
  CLI::App app;
  Runner runner;
  GlobalOptions global;
  DefineCommandLine(app, runner, global, CommandWord(argc, argv));
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
