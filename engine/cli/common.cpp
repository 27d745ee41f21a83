// Helpers shared by the subcommands: error printing, report output and the run's clock.
#include <cstdlib>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "common/files.hpp"
#include "common/run_clock.hpp"
#include "common/visible.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::cli {

int UsageError(const std::string& message) {
  std::cerr << "sancheck: error: " << message << '\n';
  return kExitError;
}

void KeepUntilExit(std::shared_ptr<const void> kept) {
  // Never destroyed: the holder itself lives until the process ends (see the declaration).
  static auto* held = new std::vector<std::shared_ptr<const void>>();
  held->push_back(std::move(kept));
}

void AddPackOptions(CLI::App* cmd, PackChoice& choice, const std::string& what) {
  cmd->add_option("--rules", choice.rules,
                  what + "; repeatable, loaded beside the built-in packs (builtin:un-dprk names one)")
      ->allow_extra_args(false);
  cmd->add_option("--lists", choice.lists,
                  "A designation list (made by `sancheck lists import`) screened beside the built-in UN DPRK "
                  "list; repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-builtin", choice.no_builtin,
                "Do not load the built-in packs nor the built-in UN DPRK list: only the --rules packs and --lists");
  cmd->add_option("--max-designation-age", choice.max_designation_age,
                  "Days after the designation list's snapshot from which activities read designations.stale "
                  "(a review finding: screen against a current list); default 180")
      ->check(CLI::Range(0, 36500));
}

void NoteNoBuiltin() {
  std::cerr << "sancheck: note: --no-builtin: the built-in packs and the built-in UN DPRK designation list are "
               "not loaded\n";
}

std::optional<std::vector<std::string>> PackPaths(const PackChoice& choice, bool note) {
  if (choice.no_builtin) {
    if (choice.rules.empty()) {
      UsageError("--no-builtin leaves no rule pack: name one with --rules");
      return std::nullopt;
    }
    // Said, not silent: without the built-in list nobody is screened against the UN DPRK list
    // unless a --rules pack or a --lists file brings it.
    if (note) NoteNoBuiltin();
    return choice.rules;
  }
  return rules::WithBuiltinPacks(choice.rules);
}

std::optional<CheckOptions> CheckOptionsFor(const PackChoice& choice, bool note) {
  const auto pack_paths = PackPaths(choice, note);
  if (!pack_paths) return std::nullopt;
  CheckOptions options;
  options.clock = RunClock();
  options.rule_paths = *pack_paths;
  options.lists = choice.lists;
  options.designations_max_age_days = choice.max_designation_age;
  return options;
}

std::vector<Scenario> LoadScenariosFor(const Checker& checker, const std::vector<std::string>& paths,
                                       Diagnostics& diags, const std::vector<std::string>& exclude) {
  return AcceptScenarios(checker, ReadScenarioFiles(paths, exclude), diags);
}

ScenarioFiles ReadScenarioFiles(const std::vector<std::string>& paths, const std::vector<std::string>& exclude) {
  ScenarioFiles files;
  files.scenarios = LoadScenarios(paths, files.diags, ScenarioSearch{exclude, &files.skipped});
  return files;
}

std::vector<Scenario> AcceptScenarios(const Checker& checker, ScenarioFiles&& files, Diagnostics& diags) {
  // Said, not silent: a file set aside by its keys would otherwise look judged.
  for (const auto& f : files.skipped) {
    std::cerr << "sancheck: note: skipping " << VisibleText(f.path) << ": " << f.what << " (top-level key '" << f.key
              << "')\n";
  }
  diags.Append(files.diags);
  checker.Validate(files.scenarios, diags);
  return std::move(files.scenarios);
}

bool ShowDiagnostics(const Diagnostics& diags) {
  if (!diags.items().empty()) std::cerr << diags.RenderAll();
  return !diags.HasErrors();
}

bool Emit(const std::string& path, const std::string& content) { return EmitAll({{path, content}}); }

bool EmitAll(std::vector<std::pair<std::string, std::string>> outputs) {
  // Moved, not copied: a report of a large scenario file is tens of megabytes.
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<const std::string*> terminal;
  for (auto& o : outputs) {
    if (o.first.empty() || o.first == "-") {
      terminal.push_back(&o.second);
    } else {
      files.push_back(std::move(o));
    }
  }
  if (const std::string error = WriteFilesAtomically(files); !error.empty()) {
    UsageError(error);
    return false;
  }
  for (const std::string* t : terminal) std::cout << *t;
  std::cout.flush();
  return static_cast<bool>(std::cout);
}

bool OutputsAreNotInputs(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (in.empty()) continue;
    if (in == "-" || !std::filesystem::is_directory(in, ec)) {
      files.push_back(in);
      continue;
    }
    Diagnostics ignored;  // unreadable folders are reported when the run reads them
    const auto found = ExpandYamlPaths({in}, ignored);
    files.insert(files.end(), found.begin(), found.end());
  }
  if (const auto clash = OutputIsInput(outputs, files)) {
    UsageError("the output '" + clash->first + "' is the input '" + clash->second +
               "': refusing to overwrite an input with a report");
    return false;
  }
  return true;
}

std::shared_ptr<const Clock> RunClock() { return ClockFromSourceDateEpoch(std::getenv("SOURCE_DATE_EPOCH")); }

std::string RunTimestamp() { return TimestampOf(*RunClock()); }

Date RunDate() { return DayOf(*RunClock()); }

bool ReadDateOption(const std::string& name, const std::optional<std::string>& text, std::optional<Date>& out) {
  if (!text) return true;
  const auto d = Date::Parse(*text);
  if (!d) {
    UsageError(name + ": bad date '" + *text + "' (expected " + Date::kRule + ")");
    return false;
  }
  out = d;
  return true;
}

}  // namespace sancheck::cli
