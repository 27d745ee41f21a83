// The subcommand table: each command registers its options and returns the function that runs it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "sancheck/clock.hpp"
#include "sancheck/core_types.hpp"

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

/// The clock of a run: SOURCE_DATE_EPOCH (whole seconds since 1970) when set, for
/// reproducible reports; else the system clock. The library itself never reads it.
std::shared_ptr<const Clock> RunClock();
/// The day of the run on that clock (UTC).
Date RunDate();

/// Writes `content` to `path` atomically, or to standard output when path is empty.
/// Returns false (after printing an error) on failure.
bool Emit(const std::string& path, const std::string& content);

}  // namespace sancheck::cli
