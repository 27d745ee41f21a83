// Packs and clearances handed to the library from memory (MemoryFileReader): nothing is read from the disk.
#include <doctest/doctest.h>

#include "sancheck/checker.hpp"
#include "sancheck/file_reader.hpp"

namespace sancheck {
namespace {

TEST_SUITE("judge.memory_packs") {
  TEST_CASE("a pack folder and a clearances file held in memory") {
    auto files = std::make_shared<MemoryFileReader>();
    files->Add("mem/acme/pack.yaml", "pack: acme\nversion: \"1\"\n");
    files->Add("mem/acme/rules.yaml", R"(rules:
  - id: no-gadgets-to-kp
    title: No gadgets to the DPRK
    verdict: prohibited
    effective: 2020-01-01
    applies_to: [supply]
    citations: [{resolution: "ACME policy", paragraph: "1", text: "ACME policy 1"}]
    when: to.country == KP and item.hs in [8471]
    message: no gadgets
)");
    files->Add("mem/acme/tests/ignored.yaml", "not: a pack file\n");
    files->Add("mem/clearances.yaml", "clearances: []\n");
    CheckOptions options;
    options.files = files;
    options.rule_paths = {"mem/acme"};
    options.clearances_path = "mem/clearances.yaml";
    Diagnostics diags;
    auto checker = Checker::Load(options, diags);
    REQUIRE_MESSAGE(checker, diags.RenderAll());
    REQUIRE(checker->packs().size() == 1);
    CHECK(checker->packs().front().name == "acme");
    auto scenarios = ParseScenarioText("s.yaml", R"(scenario: s
parties:
  de: {name: Example GmbH, country: DE, kind: company}
  kp: {name: Example Importer, country: KP, kind: company}
activities:
  - {id: laptops, type: supply, date: 2024-01-02, from: de, to: kp, items: [{description: laptops, hs: "8471.30"}]}
)", diags);
    REQUIRE_FALSE(diags.HasErrors());
    const RunResult run = checker->Check(scenarios);
    CHECK(run.scenarios.front().activities.front().verdict == Verdict::kProhibited);
  }

  TEST_CASE("a path the reader does not hold is an error, not an empty pack") {
    auto files = std::make_shared<MemoryFileReader>();
    CheckOptions options;
    options.files = files;
    options.rule_paths = {"mem/none"};
    Diagnostics diags;
    CHECK_FALSE(Checker::Load(options, diags));
    CHECK(diags.RenderAll().find("mem/none: no such pack file or folder") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
