// `sancheck lint`: checks rule packs, scenario files and rule tests; text or JSON diagnostics, exit 0/1/2.
#include <algorithm>
#include <iostream>
#include <memory>
#include <tuple>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "lint/lint.hpp"
#include "report/junit_xml.hpp"
#include "sancheck/report.hpp"
#include "common/json_document.hpp"

namespace sancheck::cli {
namespace {

struct LintArgs {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  bool no_builtin = false;
  std::string format = "text";
  std::string output;
  std::string fail_on = "warning";
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

std::string SeverityName(const Diagnostic& d) { return d.severity == Severity::kError ? "error" : "warning"; }

// "file:line:col", as a rendered diagnostic starts.
std::string Where(const Diagnostic& d) {
  std::string w = d.pos.file ? d.pos.file->path : "<input>";
  if (d.pos.line > 0) w += ":" + std::to_string(d.pos.line) + ":" + std::to_string(std::max(d.pos.column, 1));
  return w;
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
    j["severity"] = SeverityName(*d);
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
  return JsonDocument(root);
}

// One suite, a testcase per file linted: a failure holding every diagnostic that fails the run
// (errors; warnings too with --fail-on warning), each with its position and code; the
// diagnostics that do not fail it (warnings with --fail-on error) go to the suite's output.
std::string RenderJunit(const lint::LintResult& r, const LintArgs& args) {
  const auto path_of = [](const Diagnostic* d) { return d->pos.file ? d->pos.file->path : std::string("<input>"); };
  std::vector<std::string> files = r.files;
  const std::vector<const Diagnostic*> sorted = Sorted(r.diagnostics);
  for (const Diagnostic* d : sorted) {
    if (std::find(files.begin(), files.end(), path_of(d)) == files.end()) files.push_back(path_of(d));
  }
  report::JunitSuite suite{"sancheck lint", "lint", {{"tool", "sancheck " + std::string(ToolVersion())},
                                                     {"fail-on", args.fail_on}}, {}, {}};
  for (const auto& file : files) {
    report::JunitCase c{file, "lint", report::JunitCase::Outcome::kPassed, {}, {}, {}};
    int failing = 0;
    for (const Diagnostic* d : sorted) {
      if (path_of(d) != file) continue;
      const std::string line = Where(*d) + ": " + SeverityName(*d) + ": " + d->message + " [" + d->code + "]\n";
      if (d->severity == Severity::kError || args.fail_on == "warning") {
        ++failing;
        c.text += line;
      } else {
        suite.system_out += line;
      }
    }
    if (failing > 0) {
      c.outcome = report::JunitCase::Outcome::kFailure;
      c.type = "lint";
      c.message = std::to_string(failing) + " finding" + (failing == 1 ? "" : "s");
    }
    suite.cases.push_back(std::move(c));
  }
  return report::RenderJunitDocument({suite}, RunTimestamp());
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
  } else if (args.format == "junit") {
    out = RenderJunit(result, args);
  } else {
    for (const Diagnostic* d : Sorted(result.diagnostics)) out += d->Render();
    out += Summary(result);
  }
  if (!Emit(args.output, out)) return kExitError;
  const bool fails = args.fail_on == "warning" ? !result.diagnostics.items().empty() : result.diagnostics.HasErrors();
  return fails ? kExitFindings : kExitOk;
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
  cmd->add_option("--format", args->format,
                  "text, json or junit (a testcase per file linted, failed by the diagnostics that fail the run)")
      ->check(CLI::IsMember({"text", "json", "junit"}));
  cmd->add_option("--output,-o", args->output, "Write the result to FILE (atomically)");
  // Warning by default, as before the option: a pipeline that relied on warnings failing keeps failing.
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit 1 on any error (error) or on any error or warning (warning, the default)")
      ->check(CLI::IsMember({"error", "warning"}));
  cmd->callback([&runner, args] { runner = [args] { return RunLint(*args); }; });
}

}  // namespace sancheck::cli
