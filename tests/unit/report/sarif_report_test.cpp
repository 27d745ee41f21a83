// SARIF writer: one run, fired rules with citations, levels, locations, stable fingerprints, waivers as suppressions.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/writers.hpp"
#include "run_fixture.hpp"

namespace sancheck {
namespace {

using Json = nlohmann::json;

Json Sarif(const RunResult& run, ReportOptions options = {}) {
  return Json::parse(report::RenderSarif(run, options));
}

TEST_SUITE("report.sarif") {
  TEST_CASE("one run whose driver lists only the rules that fired, with citations and help") {
    const Json s = Sarif(testing::FixtureRun());
    CHECK(s["version"] == "2.1.0");
    REQUIRE(s["runs"].size() == 1);
    const Json& driver = s["runs"][0]["tool"]["driver"];
    CHECK(driver["name"] == "sancheck");
    CHECK(driver["version"] == std::string(ToolVersion()));
    REQUIRE(driver["rules"].size() == 2);
    const Json& arms = driver["rules"][0];
    CHECK(arms["id"] == "t/arms");
    CHECK(arms["helpUri"] == "https://undocs.org/S/RES/1718(2006)");
    CHECK(arms["help"]["text"].get<std::string>().find("S/RES/1718, OP 8(b); S/RES/1874, OP 9") != std::string::npos);
    CHECK(arms["fullDescription"]["text"] == "No arms from KP. (S/RES/1718, OP 8(b); S/RES/1874, OP 9)");
    CHECK(arms["defaultConfiguration"]["level"] == "error");
    CHECK(arms["properties"]["citations"][1]["paragraph"] == "9");
  }

  TEST_CASE("what GitHub and Azure DevOps require: a full name, an address, rule names and the run's identity") {
    RunResult run = testing::FixtureRun();
    run.report_id = std::string(64, 'e');
    const Json s = Sarif(run);
    const Json& driver = s["runs"][0]["tool"]["driver"];
    CHECK(driver["fullName"] == "sancheck " + std::string(ToolVersion()) + " sanctions compliance rule checker");
    CHECK(driver["informationUri"].get<std::string>().rfind("https://", 0) == 0);
    CHECK(driver["rules"][0]["name"] == "Arms");
    const Json& details = s["runs"][0]["automationDetails"];
    // The category GitHub reads (the id up to its last '/') is the same whatever the run.
    CHECK(details["id"] == "azuredevops/pipeline/build/sancheck/" + run.report_id);
    const Json& p = details["properties"];
    CHECK(p["azuredevops/pipeline/build/buildDefinitionId"] == "-1");
    CHECK(p["azuredevops/pipeline/build/buildDefinitionName"] == "sancheck");
    CHECK(p["azuredevops/pipeline/build/phaseName"] == "sancheck");
    // A version-8 UUID from the report id: the same inputs give the same phase id, other inputs another.
    const std::string phase = p["azuredevops/pipeline/build/phaseId"];
    REQUIRE(phase.size() == 36);
    CHECK(phase[8] == '-');
    CHECK(phase[14] == '8');
    CHECK(std::string("89ab").find(phase[19]) != std::string::npos);
    CHECK(Sarif(run)["runs"][0]["automationDetails"] == details);
    run.report_id = std::string(64, 'f');
    CHECK(Sarif(run)["runs"][0]["automationDetails"]["properties"]["azuredevops/pipeline/build/phaseId"] != phase);
  }

  TEST_CASE("a run's category is its own when asked, so two runs in one repository keep their alerts apart") {
    RunResult run = testing::FixtureRun();
    run.report_id = std::string(64, 'e');
    ReportOptions options;
    options.sarif_category = "scan/dprk-exports";
    CHECK(Sarif(run, options)["runs"][0]["automationDetails"]["id"] ==
          "azuredevops/pipeline/build/scan/dprk-exports/" + run.report_id);
    CHECK(ValidSarifCategory("sancheck"));
    CHECK(ValidSarifCategory("scan/dprk_2.0"));
    CHECK(ValidSarifCategory(std::string(100, 'a')));
    for (const char* bad : {"", "/lead", "trail/", "a//b", "a b", "a:b", "caf\xc3\xa9"}) CHECK_FALSE(ValidSarifCategory(bad));
    CHECK_FALSE(ValidSarifCategory(std::string(101, 'a')));
  }

  TEST_CASE("rule names are one PascalCase word from the rule's own part of its id") {
    RunResult run = testing::FixtureRun();
    run.rules_fired[0].id = "un-dprk/financial-services-for-prohibited-activity";
    run.rules_fired[1].id = "own/2375_textiles.v2";
    const Json rules = Sarif(run)["runs"][0]["tool"]["driver"]["rules"];
    CHECK(rules[0]["name"] == "FinancialServicesForProhibitedActivity");
    CHECK(rules[1]["name"] == "Rule2375TextilesV2");  // an identifier starts with a letter
  }

  TEST_CASE("levels follow verdicts and results point at the file, line and column") {
    const Json results = Sarif(testing::FixtureRun())["runs"][0]["results"];
    REQUIRE(results.size() == 4);
    CHECK(results[0]["ruleId"] == "t/arms");
    CHECK(results[0]["ruleIndex"] == 0);
    CHECK(results[0]["level"] == "error");
    CHECK(results[1]["level"] == "warning");
    CHECK(results[2]["level"] == "note");
    const Json& loc = results[0]["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "deals/a%20b.yaml");
    CHECK(loc["region"]["startLine"] == 12);
    CHECK(loc["region"]["startColumn"] == 9);
    CHECK(results[0]["message"]["text"].get<std::string>().find("deal-a / ship, item 0") != std::string::npos);
    CHECK(results[0]["properties"]["citations"][0]["resolution"] == "1718");
  }

  TEST_CASE("fingerprints ignore lines but tell scenarios, activities, rules and items apart") {
    RunResult run = testing::FixtureRun();
    const Json before = Sarif(run)["runs"][0]["results"];
    run.scenarios[0].activities[0].findings[0].pos.line = 99;
    const Json after = Sarif(run)["runs"][0]["results"];
    CHECK(before[0]["partialFingerprints"] == after[0]["partialFingerprints"]);
    CHECK(before[0]["partialFingerprints"] != before[3]["partialFingerprints"]);  // same rule, other scenario
    run.scenarios[0].activities[0].findings[0].item = 1;
    CHECK(Sarif(run)["runs"][0]["results"][0]["partialFingerprints"] != before[0]["partialFingerprints"]);
  }

  TEST_CASE("a waived finding is kept, with an accepted external suppression") {
    const Json s = Sarif(testing::FixtureRun())["runs"][0];
    const Json& waived = s["results"][3];
    CHECK(waived["level"] == "error");
    REQUIRE(waived["suppressions"].size() == 1);
    CHECK(waived["suppressions"][0]["kind"] == "external");
    CHECK(waived["suppressions"][0]["status"] == "accepted");
    CHECK(waived["suppressions"][0]["justification"].get<std::string>().find("COMP-1") == 0);
    CHECK(s["results"][0].count("suppressions") == 0);
    const Json& notes = s["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["level"] == "error");
    CHECK(notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 9);
  }

  TEST_CASE("the audit fields travel in the run's properties and artifacts") {
    const Json s = Sarif(testing::FixtureRun())["runs"][0];
    CHECK(s["properties"]["asOf"] == "2023-09-13");
    CHECK(s["properties"]["generated"] == "2023-11-14T22:13:20Z");
    CHECK(s["properties"]["designationsSnapshot"].is_null());
    CHECK(s["properties"]["rulePacks"][0]["sha256"] == std::string(64, 'a'));
    REQUIRE(s["artifacts"].size() == 2);  // two scenarios share one file
    CHECK(s["artifacts"][1]["hashes"]["sha-256"] == std::string(64, 'c'));
    CHECK(s["tool"]["extensions"][0]["name"] == "t");
  }
}

}  // namespace
}  // namespace sancheck
