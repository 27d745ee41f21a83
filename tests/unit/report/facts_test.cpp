// Judged facts: every party's country and kind, every item's HS code, and the links, escaped in HTML.
#include <doctest/doctest.h>

#include "report/facts.hpp"
#include "report/writers.hpp"
#include "run_fixture.hpp"

namespace sancheck {
namespace {

RunResult RunWithFacts() {
  RunResult run = testing::FixtureRun();
  JudgedFacts& f = run.scenarios[0].activities[0].facts;
  f.parties.push_back({"from", "kp-arms", "Arms <Co>", *Country::Parse("KP"), PartyKind::kCompany});
  f.parties.push_back({"vessel", "ship", "Sea Star", *Country::Parse("PA"), PartyKind::kVessel});
  Item shells;
  shells.description = "152 mm shells";
  shells.hs = HsCode::Parse("9306.90");
  shells.tags = {"arms"};
  shells.quantity = 1000;
  shells.unit = Unit::kPcs;
  shells.value_usd = 250000;
  f.items.push_back(shells);
  f.via = {*Country::Parse("CN")};
  f.serves = "pay";
  f.exemption = Exemption{ExemptionKind::kOther, "committee-approval", "ref 1", {}};
  return run;
}

TEST_SUITE("report.facts") {
  TEST_CASE("rows name the parties with country and kind, items with HS code, route and links") {
    const RunResult run = RunWithFacts();
    const auto rows = report::FactRows(run.scenarios[0].activities[0]);
    REQUIRE(rows.size() == 7);
    CHECK(rows[0].label == "date");
    CHECK(rows[1].value == "Arms <Co> (kp-arms) · KP · company");
    CHECK(rows[2].label == "vessel");
    CHECK(rows[3].value == "152 mm shells · HS 930690 · tags arms · 1000 pcs · USD 250000");
    CHECK(rows[4].value == "CN");
    CHECK(rows[5].value == "committee-approval (ref 1)");
    CHECK(rows[6].label == "for");
  }

  TEST_CASE("the HTML and Markdown reports show them, escaped") {
    const RunResult run = RunWithFacts();
    const std::string h = report::RenderHtml(run, {});
    CHECK(h.find("<tr><th>from</th><td>Arms &lt;Co&gt; (kp-arms) · KP · company</td></tr>") != std::string::npos);
    CHECK(h.find("HS 930690") != std::string::npos);
    const std::string m = report::RenderMarkdown(run, {});
    CHECK(m.find("- from: Arms &lt;Co&gt; (kp-arms) · KP · company") != std::string::npos);
    CHECK(m.find("- via: CN") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
