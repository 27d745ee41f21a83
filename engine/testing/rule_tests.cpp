// Rule-test loading and running: expectations per activity compared with the checker's findings.
#include "testing/rule_tests.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "common/files.hpp"
#include "common/yaml_reader.hpp"
#include "rules/citations.hpp"
#include "scenario/loader.hpp"

namespace sancheck::testing {
namespace {

bool IsTestFile(const std::string& path) {
  const std::string suffix = ".test.yaml";
  return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A rule named in a test matches a namespaced id exactly, or its part after the pack name.
bool SameRule(const std::string& written, const std::string& id) {
  if (written == id) return true;
  return written.find('/') == std::string::npos && id.size() > written.size() &&
         id.compare(id.size() - written.size(), written.size(), written) == 0 &&
         id[id.size() - written.size() - 1] == '/';
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return "[" + s + "]";
}

void ParseExpectation(YamlReader& r, const YAML::Node& n, RuleTest& t) {
  if (!r.CheckMap(n, "an expectation", {"activity", "verdict", "rules", "fires", "not_fires", "citations", "match"})) return;
  if (!r.Require(n, "an expectation", {"activity"})) return;
  Expectation e;
  e.pos = r.Pos(n);
  e.activity = r.String(n["activity"], "activity").value_or("");
  if (const auto& v = n["verdict"]) {
    const auto text = r.String(v, "verdict");
    e.verdict = text ? ParseVerdict(*text) : std::nullopt;
    if (text && !e.verdict) r.Error(v, "bad_value", "unknown verdict " + Describe(v));
  }
  if (const auto& v = n["rules"]) e.rules = r.StringList(v, "rules");
  if (const auto& v = n["fires"]) e.fires = r.StringList(v, "fires").value_or(std::vector<std::string>{});
  if (const auto& v = n["not_fires"]) e.not_fires = r.StringList(v, "not_fires").value_or(std::vector<std::string>{});
  if (const auto& v = n["citations"]) e.citations = r.StringList(v, "citations").value_or(std::vector<std::string>{});
  if (const auto& v = n["match"]) e.match = r.String(v, "match").value_or("");
  bool known = false;
  for (const auto& a : t.scenario.activities) known = known || a.id == e.activity;
  if (!known && !t.scenario.id.empty()) {
    r.Error(n["activity"], "unknown_activity", "the scenario has no activity '" + e.activity + "'");
  }
  t.expect.push_back(std::move(e));
}

void LoadFile(const std::shared_ptr<const SourceFile>& file, std::vector<RuleTest>& out, Diagnostics& diags) {
  YamlReader r(file, diags, "test.");
  auto docs = r.LoadAll();
  if (!docs) return;
  for (const auto& doc : *docs) {
    if (doc.IsNull()) continue;
    if (!r.CheckMap(doc, "a rule test", {"test", "description", "as_of", "clearances", "lists", "scenario", "expect"})) continue;
    if (!r.Require(doc, "a rule test", {"test", "scenario", "expect"})) continue;
    RuleTest t;
    t.file = file->path;
    t.pos = r.Pos(doc["test"]);
    t.id = r.String(doc["test"], "test").value_or("");
    if (const auto& v = doc["description"]) t.description = r.String(v, "description").value_or("");
    if (const auto& v = doc["as_of"]) t.as_of = r.DateValue(v, "as_of");
    if (const auto& v = doc["clearances"]) {
      // Relative to the test file, so a test folder can be run from anywhere.
      const std::string rel = r.String(v, "clearances").value_or("");
      t.clearances = (std::filesystem::path(file->path).parent_path() / rel).string();
    }
    if (const auto& v = doc["lists"]) {
      if (auto names = r.StringList(v, "lists")) {
        for (const auto& rel : *names) t.lists.push_back((std::filesystem::path(file->path).parent_path() / rel).string());
      }
    }
    auto scenario = ParseScenarioNode(file, doc["scenario"], diags);
    if (!scenario) continue;
    t.scenario = std::move(*scenario);
    t.scenario.file = file->path;
    const YAML::Node& expect = doc["expect"];
    if (!expect.IsSequence()) {
      r.Error(expect, "wrong_type", "expect must be a list of expectations, found " + Describe(expect));
      continue;
    }
    for (const auto& e : expect) ParseExpectation(r, e, t);
    out.push_back(std::move(t));
  }
}

void Compare(const Expectation* e, const ActivityResult& a, std::vector<std::string>& diffs) {
  const std::string where = "activity " + a.id + ": ";
  std::vector<std::string> fired;
  for (const auto& f : a.findings) {
    if (std::find(fired.begin(), fired.end(), f.rule) == fired.end()) fired.push_back(f.rule);
  }
  if (!e) {
    if (a.verdict != Verdict::kPermitted || !a.findings.empty()) {
      diffs.push_back(where + "no expectation, so it must be permitted with no findings; got " +
                      std::string(VerdictName(a.verdict)) + " with " + Join(fired));
    }
    return;
  }
  if (e->verdict && *e->verdict != a.verdict) {
    diffs.push_back(where + "verdict: expected " + std::string(VerdictName(*e->verdict)) + ", got " +
                    std::string(VerdictName(a.verdict)) + " (rules " + Join(fired) + ")");
  }
  auto fired_has = [&](const std::string& written) {
    return std::any_of(fired.begin(), fired.end(), [&](const std::string& id) { return SameRule(written, id); });
  };
  if (e->rules) {
    bool same = e->rules->size() == fired.size();
    for (const auto& w : *e->rules) same = same && fired_has(w);
    if (!same) diffs.push_back(where + "rules: expected " + Join(*e->rules) + ", got " + Join(fired));
  }
  for (const auto& w : e->fires) {
    if (!fired_has(w)) diffs.push_back(where + "expected " + w + " to fire; fired " + Join(fired));
  }
  for (const auto& w : e->not_fires) {
    if (fired_has(w)) diffs.push_back(where + "expected " + w + " not to fire");
  }
  for (const auto& c : e->citations) {
    bool cited = false;
    for (const auto& f : a.findings) {
      for (const auto& fc : f.citations) cited = cited || ParagraphKey(fc) == c;
    }
    if (!cited) diffs.push_back(where + "no finding cites " + c);
  }
  if (!e->match.empty()) {
    bool matched = false;
    for (const auto& f : a.findings) matched = matched || (f.match && f.match->reference == e->match);
    if (!matched) diffs.push_back(where + "no finding matches designation " + e->match);
  }
}

}  // namespace

std::string ParagraphKey(const Citation& c) { return rules::ShortCitation(c.resolution, c.paragraph); }

std::vector<RuleTest> LoadRuleTests(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<RuleTest> tests;
  for (const auto& path : ExpandYamlPaths(paths, diags)) {
    if (!IsTestFile(path)) continue;
    if (auto file = ReadSource(path, diags)) LoadFile(file, tests, diags);
  }
  std::map<std::string, const RuleTest*> seen;
  for (const auto& t : tests) {
    if (!seen.emplace(t.id, &t).second) {
      diags.Error(t.pos, "test.duplicate_id", "duplicate test id '" + t.id + "'");
    }
  }
  return tests;
}

TestRun RunRuleTests(const Checker& checker, const std::vector<RuleTest>& tests) {
  TestRun run;
  for (const auto& t : tests) {
    TestOutcome outcome;
    outcome.test = &t;
    RunResult result;
    if (t.clearances.empty() && t.lists.empty()) {
      result = checker.Check({t.scenario}, t.as_of);
    } else {
      // Clearances and lists are part of a checker's screening state: such a test gets its own.
      CheckOptions options = checker.options();
      if (!t.clearances.empty()) options.clearances_path = t.clearances;
      options.lists.insert(options.lists.end(), t.lists.begin(), t.lists.end());
      Diagnostics diags;
      auto own = Checker::Load(options, diags);
      if (!own) {
        outcome.passed = false;
        outcome.differences.push_back("cannot load the test's clearances or lists: " + diags.RenderAll());
        ++run.failed;
        run.outcomes.push_back(std::move(outcome));
        continue;
      }
      result = own->Check({t.scenario}, t.as_of);
    }
    for (const auto& a : result.scenarios.front().activities) {
      const Expectation* e = nullptr;
      for (const auto& x : t.expect) {
        if (x.activity == a.id) e = &x;
      }
      Compare(e, a, outcome.differences);
      for (const auto& f : a.findings) {
        run.rules_exercised.insert(f.rule);
        for (const auto& c : f.citations) run.paragraphs_exercised.insert(ParagraphKey(c));
      }
    }
    outcome.passed = outcome.differences.empty();
    (outcome.passed ? run.passed : run.failed)++;
    run.outcomes.push_back(std::move(outcome));
  }
  return run;
}

}  // namespace sancheck::testing
