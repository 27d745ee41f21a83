// Timelines: each activity's verdict as a function of its date — intervals of constant verdict and what changes between them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sancheck/checker.hpp"
#include "sancheck/diagnostics.hpp"
#include "sancheck/result.hpp"

namespace sancheck::timeline {

/// When no --from is given a timeline starts here: the adoption of resolution 1718, the first
/// UN measure on the DPRK; earlier only when the activity's judgement changes before it.
inline constexpr Date kFirstMeasure{13435};  // 2006-10-14

/// One rule firing for an activity on a day: the most severe verdict of its findings.
struct Firing {
  std::string rule;
  Verdict verdict = Verdict::kPermitted;
  std::string title;
  std::vector<Citation> citations;
  std::string note;  ///< why the verdict is what it is, when a finding says: a claim, a cap, a missing fact
};

/// The activity judged on one day (sorted by rule id).
struct Judgement {
  Date date;
  Verdict verdict = Verdict::kPermitted;
  std::vector<Firing> rules;
};

/// Days [from, to] on which the activity gets one verdict from one set of rules.
struct Interval {
  Date from, to;
  Verdict verdict = Verdict::kPermitted;
  std::vector<Firing> rules;  ///< as judged on `from`
};

/// What happens to one rule on a change day.
struct RuleChange {
  enum class Kind { kStarted, kEnded, kChanged } kind = Kind::kStarted;
  Firing firing;  ///< as judged on the change day; for kEnded, on the day before
  Verdict before = Verdict::kPermitted;  ///< the rule's verdict the day before (kChanged)
};

/// The first day of an interval after the first: the new verdict and the rules behind the change.
struct Change {
  Date date;
  Verdict verdict = Verdict::kPermitted;
  std::vector<RuleChange> rules;  ///< by rule id
};

struct ActivityTimeline {
  std::string id;
  ActivityType type = ActivityType::kSupply;
  std::vector<Interval> intervals;
  std::vector<Change> changes;
};

struct ScenarioTimeline {
  std::string file;
  std::string scenario;
  std::string title;
  std::vector<ActivityTimeline> activities;
};

struct Timeline {
  std::vector<PackInfo> packs;
  Date to;
  std::vector<ScenarioTimeline> scenarios;

  /// Some activity's last interval (the verdict on `to`) is prohibited: the exit status 1 of check.
  bool EndsProhibited() const;
};

/// At most this many activity-days are judged in one timeline (a few seconds).
inline constexpr size_t kMaxTimelineDays = 2000000;

struct TimelineOptions {
  std::optional<Date> from;  ///< none: kFirstMeasure, or the earliest change point when it is earlier
  Date to;                   ///< the last day of every timeline
  size_t max_days = kMaxTimelineDays;  ///< more days to judge than this: an error, nothing judged
};

/// The timeline of every activity of `scenarios` (validated with Checker::Validate): each is
/// judged once per interval between its change points (ChangePoints()) by the checker's own
/// judging step (judge::ScenarioJudge), and the intervals with equal verdicts and rules are
/// merged. When that would judge more than `options.max_days` activity-days, an error
/// (timeline.too_many_days) in `diags` and an empty timeline.
Timeline BuildTimeline(const Checker& checker, const std::vector<Scenario>& scenarios, const TimelineOptions& options,
                       Diagnostics& diags);

/// Judgements of consecutive days ranges (each from its date to the day before the next, the
/// last to `to`) merged into intervals of equal verdict and rule ids, with a Change at the
/// start of every interval after the first.
void MergeJudgements(const std::vector<Judgement>& judged, Date to, ActivityTimeline& out);

std::string RenderTimelineText(const Timeline& t);
/// {"format": "sancheck-timeline/1", "scenarios": [...]}, see docs/timeline.md.
std::string RenderTimelineJson(const Timeline& t);

}  // namespace sancheck::timeline
