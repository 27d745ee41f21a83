// ChangePoints(): the days on which an activity's judgement can differ from the day before.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "judge/party_screen.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::timeline {

/// Every day up to `to` on which the judgement of activity `activity` of `s` may differ from
/// the day before, sorted, without repeats, other than through what caps count (CapPoints).
/// The judging pass reads the activity's date in these places only, so between two
/// consecutive points its findings are constant, and only cap decisions can change:
///   - a rule that applies to the activity's type: its effective day, the day after its
///     `until`, the adoption day of each resolution it cites, and each date its condition
///     compares `date` with (that day and the next, so that <, <=, >, >=, == and != are all
///     covered);
///   - the claimed exemption kind's window: its first day and the day after its last;
///   - the listing (and delisting) day of every designation a party of the activity could be,
///     possible matches too, and of a designation the scenario states;
///   - the first day the designation data are stale for the activity (designations.stale).
/// `parties` screens the scenario's parties (each once).
std::vector<Date> ChangePoints(const rules::RuleSet& set, const judge::Screening& screening,
                               judge::ScenarioParties& parties, const Scenario& s, size_t activity, Date to);

/// When a capped rule applies to activity `a`, the days on which only its cap decisions can
/// change, up to `to`, sorted, without repeats: the first day of each cap period after the
/// rule's effective day (the totals start again), and the day of every other activity's capped
/// deliveries and the day after (`delivered_on`: per activity of the run, the day its capped
/// deliveries are counted on, if it made any; `self` is `a`'s place in it). Deliveries are
/// counted in date order, ties in judging order: moving the activity across another's day
/// changes which one crosses the cap.
std::vector<Date> CapPoints(const rules::RuleSet& set, const Activity& a,
                            const std::vector<std::optional<Date>>& delivered_on, size_t self, Date to);

/// The dates `rule` changes on by itself: effective, the day after until, its condition's dates.
void AddRuleDates(const rules::Rule& rule, std::vector<Date>& out);

/// The first day of every period of `cap` that starts after `first` and on or before `to`.
void AddCapPeriods(const rules::Cap& cap, Date first, Date to, std::vector<Date>& out);

}  // namespace sancheck::timeline
