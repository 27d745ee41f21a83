// The judging core with the built-in UN pack: possible-match wording, for: links, stale lists, later candidates.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "sancheck/checker.hpp"

namespace sancheck {
namespace {

struct Judged {
  RunResult run;
  const ActivityResult& Activity(const std::string& id) const {
    for (const auto& a : run.scenarios.front().activities) {
      if (a.id == id) return a;
    }
    FAIL("no activity " << id);
    return run.scenarios.front().activities.front();
  }
};

Judged Judge(const std::string& text, int max_age_days = 180, bool validate = true) {
  Diagnostics diags;
  auto scenarios = ParseScenarioText("t.yaml", text, diags);
  CheckOptions options;
  options.clock = std::make_shared<FixedClock>(1700000000);  // 2023-11-14
  options.designations_max_age_days = max_age_days;
  auto checker = Checker::Load(options, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  if (validate) {
    checker->Validate(scenarios, diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  }
  return {checker->Check(scenarios)};
}

// What parsing the text and Checker::Validate say of it, with the built-in packs.
Diagnostics Validated(const std::string& text) {
  Diagnostics diags;
  auto scenarios = ParseScenarioText("t.yaml", text, diags);
  CheckOptions options;
  auto checker = Checker::Load(options, diags);
  REQUIRE(checker);
  checker->Validate(scenarios, diags);
  return diags;
}

const Finding* FindingOf(const ActivityResult& a, const std::string& rule) {
  const auto it = std::find_if(a.findings.begin(), a.findings.end(), [&](const Finding& f) { return f.rule == rule; });
  return it == a.findings.end() ? nullptr : &*it;
}

TEST_SUITE("judge.builtin_pack") {
  TEST_CASE("a possible match says what to confirm, not that the party is designated") {
    const auto j = Judge(R"(scenario: s
parties:
  ship: {name: Chon Ma San, country: PA, kind: vessel}
activities:
  - {id: call, type: port-call, date: 2023-09-13, vessel: ship, port_country: RU}
)");
    const ActivityResult& a = j.Activity("call");
    CHECK(a.verdict == Verdict::kReview);
    bool worded = false;
    for (const auto& f : a.findings) {
      if (!f.match || !f.match->possible) continue;
      CHECK(f.verdict == Verdict::kReview);
      CHECK(f.message.rfind("Possible match of party 'ship' with CHON MA SAN (VSL.CHON-MA-SAN, score 0.", 0) == 0);
      CHECK(f.message.find("confirm the IMO number and flag") != std::string::npos);
      CHECK(f.message.find("Cannot be decided") == std::string::npos);
      worded = true;
    }
    CHECK(worded);
  }

  TEST_CASE("a party whose name screening cannot read is reviewed, never cleared (as in batch)") {
    const auto j = Judge(R"(scenario: s
parties:
  odd: {name: "!!!", country: CN}
  plain: {name: Meridian Resources Inc., country: CN}
activities:
  - {id: odd, type: supply, date: 2023-09-13, from: odd, to: plain, items: [{description: shirts, hs: "620520"}]}
  - {id: plain, type: supply, date: 2023-09-13, from: plain, to: plain, items: [{description: shirts, hs: "620520"}]}
)");
    CHECK(j.Activity("odd").verdict == Verdict::kReview);
    CHECK(FindingOf(j.Activity("odd"), "un-dprk/asset-freeze-designated") != nullptr);
    CHECK(j.Activity("plain").verdict == Verdict::kPermitted);
  }

  TEST_CASE("a payment for a prohibited shipment is prohibited, one for a permitted shipment is not") {
    const auto j = Judge(R"(scenario: s
parties:
  kp: {name: Korea Example Trading, country: KP, kind: company}
  ru: {name: Example Defence Buyer, country: RU, kind: company}
  bank: {name: Example Bank, country: RU, kind: bank}
activities:
  - {id: pay-shells, type: service, date: 2023-09-13, from: bank, to: kp, service: financial, for: shells}
  - {id: shells, type: supply, date: 2023-09-13, from: kp, to: ru, items: [{description: shells, hs: "9306.90"}]}
  - {id: pay-wheat, type: service, date: 2023-09-13, from: bank, to: ru, service: financial, for: wheat}
  - {id: wheat, type: supply, date: 2023-09-13, from: ru, to: ru, items: [{description: wheat, hs: "1001.99", tags: [food]}]}
)");
    CHECK(j.Activity("shells").verdict == Verdict::kProhibited);
    CHECK(FindingOf(j.Activity("pay-shells"), "un-dprk/financial-services-for-prohibited-activity"));
    CHECK(j.Activity("pay-shells").verdict == Verdict::kProhibited);
    CHECK_FALSE(FindingOf(j.Activity("pay-wheat"), "un-dprk/financial-services-for-prohibited-activity"));
    CHECK_FALSE(FindingOf(j.Activity("pay-wheat"), "un-dprk/service-for-prohibited-activity"));
  }

  TEST_CASE("a stated designation not yet in force does not hide what the name matches") {
    const auto j = Judge(R"(scenario: s
parties:
  kp: {name: Yun Ho-jin, country: KP, kind: individual, designated: KPi.013}
  cn: {name: Example Trader, country: CN, kind: company}
activities:
  - {id: a, type: supply, date: 2012-05-01, from: cn, to: kp, items: [{description: coffee, hs: "0901"}]}
)");
    const Finding* f = FindingOf(j.Activity("a"), "un-dprk/asset-freeze-designated");
    REQUIRE(f);
    CHECK(f->verdict == Verdict::kProhibited);
    REQUIRE(f->match);
    CHECK(f->match->reference == "KPi.001");  // YUN HO-JIN, listed 2009; KPi.013 only from 2016
  }

  TEST_CASE("a finding on a joint venture names the listed partner it matched") {
    const auto j = Judge(R"(scenario: s
parties:
  kp: {name: Korea Ryonbong General Corporation, country: KP, kind: company}
  cn: {name: Example Partner, country: CN, kind: company}
activities:
  - {id: jv, type: joint-venture, date: 2023-09-13, parties: [kp, cn], amount_usd: 100}
)");
    const Finding* f = FindingOf(j.Activity("jv"), "un-dprk/asset-freeze-designated");
    REQUIRE(f);
    REQUIRE(f->match);
    CHECK(f->match->party == "kp");
  }

  TEST_CASE("judged without Validate, a misspelt tag is undecided, never a silent no") {
    const std::string text = R"(scenario: s
parties:
  kp: {name: Example Export Company, country: KP, kind: company}
  ru: {name: Example Buyer, country: RU, kind: company}
activities:
  - {id: shells, type: supply, date: 2023-09-13, from: kp, to: ru, items: [{description: shells, tags: [amunition]}]}
)";
    CHECK(Validated(text).HasErrors());  // Validate refuses it ...
    const auto j = Judge(text, 180, false);
    CHECK(j.Activity("shells").verdict != Verdict::kPermitted);  // ... and judging it anyway fails closed
    const Finding* f = FindingOf(j.Activity("shells"), "un-dprk/arms-from-dprk");
    REQUIRE(f);
    CHECK(f->verdict == Verdict::kReview);
    CHECK(f->undecided);
  }

  TEST_CASE("a stated designation no loaded list holds is judged as stated, with a warning") {
    const std::string text = R"(scenario: s
parties:
  cn: {name: Example Trading Co, country: CN, kind: company, designated: KPe.999}
  kp: {name: Example Importer, country: KP, kind: company, designated: KPe.001}
  ru: {name: Example Buyer, country: RU, kind: company}
activities:
  - {id: wheat, type: supply, date: 2020-01-02, from: cn, to: ru, items: [{description: wheat, hs: "1001.99"}]}
)";
    const Diagnostics diags = Validated(text);
    CHECK_FALSE(diags.HasErrors());
    // One warning, for the reference no list holds (KPe.001 is listed), at its party.
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items().front().Render().rfind("t.yaml:3:3: warning: party 'cn' is stated designated as 'KPe.999'", 0) == 0);
    CHECK(Judge(text).Activity("wheat").verdict == Verdict::kProhibited);  // taken as stated: fail closed
  }

  TEST_CASE("an activity dated long after the designation list's snapshot gets the stale-data review") {
    const std::string text = R"(scenario: s
parties:
  de: {name: Example Exporter GmbH, country: DE, kind: company}
  eg: {name: Example Importer, country: EG, kind: company}
activities:
  - {id: late, type: supply, date: 2026-01-15, from: de, to: eg, items: [{description: coffee, hs: "0901"}]}
  - {id: early, type: supply, date: 2025-01-15, from: de, to: eg, items: [{description: coffee, hs: "0901"}]}
)";
    const auto j = Judge(text);
    CHECK(FindingOf(j.Activity("late"), "un-dprk/designation-data-stale"));
    CHECK(j.Activity("late").verdict == Verdict::kReview);
    CHECK_FALSE(FindingOf(j.Activity("early"), "un-dprk/designation-data-stale"));
    // The limit is a setting: with two years allowed, neither is stale.
    CHECK_FALSE(FindingOf(Judge(text, 730).Activity("late"), "un-dprk/designation-data-stale"));
  }
}

}  // namespace
}  // namespace sancheck
