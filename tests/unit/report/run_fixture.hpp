// A hand-built RunResult for the report writer tests: hostile text, items, waivers, several verdicts.
#pragma once

#include <memory>

#include "sancheck/result.hpp"

namespace sancheck::testing {

inline Citation Cite(const std::string& res, const std::string& para, const std::string& url = "") {
  return Citation{res, para, "S/RES/" + res + ", OP " + para, url};
}

/// Two scenarios in one file and one in another: a prohibited item finding, a
/// review finding, a permitted note, and a waived prohibited finding.
inline RunResult FixtureRun() {
  auto file = std::make_shared<SourceFile>(SourceFile{"waivers.yaml", ""});
  RunResult run;
  run.generated = "2023-11-14T22:13:20Z";
  run.as_of = Date::Parse("2023-09-13");
  run.packs.push_back(PackInfo{"t", "1.0", "Test pack", std::string(64, 'a'), {}, {}, false});

  RuleInfo arms;
  arms.id = "t/arms";
  arms.pack = "t";
  arms.title = "Arms <from> KP";
  arms.verdict = Verdict::kProhibited;
  arms.citations = {Cite("1718", "8(b)", "https://undocs.org/S/RES/1718(2006)"), Cite("1874", "9")};
  arms.message = "No arms from KP.\n";
  arms.no_exemption = "none";
  RuleInfo fuel = arms;
  fuel.id = "t/fuel";
  fuel.title = "Fuel";
  fuel.verdict = Verdict::kReview;
  fuel.citations = {Cite("2397", "5", "javascript:alert(1)")};
  fuel.message = "Capped.";
  run.rules_fired = {arms, fuel};

  Finding shells;
  shells.rule = "t/arms";
  shells.verdict = Verdict::kProhibited;
  shells.item = 0;
  shells.item_description = "shells | <b>152 mm</b> & \"more\"";
  shells.citations = arms.citations;
  shells.message = arms.message;
  shells.pos = SourcePos{nullptr, 12, 9};
  Finding capped = shells;
  capped.rule = "t/fuel";
  capped.verdict = Verdict::kReview;
  capped.item = -1;
  capped.citations = fuel.citations;
  capped.message = fuel.message;
  capped.pos = SourcePos{nullptr, 20, 5};
  Finding note = capped;
  note.rule = "t/food";
  note.verdict = Verdict::kPermitted;
  note.message = "Food is not banned.";

  ScenarioResult a;
  a.file = "deals/a b.yaml";
  a.scenario = "deal-a";
  a.title = "<script>alert('x')</script> & co";
  a.sha256 = std::string(64, 'b');
  a.verdict = Verdict::kProhibited;
  a.activities.push_back(ActivityResult{"ship", ActivityType::kSupply, *Date::Parse("2023-09-13"),
                                        Verdict::kProhibited, {shells}, SourcePos{nullptr, 10, 5}, {}});
  a.activities.push_back(ActivityResult{"oil", ActivityType::kSupply, *Date::Parse("2023-09-13"),
                                        Verdict::kReview, {capped}, SourcePos{nullptr, 20, 5}, {}});
  ScenarioResult b = a;
  b.scenario = "deal-b";
  b.title = "Food";
  b.verdict = Verdict::kPermitted;
  b.activities = {ActivityResult{"rice", ActivityType::kSupply, *Date::Parse("2023-09-13"),
                                 Verdict::kPermitted, {note}, SourcePos{nullptr, 30, 5}, {}}};
  ScenarioResult c = a;
  c.file = "deals/c.yaml";
  c.scenario = "deal-c";
  c.title = "Waived";
  c.sha256 = std::string(64, 'c');
  c.activities = {ActivityResult{"ship", ActivityType::kSupply, *Date::Parse("2023-09-13"),
                                 Verdict::kProhibited, {shells}, SourcePos{nullptr, 10, 5}, {}}};
  c.activities[0].findings[0].waiver = 0;
  run.scenarios = {a, b, c};

  Waiver w{"deal-c", "", "", "Known case | tracked", "Jane <Doe>", "COMP-1", *Date::Parse("2030-01-01"),
           SourcePos{file, 2, 5}};
  Waiver old{"deal-a", "ship", "t/arms", "old", "Jane", "COMP-0", *Date::Parse("2020-01-01"), SourcePos{file, 9, 5}};
  run.waivers = {WaiverStatus{w, WaiverState::kApplied, 1}, WaiverStatus{old, WaiverState::kExpired, 0}};
  run.summary = Summary{3, 4, 2, 1, 1, 1};
  return run;
}

}  // namespace sancheck::testing
