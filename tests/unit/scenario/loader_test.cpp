// Scenario loader: every part of the format loads; every kind of bad input gives an exact, positioned error.
#include <doctest/doctest.h>

#include "sancheck/scenario.hpp"

namespace sancheck {
namespace {

std::string Errors(const std::string& text) {
  Diagnostics diags;
  ParseScenarioText("s.yaml", text, diags);
  return diags.RenderAll();
}

const char* kHeader =
    "scenario: s1\n"
    "parties:\n"
    "  kp: {name: A, country: KP, kind: government}\n"
    "  ru: {name: B, country: RU}\n"
    "  ship: {name: C, country: KP, kind: vessel, imo: \"1234567\"}\n"
    "activities:\n";

TEST_SUITE("scenario.loader") {
  TEST_CASE("every activity type and key loads") {
    const std::string text = std::string(kHeader) +
        "    - {id: a1, type: supply, from: kp, to: ru, via: [CN], vessel: ship, date: 2020-01-02,\n"
        "     exemption: {kind: committee-approval, reference: x},\n"
        "     items: [{description: d, hs: \"8802.60\", tags: [satellite], quantity: 1, unit: pcs, value_usd: 5, origin: KP}]}\n"
        "    - {id: a2, type: service, from: ru, to: kp, service: training, amount_usd: 10, subject: [{description: s}]}\n"
        "    - {id: a3, type: travel, person: kp, destination: RU}\n"
        "    - {id: a4, type: employment, from: kp, to: ru, workers: 30}\n"
        "    - {id: a5, type: joint-venture, parties: [kp, ru], amount_usd: 1}\n"
        "    - {id: a6, type: launch, from: kp, vehicle: satellite-launcher}\n"
        "    - {id: a7, type: nuclear-test, from: kp}\n"
        "    - {id: a8, type: port-call, vessel: ship, port_country: RU}\n"
        "    - {id: a9, type: ship-to-ship, from: ship, to: ship, items: [{description: oil}]}\n"
        "---\n"
        "scenario: s2\nparties: {x: {name: X, country: DE}}\nactivities: [{id: b, type: nuclear-test, from: x}]\n";
    Diagnostics diags;
    auto scenarios = ParseScenarioText("s.yaml", text, diags);
    CHECK(diags.RenderAll() == "");
    REQUIRE(scenarios.size() == 2);
    const Scenario& s = scenarios[0];
    REQUIRE(s.activities.size() == 9);
    CHECK(s.activities[0].items[0].hs->ToString() == "880260");
    CHECK(s.activities[0].via[0].ToString() == "CN");
    CHECK(s.activities[0].exemption->kind == ExemptionKind::kCommitteeApproval);
    CHECK(s.activities[0].exemption->name == "committee-approval");
    CHECK(s.activities[1].items.size() == 1);  // the service's subject
    CHECK(*s.activities[3].workers == 30);
    CHECK(s.activities[4].parties.size() == 2);
    CHECK(s.parties[2].imo == "1234567");
    CHECK(s.parties[1].kind == PartyKind::kCompany);  // the default kind
  }

  TEST_CASE("errors are exact and positioned") {
    const std::pair<std::string, std::string> table[] = {
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: nobody, items: [{description: d}]}\n",
         "s.yaml:7:41: error: 'to' names no party: 'nobody' is not under parties [scenario.unknown_party]\n"
         "    - {id: a, type: supply, from: kp, to: nobody, items: [{description: d}]}\n"
         "                                          ^\n"},
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: ru, items: [{description: d, hss: 93}]}\n",
         "s.yaml:7:70: error: unknown key 'hss' in an item (did you mean 'hs'?) [scenario.unknown_key]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, hss: 93}]}\n"
         "                                                                       ^\n"},
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: ru, items: [{description: d, price: 93}]}\n",
         "s.yaml:7:70: error: unknown key 'price' in an item; expected one of: description, hs, tags, quantity, "
         "unit, value_usd, origin [scenario.unknown_key]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, price: 93}]}\n"
         "                                                                       ^\n"},
        {std::string(kHeader) + "  - {id: a, type: supply, form: kp, from: kp, to: ru, items: [{description: d}]}\n",
         "s.yaml:7:27: error: unknown key 'form' in a supply activity (did you mean 'from'?) [scenario.unknown_key]\n"
         "    - {id: a, type: supply, form: kp, from: kp, to: ru, items: [{description: d}]}\n"
         "                            ^\n"},
        {std::string(kHeader) + "  - {id: a, type: travel, person: kp, destination: Iran}\n",
         "s.yaml:7:52: error: unknown country code 'Iran' in destination (did you mean 'IR'?) [scenario.bad_country]\n"
         "    - {id: a, type: travel, person: kp, destination: Iran}\n"
         "                                                     ^\n"},
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: ru, items: [{description: d, unit: tonnes}]}\n",
         "s.yaml:7:76: error: unknown unit 'tonnes' (did you mean 't'?); expected one of: pcs, kg, t, l, bbl, m3, "
         "MWh (see docs/scenario-format.md#units) [scenario.bad_value]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, unit: tonnes}]}\n"
         "                                                                             ^\n"},
        // Not 'kg' by its spelling: a kilolitre is a cubic metre, a thousand times more.
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: ru, items: [{description: d, unit: kl}]}\n",
         "s.yaml:7:76: error: unknown unit 'kl' (did you mean 'm3', a kilolitre is a cubic metre?); expected one of: "
         "pcs, kg, t, l, bbl, m3, MWh (see docs/scenario-format.md#units) [scenario.bad_value]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, unit: kl}]}\n"
         "                                                                             ^\n"},
        // A key hinted at is not among the keys the next one is told to be; '3' is no respelling of 'hs'.
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: ru, items: [{description: d, hss: 9, 3: 1}]}\n",
         "s.yaml:7:70: error: unknown key 'hss' in an item (did you mean 'hs'?) [scenario.unknown_key]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, hss: 9, 3: 1}]}\n"
         "                                                                       ^\n"
         "s.yaml:7:78: error: unknown key '3' in an item; expected one of: description, hs, tags, quantity, "
         "unit, value_usd, origin [scenario.unknown_key]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, hss: 9, 3: 1}]}\n"
         "                                                                               ^\n"},
        {std::string(kHeader) + "  - {id: a, type: suply, from: kp, to: ru, items: [{description: d}]}\n",
         "s.yaml:7:19: error: unknown activity type 'suply' (did you mean 'supply'?); expected one of: supply, service, "
         "travel, employment, joint-venture, launch, nuclear-test, port-call, ship-to-ship "
         "(see docs/scenario-format.md#activity-types) [scenario.bad_value]\n"
         "    - {id: a, type: suply, from: kp, to: ru, items: [{description: d}]}\n"
         "                    ^\n"},
        {std::string(kHeader) + "  - {id: a, type: service, from: kp, to: ru, service: insurence}\n",
         "s.yaml:7:55: error: unknown service 'insurence' (did you mean 'insurance'?); expected one of: "
         "technical-assistance, training, scientific-cooperation, maintenance, financial, banking, insurance, "
         "investment, crew, bunkering, flagging, chartering, classification, transport, military-demonstration, "
         "property, brokering, other (see docs/scenario-format.md#services) [scenario.bad_value]\n"
         "    - {id: a, type: service, from: kp, to: ru, service: insurence}\n"
         "                                                        ^\n"},
        {"scenario: s1\nparties:\n  kp: {name: A, country: KP, kind: firm}\nactivities:\n"
         "  - {id: a, type: nuclear-test, from: kp}\n",
         "s.yaml:3:36: error: unknown party kind 'firm'; expected one of: state, government, military, company, bank, "
         "individual, vessel, organisation (see docs/scenario-format.md#party-kinds) [scenario.bad_value]\n"
         "    kp: {name: A, country: KP, kind: firm}\n"
         "                                     ^\n"},
        {std::string(kHeader) + "  - {id: a, type: launch, from: kp, vehicle: rocket}\n",
         "s.yaml:7:46: error: unknown vehicle 'rocket'; expected one of: ballistic-missile, satellite-launcher, "
         "cruise-missile (see docs/scenario-format.md#vehicles) [scenario.bad_value]\n"
         "    - {id: a, type: launch, from: kp, vehicle: rocket}\n"
         "                                               ^\n"},
        {std::string(kHeader) + "  - {id: a, type: travel, person: kp, destination: RU, date: 2023-02-30}\n",
         "s.yaml:7:62: error: bad date '2023-02-30' in the activity date (expected a calendar date "
         "YYYY-MM-DD of the years 1900 to 9999) [scenario.bad_date]\n"
         "    - {id: a, type: travel, person: kp, destination: RU, date: 2023-02-30}\n"
         "                                                               ^\n"},
        {std::string(kHeader) + "  - {id: a, type: travel, person: kp, destination: SU}\n",
         "s.yaml:7:52: error: unknown country code 'SU' in destination (expected ISO 3166-1 alpha-2 in "
         "capitals, e.g. KP, RU) [scenario.bad_country]\n"
         "    - {id: a, type: travel, person: kp, destination: SU}\n"
         "                                                     ^\n"},
        {std::string(kHeader) + "  - {id: a, type: nuclear-test, from: kp}\n  - {id: a, type: nuclear-test, from: kp}\n",
         "s.yaml:8:10: error: duplicate activity id 'a' in scenario 's1' [scenario.duplicate_id]\n"
         "    - {id: a, type: nuclear-test, from: kp}\n"
         "           ^\n"},
        {std::string(kHeader) + "  - {id: a, type: supply, from: kp, to: ru, items: [{description: d, quantity: lots}]}\n",
         "s.yaml:7:80: error: quantity must be a number, found 'lots' [scenario.wrong_type]\n"
         "    - {id: a, type: supply, from: kp, to: ru, items: [{description: d, quantity: lots}]}\n"
         "                                                                                 ^\n"},
        {std::string(kHeader) + "  - {id: a, type: travel, person: kp, destination: RU, items: []}\n",
         "s.yaml:7:56: error: unknown key 'items' in a travel activity; expected one of: id, type, date, "
         "description, via, vessel, exemption, for, person, destination [scenario.unknown_key]\n"
         "    - {id: a, type: travel, person: kp, destination: RU, items: []}\n"
         "                                                         ^\n"},
        {"scenario: s\nparties: {}\nactivities: [\n",
         "s.yaml:4:1: error: invalid YAML: end of sequence flow not found [scenario.yaml]\n"},
    };
    for (const auto& [text, expected] : table) {
      CAPTURE(text);
      CHECK(Errors(text) == expected);
    }
  }

  TEST_CASE("for: links an activity to the one it serves, later ones too, unknown, self and cycles are errors") {
    Diagnostics diags;
    const auto scenarios = ParseScenarioText("s.yaml", std::string(kHeader) +
        "    - {id: pay, type: service, from: ru, to: kp, service: financial, for: shells}\n"
        "    - {id: shells, type: supply, from: kp, to: ru, items: [{description: d}]}\n", diags);
    REQUIRE_FALSE(diags.HasErrors());
    CHECK(scenarios[0].activities[0].serves == 1);
    CHECK(scenarios[0].activities[1].serves == -1);
    CHECK(Errors(std::string(kHeader) + "    - {id: pay, type: service, from: ru, to: kp, service: financial, for: shels}\n") ==
          "s.yaml:7:75: error: 'for' names no activity of scenario 's1': 'shels' [scenario.unknown_activity]\n"
          "      - {id: pay, type: service, from: ru, to: kp, service: financial, for: shels}\n"
          "                                                                            ^\n");
    CHECK(Errors(std::string(kHeader) + "    - {id: a, type: nuclear-test, from: kp, for: a}\n").find(
              "an activity cannot serve itself ('for: a') [scenario.bad_value]") != std::string::npos);
    CHECK(Errors(std::string(kHeader) + "    - {id: a, type: nuclear-test, from: kp, for: b}\n"
                 "    - {id: b, type: nuclear-test, from: kp, for: a}\n").find("form a cycle") != std::string::npos);
    // A chain leading into a cycle: the cycle is named by an activity on it, not the chain's start.
    CHECK(Errors(std::string(kHeader) + "    - {id: a, type: nuclear-test, from: kp, for: b}\n"
                 "    - {id: b, type: nuclear-test, from: kp, for: c}\n"
                 "    - {id: c, type: nuclear-test, from: kp, for: b}\n")
              .find("form a cycle through activity 'b'") != std::string::npos);
    // A long chain (each serving the next) resolves: every link kept, no cycle.
    std::string chain = kHeader;
    constexpr int kLinks = 3000;
    for (int i = 0; i < kLinks; ++i) {
      chain += "    - {id: a" + std::to_string(i) + ", type: nuclear-test, from: kp" +
               (i + 1 < kLinks ? ", for: a" + std::to_string(i + 1) : std::string()) + "}\n";
    }
    Diagnostics chain_diags;
    const auto chained = ParseScenarioText("s.yaml", chain, chain_diags);
    REQUIRE_FALSE(chain_diags.HasErrors());
    CHECK(chained[0].activities[0].serves == 1);
    CHECK(chained[0].activities[kLinks - 2].serves == kLinks - 1);
    CHECK(chained[0].activities[kLinks - 1].serves == -1);
  }

  TEST_CASE("a scenario needs its keys, a valid id and activities") {
    CHECK(Errors("scenario: Bad_Id\nparties: {}\nactivities: []\n") ==
          "s.yaml:1:11: error: scenario id 'Bad_Id' must match [a-z0-9][a-z0-9._-]* (lower case, digits, . _ -) "
          "[scenario.bad_id]\n"
          "  scenario: Bad_Id\n"
          "            ^\n"
          "s.yaml:3:13: error: activities must be a non-empty list, found a list [scenario.wrong_type]\n"
          "  activities: []\n"
          "              ^\n");
    CHECK(Errors("title: x\n").find("a scenario needs 'scenario'") != std::string::npos);
    CHECK(Errors("") == "s.yaml:1:1: error: the file holds no scenario [scenario.empty]\n");
  }
}

}  // namespace
}  // namespace sancheck
