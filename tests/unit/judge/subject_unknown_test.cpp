// A service whose subject is not given: item-scoped rules judge it once with the item unknown.
#include <doctest/doctest.h>

#include <algorithm>

#include "../impact/memory_pack.hpp"
#include "explain/explain.hpp"

namespace sancheck {
namespace {

// Three rules: two read the item (its HS code; its origin), one bans a kind of service whatever
// it concerns.
constexpr const char* kPack = R"(pack: acme
version: "1"
rules:
  - id: gadget-services
    title: Services for gadgets to the DPRK
    verdict: prohibited
    effective: 2020-01-01
    applies_to: [service]
    citations: [{resolution: "ACME policy", paragraph: "1", text: "ACME policy 1"}]
    when: to.country == KP and item.hs in [8471]
    message: no gadget services
  - id: dprk-made-services
    title: Services about goods made in the DPRK
    verdict: review
    effective: 2020-01-01
    applies_to: [service, employment]
    citations: [{resolution: "ACME policy", paragraph: "2", text: "ACME policy 2"}]
    when: item.origin == KP
    message: DPRK goods
  - id: banking-for-kp
    title: Banking for the DPRK
    verdict: prohibited
    effective: 2020-01-01
    applies_to: [service]
    citations: [{resolution: "ACME policy", paragraph: "3", text: "ACME policy 3"}]
    when: service == banking and to.country == KP
    message: no banking
)";

// One capped rule over supplies and services: fuel to the DPRK and its carriage.
constexpr const char* kCappedPack = R"yaml(pack: capped
version: "1"
rules:
  - id: fuel
    title: Fuel to KP and its carriage (capped)
    verdict: review
    effective: 2017-01-01
    applies_to: [supply, service]
    citations: [{resolution: "ACME", paragraph: "5"}]
    when: to.country == KP and item.hs in [2710]
    message: Capped.
    cap: {limit: 100, unit: bbl, period: calendar-year}
)yaml";

struct Loaded {
  std::unique_ptr<Checker> checker;
  std::vector<Scenario> scenarios;
};

Loaded Load(const std::string& activities, const char* pack = kPack) {
  Loaded out{testing::MemoryPack(pack), {}};
  Diagnostics diags;
  out.scenarios = ParseScenarioText("s.yaml", R"(scenario: s
date: 2024-01-02
parties:
  de: {name: Example GmbH, country: DE, kind: company}
  fr: {name: Example SARL, country: FR, kind: company}
  kp: {name: Example Importer, country: KP, kind: company}
activities:
)" + activities, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  return out;
}

RunResult Judge(const std::string& activities) {
  const Loaded l = Load(activities);
  return l.checker->Check(l.scenarios);
}

std::string ExplainText(const std::string& activities, const std::string& rule) {
  const Loaded l = Load(activities);
  explain::ExplainOptions options;
  options.rule = rule;
  Diagnostics diags;
  return explain::RenderExplanationText(explain::Explain(*l.checker, l.scenarios, options, std::nullopt, diags));
}

std::vector<std::string> RulesOf(const ActivityResult& a) {
  std::vector<std::string> out;
  for (const Finding& f : a.findings) out.push_back(f.rule);
  return out;
}

TEST_SUITE("judge.subject_unknown") {
  TEST_CASE("a service to the DPRK without its subject is review by the rule reading the item") {
    const RunResult run = Judge("  - {id: a, type: service, service: maintenance, from: de, to: kp}\n");
    const ActivityResult& a = run.scenarios.front().activities.front();
    CHECK(a.verdict == Verdict::kReview);
    REQUIRE(RulesOf(a) == std::vector<std::string>{"acme/gadget-services"});
    const Finding& f = a.findings.front();
    CHECK(f.undecided);
    CHECK(f.item == -1);
    CHECK(f.message.find("service's subject") != std::string::npos);
  }

  TEST_CASE("given its subject, the same service is judged by it") {
    const RunResult gadgets = Judge(
        "  - {id: a, type: service, service: maintenance, from: de, to: kp, subject: [{description: laptops, hs: '8471.30'}]}\n");
    CHECK(gadgets.scenarios.front().activities.front().verdict == Verdict::kProhibited);
    const RunResult ovens = Judge(
        "  - {id: a, type: service, service: maintenance, from: de, to: kp, subject: [{description: ovens, hs: '8419.81'}]}\n");
    CHECK(ovens.scenarios.front().activities.front().verdict == Verdict::kPermitted);
  }

  TEST_CASE("the unknown subject has the default origin: the provider's country") {
    // Between two companies outside the DPRK nothing suggests DPRK goods.
    const RunResult others = Judge("  - {id: a, type: service, service: transport, from: de, to: fr}\n");
    CHECK(others.scenarios.front().activities.front().verdict == Verdict::kPermitted);
    // From a DPRK company the subject is DPRK-made unless the file says otherwise.
    const RunResult from_kp = Judge("  - {id: a, type: service, service: transport, from: kp, to: fr}\n");
    const ActivityResult& a = from_kp.scenarios.front().activities.front();
    CHECK(RulesOf(a) == std::vector<std::string>{"acme/dprk-made-services"});
    CHECK_FALSE(a.findings.front().undecided);  // decided: the default origin is known
  }

  TEST_CASE("beside a finding that decides the activity, the subject's question stays listed") {
    // A waiver of the banking finding must not leave the gadget question unasked.
    const RunResult run = Judge("  - {id: a, type: service, service: banking, from: de, to: kp}\n");
    const ActivityResult& a = run.scenarios.front().activities.front();
    CHECK(a.verdict == Verdict::kProhibited);
    CHECK(RulesOf(a) == std::vector<std::string>{"acme/banking-for-kp", "acme/gadget-services"});
  }

  TEST_CASE("a service without its subject is judged on the goods of the activity it serves") {
    const RunResult flour = Judge(
        "  - {id: s, type: supply, from: de, to: kp, items: [{description: flour, hs: '1101.00'}]}\n"
        "  - {id: a, type: service, service: transport, from: fr, to: kp, for: s}\n");
    const ActivityResult& carried = flour.scenarios.front().activities[1];
    CHECK(carried.verdict == Verdict::kPermitted);
    CHECK(carried.findings.empty());
    // Along a chain (insurance for the transport of a supply), and naming the supply's item.
    const RunResult laptops = Judge(
        "  - {id: cover, type: service, service: insurance, from: fr, to: kp, for: haul}\n"
        "  - {id: haul, type: service, service: transport, from: fr, to: kp, for: s}\n"
        "  - {id: s, type: supply, from: de, to: kp, items: [{description: laptops, hs: '8471.30'}]}\n");
    for (size_t i : {0U, 1U}) {
      const ActivityResult& a = laptops.scenarios.front().activities[i];
      CHECK(a.verdict == Verdict::kProhibited);
      REQUIRE(RulesOf(a) == std::vector<std::string>{"acme/gadget-services"});
      CHECK(a.findings.front().item == 0);
      CHECK(a.findings.front().item_description == "laptops");
    }
  }

  TEST_CASE("a capped rule on a service judged on served goods does not count them twice") {
    const Loaded l = Load(
        "  - {id: s, type: supply, date: 2018-01-02, from: de, to: kp, items: [{description: diesel, hs: '2710.19', quantity: 80, unit: bbl}]}\n"
        "  - {id: a, type: service, service: transport, date: 2018-01-02, from: fr, to: kp, for: s}\n"
        "  - {id: t, type: supply, date: 2018-02-01, from: de, to: kp, items: [{description: diesel, hs: '2710.19', quantity: 30, unit: bbl}]}\n",
        kCappedPack);
    const RunResult run = l.checker->Check(l.scenarios);
    const auto& acts = run.scenarios.front().activities;
    CHECK(acts[0].verdict == Verdict::kReview);      // 80 of 100
    CHECK(acts[1].verdict == Verdict::kReview);      // the carriage: not a second delivery of 80
    CHECK(acts[2].verdict == Verdict::kProhibited);  // 110: crosses the cap once, not at 190
    CHECK(acts[2].findings.front().cap_note.find("running total 110") != std::string::npos);
  }

  TEST_CASE("a service serving an activity without items is judged with the item unknown") {
    const RunResult run = Judge(
        "  - {id: t, type: employment, from: kp, to: de}\n"
        "  - {id: a, type: service, service: maintenance, from: fr, to: kp, for: t}\n");
    CHECK(RulesOf(run.scenarios.front().activities[1]) == std::vector<std::string>{"acme/gadget-services"});
  }

  TEST_CASE("activities that carry no items are not judged by item-scoped rules") {
    const RunResult run = Judge("  - {id: a, type: employment, from: kp, to: de}\n");
    CHECK(run.scenarios.front().activities.front().findings.empty());
  }
  TEST_CASE("explain shows the unknown subject's facts") {
    const std::string maintenance =
        ExplainText("  - {id: a, type: service, service: maintenance, from: de, to: kp}\n", "gadget-services");
    CHECK(maintenance.find("item.hs in [8471]: unknown   [item.hs = unknown (no subject given)]") != std::string::npos);
    CHECK(maintenance.find("finding: review: Cannot be decided without the service's subject") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
