// The whole command line in one place: the program's options, its subcommands, and what --version prints.
#include <algorithm>
#include <filesystem>

#include "cli/commands.hpp"
#include "common/strings.hpp"
#include "common/visible.hpp"
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

namespace {

struct Command {
  std::string_view name;
  void (*add)(CLI::App&, Runner&);
};
// In the order `sancheck --help` lists them.
constexpr Command kCommands[] = {
    {"check", AddCheckCommand},
    {"rules", AddRulesCommand},
    {"test", AddTestCommand},
    {"screen", AddScreenCommand},
    {"lint", AddLintCommand},
    {"explain", AddExplainCommand},
    {"batch", AddBatchCommand},
    {"schema", AddSchemaCommand},
    {"lists", AddListsCommand},
    {"serve", AddServeCommand},
    {"timeline", AddTimelineCommand},
    {"rescreen", AddRescreenCommand},
    {"impact", AddImpactCommand},
};

std::vector<const CLI::App*> Commands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); });
}

}  // namespace

std::string_view CommandWord(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--log-level") {
      ++i;  // its value
      continue;
    }
    if (word.starts_with('-')) continue;
    for (const Command& c : kCommands) {
      if (c.name == word) return c.name;
    }
    return {};
  }
  return {};
}

std::string CommandList(const CLI::App& app) {
  size_t width = 0;
  for (const CLI::App* sub : Commands(app)) width = std::max(width, sub->get_name().size());
  std::string out = app.get_description() + "\n\nCommands:\n";
  for (const CLI::App* sub : Commands(app)) {
    const std::string& name = sub->get_name();
    out += "  " + name + std::string(width - name.size() + 2, ' ') + sub->get_description() + "\n";
  }
  return out + "\nA command's options: sancheck COMMAND --help. The program's own: sancheck --help.\n";
}

std::optional<std::string> UnknownCommand(const CLI::App& app) {
  if (!app.get_subcommands().empty()) return std::nullopt;
  for (const std::string& word : app.remaining()) {
    if (word.starts_with('-')) continue;
    std::vector<std::string> names;
    for (const CLI::App* sub : Commands(app)) names.push_back(sub->get_name());
    const std::string best = Closest(word, names);
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return "unknown command '" + VisibleText(word) + "'" +
           (best.empty() ? "; the commands are " + known : "; did you mean '" + best + "'?");
  }
  return std::nullopt;
}

void DefineCommandLine(CLI::App& app, Runner& runner, GlobalOptions& global, std::string_view only) {
  app.name("sancheck");
  app.description("sancheck: judge scenarios against UN DPRK sanctions rule packs, with citations.");
  // Read when asked, so that the commands do not pay for it.
  app.set_version_flag("--version", [] { return VersionText(); },
                       "Print the version, and those of the built-in rule packs and lists, and exit");
  // None is allowed: a bare `sancheck` lists the commands rather than failing (see the callback below).
  app.require_subcommand(0, 1);
  app.add_flag("-v,--verbose", global.verbose, "Log loading and timing on standard error (-vv: debug)");
  app.add_option("--log-level", global.log_level, "Log level on standard error: off, error, warn, info, debug, trace")
      ->check(CLI::IsMember({"off", "error", "warn", "info", "debug", "trace"}));
  for (const Command& c : kCommands) {
    if (only.empty() || only == c.name) c.add(app, runner);
  }
  app.callback([&app, &runner] {
    if (!runner) runner = [&app] { return Emit("", CommandList(app)) ? kExitOk : kExitError; };
  });
  // Set last: a subcommand starts with its parent's footer, and this one is the program's alone.
  app.footer("A command's options: sancheck COMMAND --help, or the page sancheck-COMMAND(1).\n"
             "Exit status: 0 when nothing fails the run, 1 when something does (findings, failed tests,\n"
             "differing lists), 2 when the command could not be done.");
}

}  // namespace sancheck::cli
