// Timelines: the change points of an activity, and judgements merged into intervals with their changes.
#include <doctest/doctest.h>

#include <algorithm>

#include "../impact/memory_pack.hpp"
#include "judge/checker_impl.hpp"
#include "timeline/change_points.hpp"
#include "timeline/timeline.hpp"

namespace sancheck::timeline {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

std::vector<std::string> Texts(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (Date d : dates) out.push_back(d.ToString());
  return out;
}

bool Has(const std::vector<Date>& dates, const char* day) {
  return std::find(dates.begin(), dates.end(), D(day)) != dates.end();
}

// A pack whose rules exercise every kind of date: effective and until, a comparison and a set
// of dates in a condition, an exemption window, and a cap counted per 12 months from 22 December.
constexpr const char* kPack = R"(pack: t
version: "1"
exemptions:
  wind-down:
    title: contract wind-down
    citations: [{resolution: "9001", paragraph: "2"}]
    from: 2020-03-01
    until: 2020-05-31
    text: contracts before the ban
rules:
  - id: widgets-ban
    title: Widgets from KP
    verdict: prohibited
    effective: 2020-03-01
    until: 2022-12-31
    applies_to: [supply]
    citations: [{resolution: "9001", paragraph: "1", text: "Resolution 9001, OP 1"}]
    when: from.country == KP and item.hs in [8471] and date < 2021-07-01
    message: no widgets
    exemptions: [{kind: wind-down, text: wind-down}]
  - id: widgets-days
    title: Widgets on two days
    verdict: review
    effective: 2019-01-01
    applies_to: [supply]
    citations: [{resolution: "9001", paragraph: "3"}]
    when: from.country == RU and date in [2019-06-15, 2019-08-01]
    message: those days
  - id: fuel-cap
    title: Fuel cap
    verdict: review
    effective: 2019-12-22
    applies_to: [supply]
    citations: [{resolution: "9001", paragraph: "4"}]
    when: to.country == KP and item.hs in [2710]
    message: capped
    cap: {limit: 100, unit: bbl, period: year-from-12-22}
  - id: travel-only
    title: Travel
    verdict: prohibited
    effective: 2018-02-02
    applies_to: [travel]
    citations: [{resolution: "9001", paragraph: "5"}]
    when: person.country == KP
    message: no travel
)";

struct Fixture {
  std::unique_ptr<Checker> checker;
  std::vector<Scenario> scenarios;

  explicit Fixture(const std::string& scenario) {
    checker = sancheck::testing::MemoryPack(kPack, std::make_shared<FixedClock>(1700000000));  // 2023-11-14
    Diagnostics diags;
    scenarios = ParseScenarioText("s.yaml", scenario, diags);
    checker->Validate(scenarios, diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  }

  std::vector<Date> Points(size_t activity, Date to) const {
    const Checker::Impl& impl = checker->impl();
    judge::ScenarioParties parties(*impl.screening, scenarios.front(), to);
    return ChangePoints(*impl.set, *impl.screening, parties, scenarios.front(), activity, to);
  }
};

constexpr const char* kWidgets = R"(scenario: s
parties:
  kp: {name: Example Exporter, country: KP, kind: company}
  cn: {name: Example Importer, country: CN, kind: company}
activities:
  - {id: widgets, type: supply, date: 2020-04-01, from: kp, to: cn, items: [{description: laptops, hs: "8471.30"}],
     exemption: {kind: wind-down, reference: contract of 2020-01-10}}
)";

// Two diesel deliveries of 60 bbl, 2020-02-01 and 2020-05-05: the second crosses fuel-cap's 100.
constexpr const char* kTwoDeliveries = R"(parties:
  ru: {name: Example Supplier, country: RU, kind: company}
  kp: {name: Example Importer, country: KP, kind: company}
activities:
  - {id: a, type: supply, date: 2020-02-01, from: ru, to: kp, items: [{description: diesel, hs: "2710.19", quantity: 60, unit: bbl}]}
  - {id: b, type: supply, date: 2020-05-05, from: ru, to: kp, items: [{description: diesel, hs: "2710.19", quantity: 60, unit: bbl}]}
)";

Judgement J(const char* day, Verdict v, std::vector<std::pair<const char*, Verdict>> rules) {
  Judgement j{D(day), v, {}};
  for (const auto& [id, verdict] : rules) j.rules.push_back(Firing{id, verdict, "", {}, ""});
  return j;
}

TEST_SUITE("timeline") {
  TEST_CASE("change points: rule dates, condition dates and the claimed exemption's window") {
    const Fixture f(kWidgets);
    // Effective 2020-03-01, until 2022-12-31 → 2023-01-01; `date < 2021-07-01` → that day and the
    // next; the set's two days and the days after them; the window's first day and the day after
    // its last; the cap's rule effective day (it applies to supplies too).
    CHECK(Texts(f.Points(0, D("2023-11-14"))) ==
          std::vector<std::string>{"2019-01-01", "2019-06-15", "2019-06-16", "2019-08-01", "2019-08-02",
                                   "2019-12-22", "2020-03-01", "2020-06-01", "2021-07-01", "2021-07-02",
                                   "2023-01-01"});
    // The cap's period starts change only what caps count.
    const Checker::Impl& impl = f.checker->impl();
    CHECK(Texts(CapPoints(*impl.set, f.scenarios.front().activities[0], {std::nullopt}, 0, D("2023-11-14"))) ==
          std::vector<std::string>{"2020-12-22", "2021-12-22", "2022-12-22"});
    // Nothing after `to`; a rule of another activity type adds nothing (travel-only's 2018-02-02).
    CHECK(Texts(f.Points(0, D("2020-03-01"))) ==
          std::vector<std::string>{"2019-01-01", "2019-06-15", "2019-06-16", "2019-08-01", "2019-08-02",
                                   "2019-12-22", "2020-03-01"});
  }

  TEST_CASE("cap points: another capped delivery's date and the day after it, and the periods' starts") {
    const Fixture f(std::string("scenario: s\n") + kTwoDeliveries);
    // The days of the other deliveries counted against a cap (its own day is none of them),
    // and the periods' starts.
    const Checker::Impl& impl = f.checker->impl();
    const std::vector<std::optional<Date>> delivered_on{D("2020-02-01"), D("2020-05-05")};
    const auto points = CapPoints(*impl.set, f.scenarios.front().activities[0], delivered_on, 0, D("2023-11-14"));
    CHECK(Texts(points) == std::vector<std::string>{"2020-05-05", "2020-05-06", "2020-12-22", "2021-12-22",
                                                    "2022-12-22"});
    CHECK(CapPoints(*impl.set, f.scenarios.front().activities[0], delivered_on, 0, D("2020-05-05")).size() == 1);
    // Not among the change points of its own judgement, which no other activity moves.
    CHECK_FALSE(Has(f.Points(0, D("2023-11-14")), "2020-05-05"));
    // An activity that made no capped delivery moves nobody's caps.
    CHECK(Texts(CapPoints(*impl.set, f.scenarios.front().activities[0], {D("2020-02-01"), std::nullopt}, 0, D("2023-11-14"))) ==
          std::vector<std::string>{"2020-12-22", "2021-12-22", "2022-12-22"});
  }

  TEST_CASE("change points of the textile wind-down in the built-in pack") {
    Diagnostics diags;
    auto checker = Checker::Load(CheckOptions{}, diags);
    REQUIRE_MESSAGE(checker, diags.RenderAll());
    auto scenarios = ParseScenarioText("s.yaml", R"(scenario: s
parties:
  kp: {name: Sinuiju Cotton Garment Works, country: KP, kind: company}
  cn: {name: "Liaoning Northern Apparel Trading Co., Ltd.", country: CN, kind: company}
  jo: {name: Jo Chun-ryong, country: KP, kind: individual, born: 1960}
activities:
  - {id: shirts, type: supply, date: 2017-10-16, from: kp, to: cn, items: [{description: shirts, hs: "6205.20", tags: [textiles]}],
     exemption: {kind: textile-contracts-2375, reference: contract}}
  - {id: jo-travel, type: travel, date: 2023-09-12, person: jo, destination: RU}
)", diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    const Checker::Impl& impl = checker->impl();
    judge::ScenarioParties parties(*impl.screening, scenarios.front(), D("2026-01-01"));
    const auto shirts = ChangePoints(*impl.set, *impl.screening, parties, scenarios.front(), 0, D("2026-01-01"));
    CHECK(Has(shirts, "2017-09-11"));  // textiles-from-dprk in force; the wind-down window opens
    CHECK(Has(shirts, "2017-12-11"));  // the day after the window closes
    // The designation data (oldest list 2024-09-26) are stale for days more than 180 after it.
    CHECK(Has(shirts, "2025-03-26"));
    const auto travel = ChangePoints(*impl.set, *impl.screening, parties, scenarios.front(), 1, D("2026-01-01"));
    CHECK(Has(travel, "2016-11-30"));  // KPi.038 listed: the traveller's listing day
  }

  TEST_CASE("cap periods: each period start after the first day, up to the last") {
    rules::Cap cap;
    cap.start_month = 12;
    cap.start_day = 22;
    std::vector<Date> out;
    AddCapPeriods(cap, D("2017-12-22"), D("2019-12-22"), out);
    CHECK(Texts(out) == std::vector<std::string>{"2018-12-22", "2019-12-22"});
    out.clear();
    cap.period = rules::Cap::Period::kWhole;
    AddCapPeriods(cap, D("2017-12-22"), D("2019-12-22"), out);
    CHECK(out.empty());
  }

  TEST_CASE("merging: equal verdicts and rule sets join, and every boundary is a change") {
    const std::vector<Judgement> judged = {
        J("2010-01-01", Verdict::kPermitted, {}),
        J("2012-01-01", Verdict::kPermitted, {}),  // same as before: no boundary
        J("2015-03-01", Verdict::kReview, {{"p/a", Verdict::kReview}}),
        J("2015-06-01", Verdict::kProhibited, {{"p/a", Verdict::kProhibited}}),
        J("2016-01-01", Verdict::kProhibited, {{"p/a", Verdict::kProhibited}, {"p/b", Verdict::kReview}}),
        J("2018-01-01", Verdict::kProhibited, {{"p/a", Verdict::kProhibited}, {"p/b", Verdict::kProhibited}}),
        J("2019-01-01", Verdict::kReview, {{"p/b", Verdict::kReview}}),
    };
    ActivityTimeline at;
    MergeJudgements(judged, D("2020-12-31"), at);
    REQUIRE(at.intervals.size() == 5);
    CHECK(at.intervals[0].from == D("2010-01-01"));
    CHECK(at.intervals[0].to == D("2015-02-28"));
    CHECK(at.intervals[1].to == D("2015-05-31"));
    // Same verdict and the same rule ids: 2016 and 2018 are one interval, though p/b got stricter.
    CHECK(at.intervals[3].from == D("2016-01-01"));
    CHECK(at.intervals[3].to == D("2018-12-31"));
    CHECK(at.intervals[4].to == D("2020-12-31"));
    REQUIRE(at.changes.size() == 4);
    CHECK(at.changes[0].date == D("2015-03-01"));
    REQUIRE(at.changes[0].rules.size() == 1);
    CHECK(at.changes[0].rules[0].kind == RuleChange::Kind::kStarted);
    CHECK(at.changes[1].verdict == Verdict::kProhibited);
    REQUIRE(at.changes[1].rules.size() == 1);
    CHECK(at.changes[1].rules[0].kind == RuleChange::Kind::kChanged);
    CHECK(at.changes[1].rules[0].before == Verdict::kReview);
    CHECK(at.changes[2].rules[0].firing.rule == "p/b");
    // At 2019-01-01 p/a ends and p/b eases from prohibited (as judged the day before) to review.
    const Change& last = at.changes[3];
    REQUIRE(last.rules.size() == 2);
    CHECK(last.rules[0].firing.rule == "p/a");
    CHECK(last.rules[0].kind == RuleChange::Kind::kEnded);
    CHECK(last.rules[1].kind == RuleChange::Kind::kChanged);
    CHECK(last.rules[1].before == Verdict::kProhibited);
  }

  TEST_CASE("merging: one judgement is one interval to the last day, without changes") {
    ActivityTimeline at;
    MergeJudgements({J("2006-10-14", Verdict::kPermitted, {})}, D("2006-10-14"), at);
    REQUIRE(at.intervals.size() == 1);
    CHECK(at.intervals[0].to == D("2006-10-14"));
    CHECK(at.changes.empty());
  }

  TEST_CASE("a timeline judged by the checker: window, ban, end of the condition's date") {
    const Fixture f(kWidgets);
    Diagnostics diags;
    TimelineOptions options;
    options.to = D("2023-11-14");
    const Timeline t = BuildTimeline(*f.checker, f.scenarios, options, diags);
    const auto& intervals = t.scenarios.front().activities.front().intervals;
    REQUIRE(intervals.size() == 4);
    // Nothing changes before 1718's day, so the timeline starts on it.
    CHECK(kFirstMeasure == D("2006-10-14"));
    CHECK(intervals[0].from == kFirstMeasure);
    CHECK(intervals[0].verdict == Verdict::kPermitted);
    CHECK(intervals[1].from == D("2020-03-01"));
    CHECK(intervals[1].verdict == Verdict::kReview);  // the claim inside its window
    CHECK(intervals[2].from == D("2020-06-01"));
    CHECK(intervals[2].verdict == Verdict::kProhibited);
    CHECK(intervals[3].from == D("2021-07-01"));  // `date < 2021-07-01` no longer holds
    CHECK(intervals[3].verdict == Verdict::kPermitted);
    CHECK_FALSE(t.EndsProhibited());

    options.from = D("2020-04-15");
    options.to = D("2020-12-31");
    const Timeline part = BuildTimeline(*f.checker, f.scenarios, options, diags);
    const auto& p = part.scenarios.front().activities.front().intervals;
    REQUIRE(p.size() == 2);
    CHECK(p[0].from == D("2020-04-15"));
    CHECK(p[1].to == D("2020-12-31"));
    CHECK(part.EndsProhibited());
    CHECK_FALSE(diags.HasErrors());
  }

  // Each interval's verdict is what Checker::Check gives the activity moved to its first and
  // last day, all else as written: caps count the other deliveries, a service reads what it serves.
  TEST_CASE("every interval agrees with check on its days: caps and services") {
    const Fixture f(std::string("scenario: s\n") + kTwoDeliveries + R"(  - {id: c, type: supply, date: 2020-05-05, from: ru, to: kp, items: [{description: diesel, hs: "2710.19"}]}
  - {id: d, type: supply, date: 2021-01-10, from: ru, to: kp, items: [{description: diesel, hs: "2710.19", quantity: 30, unit: bbl}]}
  - {id: e, type: service, service: transport, date: 2020-06-01, from: ru, to: kp, for: a}
)");
    Diagnostics diags;
    TimelineOptions options;
    options.to = D("2022-06-30");
    const Timeline t = BuildTimeline(*f.checker, f.scenarios, options, diags);
    REQUIRE_FALSE(diags.HasErrors());
    size_t compared = 0;
    const auto& activities = f.scenarios.front().activities;
    for (size_t ai = 0; ai < activities.size(); ++ai) {
      const auto& intervals = t.scenarios.front().activities[ai].intervals;
      // Every interval's first and last day, and each other delivery's day, the day before and after.
      std::vector<Date> probes;
      for (const Interval& in : intervals) probes.insert(probes.end(), {in.from, in.to});
      for (size_t bi = 0; bi < activities.size(); ++bi) {
        if (bi == ai) continue;
        const Date d = *activities[bi].date;
        probes.insert(probes.end(), {Date{d.days - 1}, d, Date{d.days + 1}});
      }
      for (const Date day : probes) {
        const auto in = std::find_if(intervals.begin(), intervals.end(),
                                     [&](const Interval& i) { return !(day < i.from) && !(i.to < day); });
        if (in == intervals.end()) continue;  // before the timeline's first day
        std::vector<Scenario> moved = f.scenarios;
        moved.front().activities[ai].date = day;
        const RunResult run = f.checker->Check(moved);
        const ActivityResult& checked = run.scenarios.front().activities[ai];
        std::vector<std::string> rules;
        for (const Finding& finding : checked.findings) {
          if (std::find(rules.begin(), rules.end(), finding.rule) == rules.end()) rules.push_back(finding.rule);
        }
        std::vector<std::string> shown;
        for (const Firing& firing : in->rules) shown.push_back(firing.rule);
        std::sort(rules.begin(), rules.end());
        std::sort(shown.begin(), shown.end());
        INFO(activities[ai].id, " on ", day.ToString());
        CHECK(checked.verdict == in->verdict);
        CHECK(rules == shown);
        ++compared;
      }
    }
    CHECK(compared > 60);
    // a alone in its period, then after b's 60 bbl (crossing 100), then alone in the next period.
    const auto& a = t.scenarios.front().activities[0].intervals;
    const auto verdict_on = [&](const char* day) {
      for (const Interval& in : a) {
        if (!(D(day) < in.from) && !(in.to < D(day))) return in.verdict;
      }
      return Verdict::kPermitted;
    };
    CHECK(verdict_on("2020-03-01") == Verdict::kReview);
    CHECK(verdict_on("2020-05-06") == Verdict::kProhibited);
    CHECK(verdict_on("2020-12-22") == Verdict::kReview);
  }

  TEST_CASE("caps count the deliveries of every scenario of the run, as check counts them") {
    const Fixture f(R"(scenario: first
parties:
  ru: {name: Example Supplier, country: RU, kind: company}
  kp: {name: Example Importer, country: KP, kind: company}
activities:
  - {id: a1, type: supply, date: 2020-01-10, from: ru, to: kp, items: [{description: diesel, hs: "2710.19", quantity: 60, unit: bbl}]}
---
scenario: second
parties:
  ru: {name: Example Supplier, country: RU, kind: company}
  kp: {name: Example Importer, country: KP, kind: company}
activities:
  - {id: a2, type: supply, date: 2020-02-01, from: ru, to: kp, items: [{description: diesel, hs: "2710.19", quantity: 60, unit: bbl}]}
)");
    REQUIRE(f.scenarios.size() == 2);
    Diagnostics diags;
    TimelineOptions options;
    options.to = D("2020-12-21");
    const Timeline t = BuildTimeline(*f.checker, f.scenarios, options, diags);
    REQUIRE_FALSE(diags.HasErrors());
    // a2 crosses the cap of 100 bbl after a1's 60 bbl of the other scenario: on its own day,
    // and on every day from a1's (on that day a1's scenario, judged first, counts first).
    CHECK(f.checker->Check(f.scenarios).scenarios[1].activities[0].verdict == Verdict::kProhibited);
    const auto& a2 = t.scenarios[1].activities[0].intervals;
    REQUIRE_FALSE(a2.empty());
    CHECK(a2.back().verdict == Verdict::kProhibited);
    CHECK(a2.back().from == D("2020-01-10"));
  }

  TEST_CASE("a timeline that would judge too many days is refused whole") {
    const Fixture f(kWidgets);
    Diagnostics diags;
    TimelineOptions options;
    options.to = D("2023-11-14");
    options.max_days = 3;
    const Timeline t = BuildTimeline(*f.checker, f.scenarios, options, diags);
    REQUIRE(diags.HasErrors());
    CHECK(diags.RenderAll().find("timeline.too_many_days") != std::string::npos);
    CHECK(t.scenarios.empty());
  }
}

}  // namespace
}  // namespace sancheck::timeline
