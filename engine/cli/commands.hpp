// The subcommand table: each command registers its options and returns the function that runs it.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace sancheck::cli {

/// Set by the chosen subcommand's callback; returns the process exit status.
using Runner = std::function<int()>;

void AddCheckCommand(CLI::App& app, Runner& runner);
void AddRulesCommand(CLI::App& app, Runner& runner);
void AddTestCommand(CLI::App& app, Runner& runner);
void AddScreenCommand(CLI::App& app, Runner& runner);
void AddLintCommand(CLI::App& app, Runner& runner);
void AddExplainCommand(CLI::App& app, Runner& runner);
void AddBatchCommand(CLI::App& app, Runner& runner);
void AddSchemaCommand(CLI::App& app, Runner& runner);

/// Exit statuses of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

/// Prints `message` as "sancheck: error: message" on standard error; returns kExitError.
int UsageError(const std::string& message);

/// Writes `content` to `path` atomically, or to standard output when path is empty.
/// Returns false (after printing an error) on failure.
bool Emit(const std::string& path, const std::string& content);

}  // namespace sancheck::cli
