// The pack diff's aspects and the grouping of changed activities: stricter, looser, re-cited, not compared.
#include <doctest/doctest.h>

#include <stdexcept>

#include "impact/impact.hpp"
#include "memory_pack.hpp"

namespace sancheck::impact {
namespace {

const char* kHeader = R"(pack: p
version: '1'
exemptions:
  approval: {title: approval, citations: [{resolution: '9', paragraph: '1'}], text: approved}
)";

std::string Rule(const std::string& id, const std::string& fields) {
  return "  - {id: " + id + ", title: " + id + ", message: m, applies_to: [supply], " + fields + "}\n";
}

std::unique_ptr<Checker> Pack(const std::string& rules, const std::string& header_extra = "") {
  return testing::MemoryPack(kHeader + header_extra + "rules:\n" + rules);
}

std::vector<Scenario> Scenarios(const std::string& activities) {
  Diagnostics diags;
  auto s = ParseScenarioText("s.yaml", "scenario: s\nparties:\n  de: {name: Seller, country: DE, kind: company}\n"
                                       "  kp: {name: Buyer, country: KP, kind: company}\nactivities:\n" + activities,
                             diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  return s;
}

const std::string kBan = "verdict: prohibited, effective: 2020-01-01, citations: [{resolution: '1', paragraph: '1'}], when: to.country == KP";
const std::string kNote = "verdict: review, effective: 2020-01-01, citations: [{resolution: '2', paragraph: '2'}], when: to.country == KP";

TEST_SUITE("impact.diff") {
  TEST_CASE("rules added, removed, re-dated, re-cited, with other exemptions, verdicts and types") {
    const auto before = Pack(Rule("gone", kBan) + Rule("moved", kBan) + Rule("cited", kBan) + Rule("exempt", kBan) +
                             Rule("milder", kBan) + Rule("same", kBan));
    const auto after = Pack(
        Rule("moved", "verdict: prohibited, effective: 2021-06-01, until: 2030-12-31, citations: [{resolution: '1', paragraph: '1'}], when: to.country == KP") +
        Rule("cited", "verdict: prohibited, effective: 2020-01-01, citations: [{resolution: '1', paragraph: '1(b)'}], when: to.country == KP") +
        Rule("exempt", kBan + ", exemptions: [{kind: approval}]") +
        Rule("milder", "verdict: review, effective: 2020-01-01, citations: [{resolution: '1', paragraph: '1'}], when: to.country == KP") +
        Rule("same", kBan) + Rule("fresh", kNote));
    const Impact impact = BuildImpact(*before, *after, {}, std::nullopt);
    std::vector<std::string> got;
    for (const auto& d : impact.diff.rules) {
      std::string aspects;
      for (const auto& a : d.Aspects()) aspects += (aspects.empty() ? "" : ",") + a;
      got.push_back(d.id + ":" + aspects);
    }
    CHECK(got == std::vector<std::string>{"p/cited:re-cited", "p/exempt:exemptions", "p/fresh:added", "p/gone:removed",
                                          "p/milder:verdict", "p/moved:re-dated"});
    const RuleDiff* exempt = impact.diff.Find("p/exempt");
    REQUIRE(exempt);
    CHECK(exempt->exemptions_added == std::vector<std::string>{"approval"});
    CHECK(impact.diff.Find("p/same") == nullptr);
  }

  TEST_CASE("a condition rewritten without changing its meaning is no change") {
    const auto before = Pack(Rule("r", "verdict: prohibited, effective: 2020-01-01, citations: [{resolution: '1', paragraph: '1'}], "
                                       "when: to.country == KP and from.country == DE"));
    const auto after = Pack(Rule("r", "verdict: prohibited, effective: 2020-01-01, citations: [{resolution: '1', paragraph: '1'}], "
                                      "when: from.country == DE   and to.country == KP"));
    CHECK(BuildImpact(*before, *after, {}, std::nullopt).diff.rules.empty());
  }

  TEST_CASE("exemption kinds whose window moved and sets whose members changed are listed") {
    const auto before = Pack(Rule("r", kBan), "sets:\n  near: {type: country, values: [KP, CN]}\n");
    const auto after = Pack(Rule("r", kBan),
                            "  late: {title: late, citations: [{resolution: '9', paragraph: '2'}], from: 2022-01-01, text: t}\n"
                            "sets:\n  near: {type: country, values: [KP, RU]}\n");
    const Impact impact = BuildImpact(*before, *after, {}, std::nullopt);
    REQUIRE(impact.diff.sets.size() == 1);
    CHECK(impact.diff.sets.front().added == std::vector<std::string>{"RU"});
    CHECK(impact.diff.sets.front().removed == std::vector<std::string>{"CN"});
    REQUIRE(impact.diff.kinds.size() == 1);
    CHECK(impact.diff.kinds.front().name == "late");
    CHECK(impact.diff.kinds.front().before.empty());
    CHECK(impact.diff.kinds.front().after == "from 2022-01-01");
  }
}

TEST_SUITE("impact.activities") {
  TEST_CASE("verdicts up are stricter, down looser, the same verdict on other citations re-cited") {
    const auto before = Pack(Rule("ban", kBan) + Rule("note", kNote));
    const auto after = Pack(
        Rule("ban", "verdict: prohibited, effective: 2023-01-01, citations: [{resolution: '1', paragraph: '1'}], when: to.country == KP") +
        Rule("note", "verdict: review, effective: 2020-01-01, citations: [{resolution: '3', paragraph: '3'}], when: to.country == KP") +
        Rule("new-ban", "verdict: prohibited, effective: 2020-01-01, citations: [{resolution: '4', paragraph: '4'}], when: to.country == DE"));
    const auto scenarios = Scenarios(
        "  - {id: early, type: supply, date: 2021-05-01, from: de, to: kp, items: [{description: x}]}\n"
        "  - {id: late, type: supply, date: 2024-05-01, from: de, to: kp, items: [{description: x}]}\n"
        "  - {id: back, type: supply, date: 2024-05-01, from: kp, to: de, items: [{description: x}]}\n");
    const Impact impact = BuildImpact(*before, *after, scenarios, std::nullopt);
    CHECK(impact.compared == 3);
    REQUIRE(impact.activities.size() == 3);
    const ActivityImpact& back = impact.activities[0];
    CHECK(back.group == Group::kStricter);
    CHECK(back.activity == "back");
    CHECK((back.before == Verdict::kPermitted && back.after == Verdict::kProhibited));
    REQUIRE(back.rules.size() == 1);
    CHECK(back.rules.front().rule == "p/new-ban");
    CHECK_FALSE(back.rules.front().before);
    const ActivityImpact& early = impact.activities[1];
    CHECK(early.group == Group::kLooser);
    CHECK(early.activity == "early");
    CHECK(early.after == Verdict::kReview);
    const ActivityImpact& late = impact.activities[2];
    CHECK(late.group == Group::kRecited);
    CHECK(late.activity == "late");
    CHECK(late.citations_before == std::vector<std::string>{"S/RES/1, OP 1", "S/RES/2, OP 2"});
    CHECK(late.citations_after == std::vector<std::string>{"S/RES/1, OP 1", "S/RES/3, OP 3"});
    REQUIRE(late.rules.size() == 1);
    CHECK(late.rules.front().rule == "p/note");
    CHECK(impact.AnyLooser());
  }

  TEST_CASE("runs that do not line up activity by activity are refused, not passed as unchanged") {
    RunResult before, after;
    before.scenarios.resize(1);
    after.scenarios.resize(1);
    before.scenarios[0].activities.resize(1);
    after.scenarios[0].activities.resize(1);
    CHECK(CompareRuns(before, after).empty());
    after.scenarios[0].activities[0].id = "other";
    CHECK_THROWS_AS(CompareRuns(before, after), std::logic_error);
    after.scenarios[0].activities.resize(2);
    CHECK_THROWS_AS(CompareRuns(before, after), std::logic_error);
    after.scenarios.resize(2);
    CHECK_THROWS_AS(CompareRuns(before, after), std::logic_error);
  }

  TEST_CASE("a scenario claiming a kind only the new pack defines is not compared") {
    const auto before = Pack(Rule("ban", kBan));
    const auto after = Pack(Rule("ban", kBan + ", exemptions: [{kind: later}]"),
                            "  later: {title: later, citations: [{resolution: '9', paragraph: '3'}], text: t}\n");
    const auto scenarios = Scenarios(
        "  - {id: claimed, type: supply, date: 2024-05-01, from: de, to: kp, exemption: {kind: later, reference: r}, "
        "items: [{description: x}]}\n");
    const Impact impact = BuildImpact(*before, *after, scenarios, std::nullopt);
    CHECK(impact.compared == 0);
    REQUIRE(impact.not_compared.size() == 1);
    CHECK(impact.not_compared.front().scenario == "s");
    CHECK(impact.not_compared.front().reason.find("later") != std::string::npos);
    CHECK_FALSE(impact.AnyLooser());
    CHECK(impact.NeedsReview());  // the claim of the new kind is what the change loosens
  }
}

}  // namespace
}  // namespace sancheck::impact
