// Verdict semantics on a small test pack: dates, most severe wins, exemptions, undecided facts, caps.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "sancheck/checker.hpp"

namespace sancheck {
namespace {

namespace fs = std::filesystem;

const char* kPack = R"PACK(pack: t
version: "1"
exemptions:
  committee-approval: {title: Committee approval, citations: [{resolution: "1718", paragraph: "12"}], text: approved}
  medical: {title: medical exchange, citations: [{resolution: "2321", paragraph: "11"}], text: medical}
  wind-down:
    title: contract wind-down
    citations: [{resolution: "2375", paragraph: "16"}]
    from: 2017-09-11
    until: 2017-12-10
    window: 90-day window
    text: contracts concluded before adoption
sets:
  arms:
    type: hs
    values: [93]
rules:
  - id: arms-from
    title: arms from KP
    verdict: prohibited
    effective: 2009-06-12
    applies_to: [supply]
    citations: [{resolution: "1874", paragraph: "9"}]
    when: from.country == KP and item.hs in $arms
    message: no arms from KP
    no_exemption: none
  - id: lux
    title: luxury to KP
    verdict: prohibited
    effective: 2006-10-14
    applies_to: [supply]
    citations: [{resolution: "2321", paragraph: "x"}]
    when: to.country == KP and item.tags in [luxury] and item.value_usd > 500
    message: luxury
    exemptions: [{kind: committee-approval, text: approved by the Committee}, {kind: wind-down}]
  - id: food
    title: food note
    verdict: permitted
    effective: 2006-10-14
    applies_to: [supply]
    citations: [{resolution: "2270", paragraph: "8(a)"}]
    when: to.country == KP and item.tags in [food]
    message: food is not banned
  - id: fuel
    title: fuel cap
    verdict: review
    effective: 2018-01-01
    applies_to: [supply]
    citations: [{resolution: "2397", paragraph: "5"}]
    when: to.country == KP and item.tags in [petroleum-refined]
    message: capped
    cap: {limit: 1000, unit: bbl, period: calendar-year, factors: {t: 7.0}}
)PACK";

class TestPack {
 public:
  TestPack() {
    dir_ = fs::temp_directory_path() / ("sancheck-pack-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "pack.yaml") << kPack;
    Diagnostics diags;
    CheckOptions options;
    options.rule_paths = {dir_.string()};
    checker_ = Checker::Load(options, diags);
    REQUIRE_MESSAGE(checker_, diags.RenderAll());
  }
  ~TestPack() { fs::remove_all(dir_); }

  RunResult Run(const std::string& activities, const std::string& date = "2020-01-01") {
    const std::string text = "scenario: s\ndate: " + date +
                             "\nparties:\n  kp: {name: A, country: KP}\n  cn: {name: B, country: CN}\n"
                             "activities:\n" + activities;
    Diagnostics diags;
    auto scenarios = ParseScenarioText("s.yaml", text, diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    return checker_->Check(scenarios);
  }

 private:
  fs::path dir_;
  std::unique_ptr<Checker> checker_;
};

const ActivityResult& First(const RunResult& r) { return r.scenarios.at(0).activities.at(0); }

TEST_SUITE("eval.checker") {
  TEST_CASE("a rule applies from its effective date, not the day before") {
    TestPack p;
    const std::string shells = "  - {id: a, type: supply, from: kp, to: cn, items: [{description: s, hs: \"930690\"}]}\n";
    CHECK(First(p.Run(shells, "2009-06-12")).verdict == Verdict::kProhibited);
    CHECK(First(p.Run(shells, "2009-06-11")).verdict == Verdict::kPermitted);
  }

  TEST_CASE("the most severe finding wins and findings are per item, by rule id") {
    TestPack p;
    auto r = p.Run("  - {id: a, type: supply, from: kp, to: kp, items: [{description: rice, tags: [food]},"
                   " {description: shells, hs: \"930690\"}]}\n");
    const auto& a = First(r);
    CHECK(a.verdict == Verdict::kProhibited);
    REQUIRE(a.findings.size() == 2);
    CHECK(a.findings[0].rule == "t/arms-from");
    CHECK(a.findings[0].item == 1);
    CHECK(a.findings[1].rule == "t/food");
    CHECK(a.findings[1].verdict == Verdict::kPermitted);
    CHECK(r.summary.prohibited == 1);
  }

  TEST_CASE("a missing fact makes the finding review, never permitted") {
    TestPack p;
    const RunResult r = p.Run("  - {id: a, type: supply, from: cn, to: kp, items: [{description: watch, tags: [luxury]}]}\n");
    const auto& a = First(r);
    CHECK(a.verdict == Verdict::kReview);
    REQUIRE(a.findings.size() == 1);
    CHECK(a.findings[0].undecided);
    CHECK(a.findings[0].message == "Cannot be decided from the file: luxury");
  }

  TEST_CASE("a claimed exemption turns only findings it covers into review") {
    TestPack p;
    auto covered = p.Run("  - {id: a, type: supply, from: cn, to: kp, exemption: {kind: committee-approval},"
                         " items: [{description: watch, tags: [luxury], value_usd: 900}]}\n");
    CHECK(First(covered).verdict == Verdict::kReview);
    CHECK(First(covered).findings[0].exemption_claimed);
    auto not_covered = p.Run("  - {id: a, type: supply, from: kp, to: cn, exemption: {kind: committee-approval},"
                             " items: [{description: s, hs: \"930690\"}]}\n");
    CHECK(First(not_covered).verdict == Verdict::kProhibited);
    auto wrong_kind = p.Run("  - {id: a, type: supply, from: cn, to: kp, exemption: {kind: medical},"
                            " items: [{description: watch, tags: [luxury], value_usd: 900}]}\n");
    CHECK(First(wrong_kind).verdict == Verdict::kProhibited);
    CHECK(First(wrong_kind).findings[0].exemption_note ==
          "claimed: medical exchange — t/lux does not accept it (it accepts: committee-approval, wind-down)");
  }

  TEST_CASE("a claim covers only inside its kind's window, and the finding says why not") {
    TestPack p;
    const std::string item = " items: [{description: watch, tags: [luxury], value_usd: 900}]}\n";
    auto inside = p.Run("  - {id: a, date: 2017-12-10, type: supply, from: cn, to: kp,"
                        " exemption: {kind: wind-down, reference: c-1}," + item);
    CHECK(First(inside).verdict == Verdict::kReview);
    CHECK(First(inside).findings[0].exemption_note.rfind("claimed: contract wind-down (\"c-1\") — can cover", 0) == 0);
    auto after = p.Run("  - {id: a, date: 2017-12-11, type: supply, from: cn, to: kp,"
                       " exemption: {kind: wind-down, reference: c-1}," + item);
    CHECK(First(after).verdict == Verdict::kProhibited);
    CHECK_FALSE(First(after).findings[0].exemption_claimed);
    CHECK(First(after).findings[0].exemption_note ==
          "claimed: contract wind-down (\"c-1\") — the 90-day window of 2375 OP16 closed on 2017-12-10");
    auto before = p.Run("  - {id: a, date: 2017-09-10, type: supply, from: cn, to: kp,"
                        " exemption: {kind: wind-down}," + item);
    CHECK(First(before).findings[0].exemption_note ==
          "claimed: contract wind-down — the 90-day window of 2375 OP16 opens on 2017-09-11");
  }

  TEST_CASE("caps count deliveries in date order, the crossing one and later are prohibited") {
    TestPack p;
    auto r = p.Run(
        "  - {id: late, date: 2020-06-01, type: supply, from: cn, to: kp, items: [{description: d, tags: [petroleum-refined], quantity: 100, unit: bbl}]}\n"
        "  - {id: first, date: 2020-01-05, type: supply, from: cn, to: kp, items: [{description: d, tags: [petroleum-refined], quantity: 600, unit: bbl}]}\n"
        "  - {id: cross, date: 2020-03-01, type: supply, from: cn, to: kp, items: [{description: d, tags: [petroleum-refined], quantity: 100, unit: t}]}\n"
        "  - {id: nextyear, date: 2021-01-01, type: supply, from: cn, to: kp, items: [{description: d, tags: [petroleum-refined], quantity: 100, unit: bbl}]}\n"
        "  - {id: unknown, date: 2020-02-01, type: supply, from: cn, to: kp, items: [{description: d, tags: [petroleum-refined]}]}\n");
    const auto& acts = r.scenarios[0].activities;
    CHECK(acts[1].verdict == Verdict::kReview);      // 600 of 1,000
    CHECK(acts[2].verdict == Verdict::kProhibited);  // 600 + 700 crosses
    CHECK(acts[2].findings[0].cap_note ==
          "this delivery of 700 bbl crosses the cap of 1,000 bbl in 2020 (running total 1,300 bbl)");
    CHECK(acts[0].verdict == Verdict::kProhibited);  // after the cap was reached
    CHECK(acts[3].verdict == Verdict::kReview);      // a new year
    CHECK(acts[4].verdict == Verdict::kReview);      // cannot be counted
    CHECK(acts[4].findings[0].undecided);
  }
}

}  // namespace
}  // namespace sancheck
