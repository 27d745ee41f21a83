// Citations dated by the resolution's adoption: a finding cites what was in force on the activity's day.
#include <doctest/doctest.h>

#include "../impact/memory_pack.hpp"
#include "rules/citations.hpp"

namespace sancheck::rules {
namespace {

Citation Cite(const std::string& resolution, const std::string& paragraph) {
  Citation c;
  c.resolution = resolution;
  c.paragraph = paragraph;
  c.adopted = ResolutionAdopted(resolution);
  return c;
}

std::vector<std::string> Resolutions(const std::vector<Citation>& cs) {
  std::vector<std::string> out;
  for (const Citation& c : cs) out.push_back(c.resolution);
  return out;
}

TEST_SUITE("rules.citations") {
  TEST_CASE("adoption dates of the resolutions the packs cite") {
    CHECK(ResolutionAdopted("1718") == Date::Parse("2006-10-14"));
    CHECK(ResolutionAdopted("2397") == Date::Parse("2017-12-22"));
    CHECK_FALSE(ResolutionAdopted("ACME policy"));
    CHECK(ResolutionYear("2094") == 2013);
  }

  TEST_CASE("the text a citation gets when its pack gives none: a UN symbol only for a resolution number") {
    CHECK(CitationText("1718", "8(b)") == "S/RES/1718 (2006), OP 8(b)");
    CHECK(CitationText("2270", "annex III") == "S/RES/2270 (2016), annex III");
    CHECK(CitationText("9001", "2") == "S/RES/9001, OP 2");
    CHECK(CitationText("ACME Export Policy", "4.2") == "ACME Export Policy, 4.2");
  }

  TEST_CASE("a finding cites the resolutions adopted by its day, and texts of no known date") {
    const std::vector<Citation> cs = {Cite("1718", "8(b)"), Cite("2094", "20"), Cite("ACME", "1")};
    CHECK(Resolutions(CitationsOn(cs, *Date::Parse("2008-01-01"))) == std::vector<std::string>{"1718", "ACME"});
    CHECK(Resolutions(CitationsOn(cs, *Date::Parse("2013-03-06"))) == std::vector<std::string>{"1718", "ACME"});
    CHECK(Resolutions(CitationsOn(cs, *Date::Parse("2013-03-07"))) == std::vector<std::string>{"1718", "2094", "ACME"});
  }

  TEST_CASE("a clarification is cited with what it clarifies, also before its own adoption") {
    Citation later = Cite("2397", "6");
    later.clarifies = true;
    const std::vector<Citation> cs = {Cite("2371", "9"), later};
    CHECK(Resolutions(CitationsOn(cs, *Date::Parse("2017-10-01"))) == std::vector<std::string>{"2371", "2397"});
    // Before 2371 nothing in force is clarified: the pack's slip shows every citation, as below.
    CHECK(Resolutions(CitationsOn(cs, *Date::Parse("2017-01-01"))) == std::vector<std::string>{"2371", "2397"});
  }

  TEST_CASE("a rule in force before all it cites keeps every citation rather than none") {
    const std::vector<Citation> cs = {Cite("2270", "8"), Cite("2397", "7")};
    CHECK(CitationsOn(cs, *Date::Parse("2010-01-01")).size() == 2);
  }

  TEST_CASE("check: the finding on a 2008 activity does not cite a 2013 paragraph") {
    auto checker = testing::MemoryPack(R"yaml(pack: dated
version: "1"
rules:
  - id: arms
    title: Arms from KP
    verdict: prohibited
    effective: 2006-10-14
    applies_to: [supply]
    citations: [{resolution: "1718", paragraph: "8(b)"}, {resolution: "2094", paragraph: "20"}]
    when: from.country == KP and item.hs in [93]
    message: Arms.
)yaml");
    Diagnostics diags;
    const auto scenarios = ParseScenarioText("s.yaml", R"(scenario: s
parties:
  kp: {name: Example Exporter, country: KP, kind: company}
  sy: {name: Example Importer, country: SY, kind: company}
activities:
  - {id: old, type: supply, date: 2008-01-01, from: kp, to: sy, items: [{description: rifles, hs: "9301.10"}]}
  - {id: new, type: supply, date: 2014-01-01, from: kp, to: sy, items: [{description: rifles, hs: "9301.10"}]}
)", diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    const RunResult run = checker->Check(scenarios);
    const auto& acts = run.scenarios.front().activities;
    CHECK(Resolutions(acts[0].findings.front().citations) == std::vector<std::string>{"1718"});
    CHECK(Resolutions(acts[1].findings.front().citations) == std::vector<std::string>{"1718", "2094"});
  }
}

}  // namespace
}  // namespace sancheck::rules
