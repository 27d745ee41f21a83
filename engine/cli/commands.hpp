// The subcommand table: each command registers its options and returns the function that runs it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sancheck/clock.hpp"
#include "sancheck/core_types.hpp"
#include "sancheck/checker.hpp"

namespace sancheck::cli {

/// Set by the chosen subcommand's callback; returns the process exit status.
using Runner = std::function<int()>;

/// The program's own options, given before the subcommand.
struct GlobalOptions {
  int verbose = 0;        ///< -v, -vv
  std::string log_level;  ///< --log-level
};

/// The whole command line: the program's description, --version, its own options and every
/// subcommand. The executable parses it; the build's documentation generator walks it for the
/// man pages and shell completions, which therefore cannot drift from it. `only`, when it
/// names a command, defines that subcommand alone (the others' options cost ~0.4 ms to make).
void DefineCommandLine(CLI::App& app, Runner& runner, GlobalOptions& global, std::string_view only = {});

/// The command a command line names: its first word that is neither a program option nor the
/// value of one, when that word is a command's name; else empty (no command, or a misspelt
/// one: the whole command line is needed to say so). A command line refused with that command
/// alone defined is parsed again whole (main.cpp), so its error is the full parse's.
std::string_view CommandWord(int argc, char** argv);

/// What a bare `sancheck` prints: the commands, one line each.
std::string CommandList(const CLI::App& app);

/// After a parse error: "unknown command 'chek'; did you mean 'check'?" when no command was
/// given but a word stood where one goes (the nearest registered name by edit distance, or
/// the list of them when none is near); nullopt for any other error.
std::optional<std::string> UnknownCommand(const CLI::App& app);

/// What --version prints: the program's version, then the built-in rule packs and designation
/// lists with theirs, read from what the binary holds (no condition is compiled).
std::string VersionText();

void AddCheckCommand(CLI::App& app, Runner& runner);
void AddRulesCommand(CLI::App& app, Runner& runner);
void AddTestCommand(CLI::App& app, Runner& runner);
void AddScreenCommand(CLI::App& app, Runner& runner);
void AddLintCommand(CLI::App& app, Runner& runner);
void AddExplainCommand(CLI::App& app, Runner& runner);
void AddBatchCommand(CLI::App& app, Runner& runner);
void AddSchemaCommand(CLI::App& app, Runner& runner);
void AddListsCommand(CLI::App& app, Runner& runner);
void AddServeCommand(CLI::App& app, Runner& runner);
void AddTimelineCommand(CLI::App& app, Runner& runner);
void AddRescreenCommand(CLI::App& app, Runner& runner);
void AddImpactCommand(CLI::App& app, Runner& runner);

/// Exit statuses of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

/// Prints `message` as "sancheck: error: message" on standard error; returns kExitError.
int UsageError(const std::string& message);

/// Hands what a command loaded over to the end of the process: a command runs once and the
/// process exits, so its checker (packs, lists, index) goes with the process instead of being
/// freed piece by piece, ~0.3 ms of a cold `check`. Still referenced, so leak checkers stay quiet.
void KeepUntilExit(std::shared_ptr<const void> kept);

/// The clock of a run: SOURCE_DATE_EPOCH (whole seconds since 1970) when set, for
/// reproducible reports; else the system clock. The library itself never reads it.
std::shared_ptr<const Clock> RunClock();
/// The day of the run on that clock (UTC).
Date RunDate();
/// Reads the date option `name` ("--as-of") into `out`, left as it is when the option was not
/// given; a bad date, the empty one included (`--as-of ""`), prints a usage error and gives false.
bool ReadDateOption(const std::string& name, const std::optional<std::string>& text, std::optional<Date>& out);
/// The time of the run on that clock, ISO 8601 UTC ("2023-11-14T22:13:20Z"), as reports give it.
std::string RunTimestamp();
/// Which rule packs a command loads: --rules (repeatable) and --no-builtin.
struct PackChoice {
  std::vector<std::string> rules;
  std::vector<std::string> lists;  ///< --lists: designation lists screened beside the packs' own
  bool no_builtin = false;
  int max_designation_age = 180;  ///< days after a list's snapshot before designations.stale
};

/// Registers --rules, --lists and --no-builtin on `cmd`; `what` describes the packs --rules names.
void AddPackOptions(CLI::App* cmd, PackChoice& choice, const std::string& what = "A rule-pack folder or file");

/// Says on standard error that --no-builtin leaves the built-in packs and list out (never silently).
void NoteNoBuiltin();

/// The pack paths of a run: the built-in packs beside the --rules packs (a
/// --rules folder with a built-in pack's name replaces it), only the --rules
/// packs with --no-builtin. Nullopt (after a usage error) when --no-builtin
/// leaves nothing to load. `note`: say on standard error that --no-builtin leaves the
/// built-in packs and list out (a command loading two sides says it once).
std::optional<std::vector<std::string>> PackPaths(const PackChoice& choice, bool note = true);

/// The library options every command that loads packs starts from: the run's clock, the
/// pack paths (PackPaths), the --lists files and --max-designation-age. Nullopt after a
/// usage error.
std::optional<CheckOptions> CheckOptionsFor(const PackChoice& choice, bool note = true);

/// Loads the scenarios a command judges with `checker`: the files' own checks,
/// then every item tag against the loaded packs' vocabulary. Folders are searched as
/// ScenarioSearch says, leaving out `exclude`; each file set aside is a note on standard error.
std::vector<Scenario> LoadScenariosFor(const Checker& checker, const std::vector<std::string>& paths,
                                       Diagnostics& diags, const std::vector<std::string>& exclude = {});

/// LoadScenariosFor in two steps, for a command that reads its scenario files before its
/// packs are loaded (check: while the built-in lists are read on the other core). Reading
/// keeps what it found to say; AcceptScenarios says it, as LoadScenariosFor would have.
struct ScenarioFiles {
  std::vector<Scenario> scenarios;
  Diagnostics diags;
  std::vector<SkippedFile> skipped;
};
ScenarioFiles ReadScenarioFiles(const std::vector<std::string>& paths, const std::vector<std::string>& exclude);
/// The scenarios read, checked against `checker`'s packs; what reading found joins `diags`.
std::vector<Scenario> AcceptScenarios(const Checker& checker, ScenarioFiles&& files, Diagnostics& diags);

/// Writes every diagnostic, errors and warnings, on standard error. False when one is an
/// error: the command then stops (exit 2) before judging or writing anything.
bool ShowDiagnostics(const Diagnostics& diags);

/// Writes `content` to `path` atomically, or to standard output when path is empty.
/// Returns false (after printing an error) on failure.
bool Emit(const std::string& path, const std::string& content);

/// Emit() for every (path, content) of a run, all or nothing: the files are
/// written as temporaries and renamed only when every one is written; those
/// for standard output (path "" or "-") come last.
bool EmitAll(std::vector<std::pair<std::string, std::string>> outputs);

/// False (after a usage error, exit 2) when an output names the same file as
/// an input: `-o scenario.yaml scenario.yaml` must not replace the scenario
/// with its report. Folders among `inputs` stand for the YAML files under them.
bool OutputsAreNotInputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs);

}  // namespace sancheck::cli
