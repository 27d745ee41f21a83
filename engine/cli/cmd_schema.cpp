// `sancheck schema KIND`: prints the JSON Schema of rule packs, scenarios, waivers or rule tests.
#include <memory>

#include "cli/commands.hpp"
#include "schema/schemas.hpp"

namespace sancheck::cli {
namespace {

struct SchemaArgs {
  std::string kind;
  std::string output;
};

int RunSchema(const SchemaArgs& args) {
  const auto text = schema::SchemaText(args.kind);
  if (!text) {
    std::string kinds;
    for (auto k : schema::SchemaKinds()) kinds += (kinds.empty() ? "" : ", ") + std::string(k);
    return UsageError("unknown schema '" + args.kind + "' (expected " + kinds + ")");
  }
  return Emit(args.output, *text) ? kExitOk : kExitError;
}

}  // namespace

void AddSchemaCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<SchemaArgs>();
  CLI::App* cmd = app.add_subcommand("schema", "Print the JSON Schema for editors: rule-pack, scenario, waivers or rule-test");
  cmd->add_option("kind", args->kind, "rule-pack, scenario, waivers or rule-test")->required();
  cmd->add_option("--output,-o", args->output, "Write the schema to FILE (atomically)");
  cmd->callback([&runner, args] { runner = [args] { return RunSchema(*args); }; });
}

}  // namespace sancheck::cli
