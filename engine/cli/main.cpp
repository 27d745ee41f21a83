// The sancheck executable: parses the command line and runs the chosen subcommand.
#include <algorithm>
#include <iostream>
#include <iterator>
#include <memory>
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

// The command line as defined and parsed: its callbacks hold references to the other members.
struct CommandLine {
  CLI::App app;
  sancheck::cli::Runner runner;
  sancheck::cli::GlobalOptions global;
};

// Defines the command line (only the command `only` names, when it names one) and parses it:
// nullopt to run, else the exit status (help, version, a usage error). `refused` is set on a
// usage error, which is then not yet said when `only` named a command.
std::optional<int> Parse(CommandLine& line, std::string_view only, int argc, char** argv, bool& refused) {
  using namespace sancheck::cli;
  DefineCommandLine(line.app, line.runner, line.global, only);
  try {
    line.app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return line.app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return line.app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return line.app.exit(e);
  } catch (const CLI::ParseError& e) {
    refused = true;
    if (!only.empty()) return kExitError;  // the caller parses again, whole, to say why
    if (const auto unknown = UnknownCommand(line.app)) return UsageError(*unknown);
    return UsageError(e.what());
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sancheck::cli;
  sancheck::StartOpenSslForDigestsOnly();  // first: OpenSSL's start is decided once per process
  // The built-in lists are read on the second core while the command line is made and parsed;
  // first of main's objects, so the last to go: it waits for the read to end.
  std::optional<sancheck::judge::BuiltinListsReadEarly> early;
  if (LoadsBuiltinLists(argc, argv)) early.emplace();
  auto line = std::make_unique<CommandLine>();
  bool refused = false;
  const std::string_view only = CommandWord(argc, argv);
  auto status = Parse(*line, only, argc, argv, refused);
  if (refused && !only.empty()) {
    // Refused with one command defined: the whole command line, every command in it, says why
    // (a misread command word would otherwise give another message than a full parse).
    line = std::make_unique<CommandLine>();
    status = Parse(*line, {}, argc, argv, refused);
  }
  if (status) return *status;
  const Runner& runner = line->runner;
  const GlobalOptions& global = line->global;
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
