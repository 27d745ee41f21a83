// `sancheck lint`: checks rule packs, scenario files and rule tests; text or JSON diagnostics, exit 0/1/2.
#include <algorithm>
#include <iostream>
#include <memory>
#include <tuple>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "lint/lint.hpp"

namespace sancheck::cli {
namespace {

struct LintArgs {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  bool no_builtin = false;
  std::string format = "text";
  std::string output;
};

std::vector<const Diagnostic*> Sorted(const Diagnostics& diags) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : diags.items()) out.push_back(&d);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic* a, const Diagnostic* b) {
    const std::string pa = a->pos.file ? a->pos.file->path : "";
    const std::string pb = b->pos.file ? b->pos.file->path : "";
    return std::tie(pa, a->pos.line, a->pos.column) < std::tie(pb, b->pos.line, b->pos.column);
  });
  return out;
}

std::string Summary(const lint::LintResult& r) {
  const int errors = r.diagnostics.error_count();
  const int warnings = r.warnings();
  auto count = [](int n, const std::string& what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::string s = count(r.packs, "pack") + ", " + count(r.scenario_files, "scenario file") + ", " +
                  count(r.test_files, "test file") + ": ";
  if (errors == 0 && warnings == 0) return s + "no findings\n";
  return s + count(errors, "error") + ", " + count(warnings, "warning") + "\n";
}

std::string RenderJson(const lint::LintResult& r) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Diagnostic* d : Sorted(r.diagnostics)) {
    nlohmann::ordered_json j;
    j["file"] = d->pos.file ? d->pos.file->path : "";
    j["line"] = d->pos.line;
    j["column"] = d->pos.column;
    j["severity"] = d->severity == Severity::kError ? "error" : "warning";
    j["code"] = d->code;
    j["message"] = d->message;
    list.push_back(j);
  }
  nlohmann::ordered_json root;
  root["diagnostics"] = list;
  root["summary"] = {{"packs", r.packs},
                     {"scenario_files", r.scenario_files},
                     {"test_files", r.test_files},
                     {"errors", r.diagnostics.error_count()},
                     {"warnings", r.warnings()}};
  return root.dump(2) + "\n";
}

int RunLint(const LintArgs& args) {
  std::vector<std::string> inputs = args.paths;
  inputs.insert(inputs.end(), args.rules.begin(), args.rules.end());
  if (!OutputsAreNotInputs({args.output}, inputs)) return kExitError;
  lint::LintOptions options;
  options.paths = args.paths;
  options.context_rules = args.rules;
  options.builtin = !args.no_builtin;
  const lint::LintResult result = lint::Lint(options);
  if (result.could_not_run) return UsageError(result.failure);
  std::string out;
  if (args.format == "json") {
    out = RenderJson(result);
  } else {
    for (const Diagnostic* d : Sorted(result.diagnostics)) out += d->Render();
    out += Summary(result);
  }
  if (!Emit(args.output, out)) return kExitError;
  return result.diagnostics.items().empty() ? kExitOk : kExitFindings;
}

}  // namespace

void AddLintCommand(CLI::App& app, Runner& runner) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* cmd = app.add_subcommand(
      "lint", "Check rule packs, scenario files and rule tests (default: the built-in packs)");
  cmd->add_option("paths", args->paths,
                  "Pack folders or files, scenario files, *.test.yaml files, folders of them, or built-in "
                  "pack names (builtin:un-dprk)");
  cmd->add_option("--rules", args->rules,
                  "A pack loaded for context only (extended packs, tags of scenarios); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-builtin", args->no_builtin,
                "Read scenarios and rule tests against the linted and --rules packs only, not the built-in packs");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--output,-o", args->output, "Write the result to FILE (atomically)");
  cmd->callback([&runner, args] { runner = [args] { return RunLint(*args); }; });
}

}  // namespace sancheck::cli
