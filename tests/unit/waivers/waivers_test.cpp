// Waivers: strict loading with positioned errors, matching, expiry, unused waivers, and what fails the run.
#include <doctest/doctest.h>

#include "../report/run_fixture.hpp"
#include "waivers/waivers.hpp"

namespace sancheck {
namespace {

std::vector<Waiver> Parse(const std::string& text, Diagnostics& diags) {
  return waivers::ParseWaivers(std::make_shared<SourceFile>(SourceFile{"w.yaml", text}), diags);
}

std::string Waiver1(const std::string& extra = "", const std::string& expires = "2030-01-01") {
  return "waivers:\n  - scenario: deal-a\n    reason: known\n    approved_by: Jane\n    ticket: COMP-1\n"
         "    expires: " + expires + "\n" + extra;
}

// The fixture without its waivers: what a check returns before ApplyWaivers.
RunResult Unwaived() {
  RunResult run = testing::FixtureRun();
  run.waivers.clear();
  for (auto& s : run.scenarios) {
    for (auto& a : s.activities) {
      for (auto& f : a.findings) f.waiver = -1;
    }
  }
  return run;
}

Waiver Make(const std::string& scenario, const std::string& activity, const std::string& rule,
            const std::string& expires = "2030-01-01") {
  Waiver w;
  w.scenario = scenario;
  w.activity = activity;
  w.rule = rule;
  w.ticket = "T-" + scenario + activity + rule;
  w.expires = *Date::Parse(expires);
  return w;
}

const Date kToday = *Date::Parse("2023-11-14");

TEST_SUITE("waivers.loader") {
  TEST_CASE("a complete waiver loads with every field and its position") {
    Diagnostics d;
    const auto ws = Parse(Waiver1("    activity: ship\n    rule: t/arms\n"), d);
    REQUIRE_MESSAGE(!d.HasErrors(), d.RenderAll());
    REQUIRE(ws.size() == 1);
    CHECK(ws[0].scenario == "deal-a");
    CHECK(ws[0].activity == "ship");
    CHECK(ws[0].rule == "t/arms");
    CHECK(ws[0].approved_by == "Jane");
    CHECK(ws[0].ticket == "COMP-1");
    CHECK(ws[0].expires == *Date::Parse("2030-01-01"));
    CHECK(ws[0].pos.line == 2);
    CHECK(ws[0].pos.column == 5);
  }

  TEST_CASE("unknown keys are errors at their position") {
    Diagnostics d;
    Parse(Waiver1("    expiry: 2030-01-01\n"), d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].code == "waivers.unknown_key");
    CHECK(d.items()[0].pos.line == 7);
    CHECK(d.items()[0].pos.column == 5);
  }

  TEST_CASE("the expiry date is mandatory and must be a real date") {
    Diagnostics missing;
    Parse("waivers:\n  - {scenario: a, reason: r, approved_by: j, ticket: t}\n", missing);
    REQUIRE(missing.error_count() == 1);
    CHECK(missing.items()[0].code == "waivers.missing_key");
    CHECK(missing.items()[0].message == "a waiver needs 'expires'");
    Diagnostics bad;
    Parse(Waiver1("", "2030-02-30"), bad);
    REQUIRE(bad.error_count() == 1);
    CHECK(bad.items()[0].code == "waivers.bad_date");
  }

  TEST_CASE("reason, approver and ticket are mandatory and not blank") {
    Diagnostics d;
    Parse("waivers:\n  - {scenario: a, reason: ' ', expires: 2030-01-01}\n", d);
    CHECK(d.error_count() == 3);  // approved_by and ticket missing, reason blank
  }

  TEST_CASE("the file is a map with a list of waivers") {
    Diagnostics not_list;
    Parse("waivers: {scenario: a}\n", not_list);
    CHECK(not_list.HasErrors());
    Diagnostics empty;
    Parse("", empty);
    CHECK(empty.HasErrors());
    Diagnostics none;
    CHECK(Parse("waivers: []\n", none).empty());
    CHECK(!none.HasErrors());
  }
}

TEST_SUITE("waivers.apply") {
  TEST_CASE("a waiver marks the findings it names, keeps their verdicts, and the run no longer fails on them") {
    RunResult run = Unwaived();
    CHECK(RunFails(run, FailPolicy{}));
    waivers::ApplyWaivers({Make("deal-a", "ship", ""), Make("deal-c", "", "t/arms")}, kToday, run);
    CHECK(run.scenarios[0].activities[0].findings[0].waiver == 0);
    CHECK(run.scenarios[0].activities[0].verdict == Verdict::kProhibited);
    CHECK(run.scenarios[2].activities[0].findings[0].waiver == 1);
    CHECK(run.waivers[0].state == WaiverState::kApplied);
    CHECK(run.waivers[0].findings == 1);
    CHECK(run.summary.waived == 2);
    CHECK(run.summary.prohibited == 2);  // still counted under their verdict
    CHECK(!RunFails(run, FailPolicy{}));
    FailPolicy review;
    review.fail_on = Verdict::kReview;
    CHECK(RunFails(run, review));  // deal-a/oil is review and not waived
  }

  TEST_CASE("a scenario-wide waiver covers prohibited and review findings, never permitted notes") {
    RunResult run = Unwaived();
    waivers::ApplyWaivers({Make("deal-a", "", ""), Make("deal-b", "", "")}, kToday, run);
    CHECK(run.waivers[0].findings == 2);
    CHECK(run.waivers[1].state == WaiverState::kUnused);
    CHECK(run.scenarios[1].activities[0].findings[0].waiver == -1);
  }

  TEST_CASE("an expired waiver waives nothing and fails the run, even with nothing to fail otherwise") {
    RunResult run = Unwaived();
    run.scenarios.erase(run.scenarios.begin());  // only deal-b (permitted) and deal-c
    waivers::ApplyWaivers({Make("deal-c", "", "", "2023-11-14")}, kToday, run);
    CHECK(run.waivers[0].state == WaiverState::kApplied);  // valid through its expiry day
    CHECK(!RunFails(run, FailPolicy{}));
    waivers::ApplyWaivers({Make("deal-c", "", "", "2023-11-13")}, kToday, run);
    CHECK(run.waivers[0].state == WaiverState::kExpired);
    CHECK(run.scenarios[1].activities[0].findings[0].waiver == -1);
    CHECK(run.summary.waived == 0);
    CHECK(RunFails(run, FailPolicy{}));
    FailPolicy never;
    never.never = true;
    CHECK(!RunFails(run, never));
    waivers::ApplyWaivers({Make("deal-b", "", "", "2020-01-01")}, kToday, run);
    CHECK(RunFails(run, FailPolicy{}));  // expired and unused: still fails
  }

  TEST_CASE("unused and expired waivers become positioned diagnostics") {
    RunResult run = Unwaived();
    Waiver unused = Make("nope", "", "");
    unused.pos = SourcePos{std::make_shared<SourceFile>(SourceFile{"w.yaml", "x\n"}), 1, 1};
    waivers::ApplyWaivers({unused, Make("deal-a", "", "", "2000-01-01")}, kToday, run);
    const Diagnostics d = waivers::WaiverDiagnostics(run);
    REQUIRE(d.items().size() == 2);
    CHECK(d.items()[0].severity == Severity::kWarning);
    CHECK(d.items()[0].code == "waiver.unused");
    CHECK(d.items()[1].severity == Severity::kError);
    CHECK(d.items()[1].code == "waiver.expired");
  }

  TEST_CASE("the waiver clock is the run's generation date") {
    RunResult run;
    run.generated = "2023-11-14T22:13:20Z";
    CHECK(waivers::WaiverClock(run) == kToday);
  }
}

}  // namespace
}  // namespace sancheck
