// The sancheck executable: parses the command line and runs the chosen subcommand.
#include <iostream>

#include "cli/commands.hpp"
#include "sancheck/report.hpp"

int main(int argc, char** argv) {
  using namespace sancheck::cli;
  CLI::App app{"sancheck: judge scenarios against UN DPRK sanctions rule packs, with citations.",
               "sancheck"};
  app.set_version_flag("--version", std::string(sancheck::ToolVersion()));
  app.require_subcommand(1);
  Runner runner;
  AddCheckCommand(app, runner);
  AddRulesCommand(app, runner);
  AddTestCommand(app, runner);
  AddScreenCommand(app, runner);
  AddLintCommand(app, runner);
  AddExplainCommand(app, runner);
  AddBatchCommand(app, runner);
  AddSchemaCommand(app, runner);
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
  try {
    return runner ? runner() : kExitError;
  } catch (const std::exception& e) {
    // Any failure that escaped a stage is still a clean "could not be done".
    return UsageError(e.what());
  }
}
