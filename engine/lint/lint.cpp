// Lint(): classifies the inputs, loads packs in collect-all mode and runs the pack, condition and scenario checks.
#include "lint/lint.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <span>

#include "common/file_kind.hpp"
#include "common/files.hpp"
#include "common/yaml_reader.hpp"
#include "lint/condition_check.hpp"
#include "lint/shadowing.hpp"
#include "rules/exemptions.hpp"
#include "rules/rule_set.hpp"
#include "scenario/tag_check.hpp"
#include "testing/rule_tests.hpp"

namespace sancheck::lint {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsYaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

struct Inputs {
  std::vector<std::string> packs;  ///< paths or built-in names, as the loader takes them
  std::vector<std::string> scenarios;
  std::vector<std::string> tests;
};

// What a lone YAML file is, judged by its first document's keys.
enum class InputKind { kPack, kScenario, kUnknown };

InputKind Classify(const std::string& path, Diagnostics& diags) {
  auto file = ReadSource(path, diags);
  if (!file) return InputKind::kUnknown;
  YamlReader r(file, diags, "lint.");
  auto docs = r.LoadAll();
  if (!docs) return InputKind::kUnknown;
  std::vector<std::string> keys;
  for (const auto& d : *docs) {
    if (!d.IsMap()) continue;
    if (d["scenario"]) return InputKind::kScenario;
    for (const auto& entry : d) keys.push_back(entry.first.Scalar());
  }
  const auto kind = NonScenarioKind(std::vector<std::string_view>(keys.begin(), keys.end()));
  if (kind && kind->IsPack()) return InputKind::kPack;
  diags.Warning(SourcePos{file, 1, 1}, "lint.unknown_file",
                kind ? std::string(kind->what) + " (top-level key '" + std::string(kind->key) + "'), which lint does "
                           "not check; skipped"
                     : "not a rule pack, scenario or rule test (no 'pack', 'rules' or 'scenario' key); skipped");
  return InputKind::kUnknown;
}

void AddPackFolder(const fs::path& dir, Inputs& in) {
  in.packs.push_back(dir.string());
  std::error_code ec;
  const fs::path tests = dir / "tests";
  if (!fs::is_directory(tests, ec)) return;
  for (const auto& e : fs::recursive_directory_iterator(tests, ec)) {
    if (e.is_regular_file() && IsYaml(e.path())) in.tests.push_back(e.path().string());
  }
}

void AddFolder(const fs::path& dir, Inputs& in, Diagnostics& diags) {
  std::error_code ec;
  if (fs::exists(dir / "pack.yaml", ec)) {
    AddPackFolder(dir, in);
    return;
  }
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path());
  if (ec) {  // unreadable: an error, never a folder with nothing to lint
    const auto folder = std::make_shared<const SourceFile>(SourceFile{dir.generic_string(), ""});
    diags.Error(SourcePos{folder, 0, 0}, "io.read", "cannot read this folder: " + ec.message());
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    if (p.filename().string().starts_with('.')) continue;  // .git, .github/: a repository's machinery
    if (fs::is_directory(p, ec)) {
      AddFolder(p, in, diags);
    } else if (IsYaml(p)) {
      const std::string s = p.string();
      if (EndsWith(s, ".test.yaml")) {
        in.tests.push_back(s);
      } else if (const InputKind k = Classify(s, diags); k == InputKind::kScenario) {
        in.scenarios.push_back(s);
      } else if (k == InputKind::kPack) {
        in.packs.push_back(s);
      }
    }
  }
}

std::string CollectInputs(const LintOptions& options, Inputs& in, Diagnostics& diags) {
  if (options.paths.empty()) {
    for (const auto& name : rules::BuiltinPackNames()) in.packs.push_back("builtin:" + name);
    return "";
  }
  for (const auto& p : options.paths) {
    std::error_code ec;
    if (p.rfind("builtin:", 0) == 0 || (!fs::exists(p, ec) && rules::IsBuiltinPackName(p))) {
      in.packs.push_back(p);
    } else if (!fs::exists(p, ec)) {
      return "no such file or folder: '" + p + "'";
    } else if (fs::is_directory(p, ec)) {
      AddFolder(p, in, diags);
    } else if (EndsWith(p, ".test.yaml")) {
      in.tests.push_back(p);
    } else if (const InputKind k = Classify(p, diags); k == InputKind::kScenario) {
      in.scenarios.push_back(p);
    } else if (k == InputKind::kPack) {
      in.packs.push_back(p);
    }
  }
  return "";
}

void CopyMapped(const Diagnostics& from, Diagnostics& to) {
  for (const auto& d : from.items()) {
    if (d.severity == Severity::kError) {
      to.Error(d.pos, LintCode(d.code), d.message);
    } else {
      to.Warning(d.pos, LintCode(d.code), d.message);
    }
  }
}

void LintRules(const rules::RuleSet& set, const std::set<std::string>& targets, Diagnostics& out) {
  std::set<std::string> used;
  for (const auto& rule : set.rules) used.insert(rule.program.sets_used.begin(), rule.program.sets_used.end());
  for (const auto& [name, src] : set.set_sources) {
    if (targets.count(src.pack) && !used.count(name)) {
      out.Warning(src.pos, "lint.unused_set", "set '$" + name + "' is defined but no rule uses it");
    }
  }
  std::set<const rules::Rule*> dead;  // never fire: "shadowed" would add nothing
  for (const auto& rule : set.rules) {
    if (!targets.count(rule.info.pack)) continue;
    ConditionContext ctx;
    ctx.applies_mask = rule.applies_mask;
    ctx.effective = rule.info.effective;
    ctx.until = rule.info.until;
    if (!CanBeTrue(rule.program, ctx)) dead.insert(&rule);
    for (const auto& f : CheckCondition(rule.program, ctx)) {
      const SourcePos pos = rule.condition_pos ? rule.condition_pos(static_cast<size_t>(f.offset)) : rule.info.pos;
      out.Warning(pos, f.code, "rule '" + rule.info.id + "': " + f.message);
    }
  }
  for (const auto& s : FindShadowedRules(set)) {
    if (!targets.count(s.shadowed->info.pack) || dead.count(s.shadowed)) continue;
    out.Warning(s.shadowed->info.pos, "lint.shadowed",
                "rule '" + s.shadowed->info.id + "' is shadowed by '" + s.by->info.id + "' (" +
                    std::string(VerdictName(s.by->info.verdict)) +
                    "): whenever it fires, that rule fires too with an equal or more severe verdict, "
                    "for the same activity types and dates");
  }
}

std::set<std::string> PackNames(const std::vector<std::string>& paths) {
  std::set<std::string> names;
  if (paths.empty()) return names;
  Diagnostics ignored;  // the packs are loaded again below, where errors count
  rules::LoadOptions opts;
  opts.keep_going = true;
  if (auto set = rules::LoadRuleSet(paths, ignored, opts)) {
    for (const auto& p : set->packs) names.insert(p.name);
  }
  return names;
}

}  // namespace

int LintResult::warnings() const {
  return static_cast<int>(diagnostics.items().size()) - diagnostics.error_count();
}

std::string LintCode(const std::string& loader_code) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"rules.duplicate_id", "lint.duplicate_rule"},
      {"rules.undefined_set", "lint.undefined_set"},
      {"rules.no_citation", "lint.no_citation"},
      {"rules.no_effective", "lint.no_effective"},
      {"rules.until_before_effective", "lint.until_before_effective"},
      {"scenario.unknown_tag", "lint.unknown_tag"},
  };
  for (const auto& [from, to] : kMap) {
    if (loader_code == from) return to;
  }
  return loader_code;
}

LintResult Lint(const LintOptions& options) {
  LintResult result;
  Diagnostics& out = result.diagnostics;
  Inputs in;
  result.failure = CollectInputs(options, in, out);
  if (!result.failure.empty()) {
    result.could_not_run = true;
    return result;
  }
  if (in.packs.empty() && in.scenarios.empty() && in.tests.empty()) {
    result.could_not_run = true;
    result.failure = "nothing to lint: no rule packs, scenario files or rule tests found";
    return result;
  }
  std::vector<std::string> context = options.context_rules;
  if (in.packs.empty() && context.empty() && options.builtin) {
    for (const auto& name : rules::BuiltinPackNames()) context.push_back("builtin:" + name);
  }
  std::set<std::string> context_names = PackNames(context);
  std::vector<std::string> all = in.packs;
  all.insert(all.end(), context.begin(), context.end());

  Diagnostics load;
  rules::LoadOptions load_options;
  load_options.keep_going = true;
  // No pack at all (--no-builtin on scenarios alone): an empty list would mean the built-in packs.
  auto set = all.empty() ? nullptr : rules::LoadRuleSet(all, load, load_options);
  CopyMapped(load, out);
  if (set) {
    std::set<std::string> targets;
    for (const auto& p : set->packs) {
      if (context_names.count(p.name)) continue;
      targets.insert(p.name);
      result.files.insert(result.files.end(), p.files.begin(), p.files.end());
    }
    result.packs = static_cast<int>(targets.size());
    LintRules(*set, targets, out);
  }
  expr::TagRegistry tags = set ? set->tags : expr::TagRegistry();
  if (options.builtin && !(in.scenarios.empty() && in.tests.empty())) {
    Diagnostics ignored;  // the built-in packs load cleanly; lint reports only the user's files
    if (auto builtin = rules::LoadRuleSet({}, ignored)) {
      for (const auto& t : builtin->tags.names()) tags.Add(t);
    }
  }
  for (const auto& path : in.scenarios) {
    ++result.scenario_files;
    result.files.push_back(path);
    Diagnostics d;
    if (auto file = ReadSource(path, d)) {
      const auto scenarios = ParseScenarioText(path, file->text, d);
      if (set) rules::CheckExemptionClaims(*set, scenarios, d);
      CheckItemTags(scenarios, tags, d);
    }
    CopyMapped(d, out);
  }
  for (const auto& path : in.tests) {
    ++result.test_files;
    result.files.push_back(path);
    Diagnostics d;
    for (const auto& t : testing::LoadRuleTests({path}, d)) {
      if (set) rules::CheckExemptionClaims(*set, std::span(&t.scenario, 1), d);
      CheckItemTags(t.scenario, tags, d);
    }
    CopyMapped(d, out);
  }
  return result;
}

}  // namespace sancheck::lint
