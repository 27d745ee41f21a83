// Explain: applicability, dates, the traced condition tree with fact values, exemptions and findings.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "explain/explain.hpp"

namespace sancheck::explain {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  // One file per process: ctest runs test cases in parallel processes.
  fs::path pack = fs::temp_directory_path() / ("sancheck-explain-" + std::to_string(::getpid()) + ".yaml");
  std::unique_ptr<Checker> checker;
  std::vector<Scenario> scenarios;

  explicit Fixture(const std::string& scenario) {
    std::ofstream(pack) << R"yaml(pack: t
version: "1"
exemptions:
  committee-approval: {title: Committee approval, citations: [{resolution: "1718", paragraph: "12"}], text: approved}
rules:
  - id: arms-to-kp
    title: Arms to the DPRK
    verdict: prohibited
    effective: 2010-01-01
    applies_to: [supply]
    citations: [{resolution: "1718", paragraph: "8(a)"}]
    when: to.country == KP and (item.hs in [93] or item.tags in [arms])
    message: No arms to the DPRK.
    exemptions: [{kind: committee-approval, text: Committee approval}]
  - id: launches
    title: Launches
    verdict: prohibited
    effective: 2010-01-01
    applies_to: [launch]
    citations: [{resolution: "1718", paragraph: "7"}]
    when: from.country == KP
    message: No launches.
  - id: not-from-cn
    title: Not from China, not cereals
    verdict: review
    effective: 2010-01-01
    applies_to: [supply]
    citations: [{resolution: "1718", paragraph: "8(b)"}]
    when: from.country not in [CN] and item.hs != 10
    message: Negated tests.
  - id: later
    title: Not yet in force
    verdict: review
    effective: 2030-01-01
    applies_to: [supply]
    citations: [{resolution: "1718", paragraph: "9"}]
    when: to.country == KP
    message: Later.
)yaml";
    Diagnostics diags;
    CheckOptions options;
    options.rule_paths = {pack.string()};
    checker = Checker::Load(options, diags);
    REQUIRE_MESSAGE(checker, diags.RenderAll());
    scenarios = ParseScenarioText("s.yaml", scenario, diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  }
  ~Fixture() { fs::remove(pack); }

  Explanation Run(const ExplainOptions& options = {}) {
    Diagnostics diags;
    return Explain(*checker, scenarios, options, std::nullopt, diags);
  }

  // Narrowed to one rule (--rule), which every activity lists alone.
  Explanation RunRule(const std::string& rule) {
    ExplainOptions o;
    o.rule = rule;
    Explanation e = Run(o);
    REQUIRE(e.activities[0].rules.size() == 1);
    return e;
  }
};

const char* kScenario = R"(scenario: s
date: 2020-01-01
parties:
  ru: {name: Rus Co, country: RU}
  kp: {name: Kor Co, country: KP}
activities:
  - id: guns
    type: supply
    from: ru
    to: kp
    exemption: {kind: committee-approval, reference: "2020/1"}
    items:
      - {description: rifles, hs: "9301.10"}
      - {description: wheat, hs: "1001.99"}
)";

TEST_CASE("each rule: type, dates, per-item trees with the facts read, exemption and finding") {
  Fixture f(kScenario);
  const Explanation e = f.Run();
  REQUIRE(e.activities.size() == 1);
  const auto& rules = e.activities[0].rules;
  REQUIRE(rules.size() == 4);
  const RuleExplanation& arms = rules[0];
  CHECK(arms.rule->info.id == "t/arms-to-kp");
  CHECK(arms.applies);
  CHECK(arms.in_force);
  REQUIRE(arms.evaluations.size() == 2);  // item-scoped: once per item
  const ConditionNode& rifles = arms.evaluations[0].tree;
  CHECK(rifles.kind == "and");
  CHECK(rifles.value == Truth::kTrue);
  REQUIRE(rifles.children.size() == 2);
  CHECK(rifles.children[0].text == "to.country == KP");
  REQUIRE(rifles.children[0].facts.size() == 1);
  CHECK(rifles.children[0].facts[0].value == "KP (Kor Co)");
  const ConditionNode& either = rifles.children[1];
  CHECK(either.kind == "or");
  // Tracing evaluates every branch, so the tags are shown although the HS code already decided.
  REQUIRE(either.children.size() == 2);
  CHECK(either.children[0].value == Truth::kTrue);
  CHECK(either.children[0].facts[0].value == "930110");
  CHECK(either.children[1].value == Truth::kFalse);
  CHECK(arms.evaluations[1].tree.value == Truth::kFalse);
  CHECK(arms.exemption.find("claimed: Committee approval (\"2020/1\") — can cover this rule") == 0);
  REQUIRE(arms.findings.size() == 1);
  CHECK(arms.findings[0].verdict == Verdict::kReview);
  CHECK(arms.findings[0].item == 0);

  // Rules come sorted by id: later, then launches.
  CHECK(rules[1].applies);
  CHECK_FALSE(rules[1].in_force);    // later: not yet in force
  CHECK(rules[1].evaluations.empty());
  CHECK_FALSE(rules[2].applies);     // launches: another activity type
  CHECK(rules[2].evaluations.empty());
}

TEST_CASE("a negated test is one line with the negation's value: not in, and != on HS codes") {
  Fixture f(kScenario);
  const Explanation e = f.RunRule("not-from-cn");
  const RuleExplanation& r = e.activities[0].rules[0];
  REQUIRE(r.evaluations.size() == 2);
  const ConditionNode& rifles = r.evaluations[0].tree;
  REQUIRE(rifles.children.size() == 2);
  const ConditionNode& not_cn = rifles.children[0];
  CHECK(not_cn.kind == "not in");
  CHECK(not_cn.text == "from.country not in [CN]");
  CHECK(not_cn.value == Truth::kTrue);
  CHECK(not_cn.children.empty());
  REQUIRE(not_cn.facts.size() == 1);
  CHECK(not_cn.facts[0].value == "RU (Rus Co)");
  CHECK(rifles.children[1].text == "item.hs != 10");
  CHECK(rifles.children[1].value == Truth::kTrue);
  CHECK(r.evaluations[1].tree.children[1].value == Truth::kFalse);  // wheat is under chapter 10
  const std::string text = RenderExplanationText(e);
  CHECK(text.find("from.country not in [CN]: true") != std::string::npos);
}

TEST_CASE("--rule narrows to one rule and the text says why it did not apply") {
  Fixture f(kScenario);
  const Explanation e = f.RunRule("launches");
  const std::string text = RenderExplanationText(e);
  CHECK(text.find("activity type: does not apply (the rule covers launch; this is supply)") != std::string::npos);
  const std::string json = RenderExplanationJson(e);
  CHECK(json.find("\"applies\": false") != std::string::npos);
}

TEST_CASE("an activity-level rule is evaluated once, with the party it read") {
  Fixture f(R"(scenario: s
date: 2020-01-01
parties:
  kp: {name: Kor Co, country: KP}
  ru: {name: Rus Co, country: RU}
activities:
  - {id: l, type: launch, from: kp, vehicle: ballistic-missile}
)");
  const Explanation e = f.Run();
  const auto& launch = e.activities[0].rules[2];
  REQUIRE(launch.evaluations.size() == 1);
  CHECK(launch.evaluations[0].tree.value == Truth::kTrue);
  CHECK(launch.evaluations[0].tree.facts[0].value == "KP (Kor Co)");
  REQUIRE(launch.findings.size() == 1);
  CHECK(launch.findings[0].verdict == Verdict::kProhibited);
}

}  // namespace
}  // namespace sancheck::explain
