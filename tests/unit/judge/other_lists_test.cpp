// Lists beside the built-in UN DPRK list (--lists): another UN regime, OFAC and own lists give review, citing their regime.
#include <doctest/doctest.h>

#include <string>

#include "sancheck/checker.hpp"
#include "sancheck/file_reader.hpp"

namespace sancheck {
namespace {

// A list of one entity, ZARQAWI HOLDINGS OVERSEAS, under `regime`, imported from `format`.
std::string ListText(const std::string& format, const std::string& regime) {
  return "designations:\n  name: test-list\n  snapshot: 2026-02-27\n" +
         (format.empty() ? std::string() : "  format: " + format + "\n") +
         "  entries:\n"
         "    - {reference: XXe.001, kind: entity, name: ZARQAWI HOLDINGS OVERSEAS, listed_on: 2015-01-01, "
         "regime: \"" + regime + "\"}\n";
}

const char* kScenario = R"(scenario: s
parties:
  de: {name: Example GmbH, country: DE, kind: company}
  zh: {name: Zarqawi Holdings Overseas, country: TR, kind: company}
activities:
  - {id: chairs, type: supply, date: 2024-01-02, from: de, to: zh, items: [{description: office chairs, hs: "9401.30"}]}
  - {id: early, type: supply, date: 2014-01-02, from: de, to: zh, items: [{description: office chairs, hs: "9401.30"}]}
)";

struct Outcome {
  Verdict verdict = Verdict::kPermitted;
  std::string rule;
  std::optional<Match> match;
  Verdict early = Verdict::kPermitted;
  std::vector<ListInfo> lists;
};

Outcome Judge(const std::string& list_text) {
  auto files = std::make_shared<MemoryFileReader>();
  files->Add("lists/test.yaml", list_text);
  CheckOptions options;
  options.files = files;
  options.lists = {"lists/test.yaml"};
  Diagnostics diags;
  auto checker = Checker::Load(options, diags);
  REQUIRE_MESSAGE(checker, diags.RenderAll());
  auto scenarios = ParseScenarioText("s.yaml", kScenario, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  const RunResult run = checker->Check(scenarios);
  Outcome out;
  const ActivityResult& a = run.scenarios.at(0).activities.at(0);
  out.verdict = a.verdict;
  for (const Finding& f : a.findings) {
    if (f.match) {
      out.rule = f.rule;
      out.match = f.match;
    }
  }
  out.early = run.scenarios.at(0).activities.at(1).verdict;
  out.lists = run.lists;
  return out;
}

TEST_SUITE("judge.other_lists") {
  TEST_CASE("another UN regime's entry: review citing that regime, never the DPRK asset freeze") {
    const Outcome o = Judge(ListText("un-xml", "Al-Qaida"));
    CHECK(o.verdict == Verdict::kReview);
    CHECK(o.rule == "un-regimes/listed-un-al-qaida");
    REQUIRE(o.match);
    CHECK(o.match->reference == "XXe.001");
    CHECK(o.match->list == "test-list");
    CHECK(o.match->regime == "Al-Qaida");
    CHECK(o.early == Verdict::kPermitted);  // listed in 2015: not yet on the list in 2014
    REQUIRE(o.lists.size() >= 2);
    CHECK(o.lists.back().name == "test-list");
    CHECK_FALSE(o.lists.back().builtin);
    CHECK(o.lists.front().builtin);
  }

  TEST_CASE("OFAC and own lists: review under their own rules, a DPRK programme is not a UN designation") {
    Outcome o = Judge(ListText("ofac-csv", "DPRK"));
    CHECK(o.verdict == Verdict::kReview);
    CHECK(o.rule == "un-regimes/listed-ofac");
    // OFAC's consolidated non-SDN list restricts dealings, it does not block: its own rule.
    o = Judge(ListText("ofac-csv", "OFAC non-SDN"));
    CHECK(o.verdict == Verdict::kReview);
    CHECK(o.rule == "un-regimes/listed-ofac-non-sdn");
    o = Judge(ListText("csv", "DPRK"));
    CHECK(o.verdict == Verdict::kReview);
    CHECK(o.rule == "un-regimes/listed-own-list");
  }

  TEST_CASE("a regime no rule names is still review") {
    const Outcome o = Judge(ListText("un-xml", "Atlantis"));
    CHECK(o.verdict == Verdict::kReview);
    CHECK(o.rule == "un-regimes/listed-other-regime");
  }

  TEST_CASE("a DPRK entry of an added UN list feeds the UN DPRK rules") {
    const Outcome o = Judge(ListText("un-xml", "DPRK"));
    CHECK(o.verdict == Verdict::kProhibited);
    CHECK(o.rule == "un-dprk/asset-freeze-designated");
  }

  TEST_CASE("an entry dated as delisted stops applying on that day") {
    std::string text = ListText("un-xml", "Al-Qaida");
    text.replace(text.find("listed_on: 2015-01-01"), 21, "listed_on: 2015-01-01, delisted_on: 2024-01-02");
    const Outcome o = Judge(text);
    CHECK(o.verdict == Verdict::kPermitted);  // the sale is dated 2024-01-02, the day of delisting
    text.replace(text.find("delisted_on: 2024-01-02"), 23, "delisted_on: 2024-01-03");
    CHECK(Judge(text).verdict == Verdict::kReview);  // the day before delisting it still applies
  }

  TEST_CASE("a list that cannot be read is an error, not an empty list") {
    auto files = std::make_shared<MemoryFileReader>();
    CheckOptions options;
    options.files = files;
    options.lists = {"lists/none.yaml"};
    Diagnostics diags;
    CHECK_FALSE(Checker::Load(options, diags));
    CHECK(diags.RenderAll().find("lists/none.yaml") != std::string::npos);
  }

  TEST_CASE("a clearances file that cannot be read is an error too, from memory or from the disk") {
    CheckOptions options;
    options.files = std::make_shared<MemoryFileReader>();
    options.clearances_path = "mem/none.yaml";
    Diagnostics diags;
    CHECK_FALSE(Checker::Load(options, diags));
    CHECK(diags.RenderAll().find("clearances.unreadable") != std::string::npos);
    options.files = nullptr;
    options.clearances_path = "/nonexistent/clearances.yaml";
    Diagnostics disk;
    CHECK_FALSE(Checker::Load(options, disk));
    CHECK(disk.RenderAll().find("/nonexistent/clearances.yaml") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
