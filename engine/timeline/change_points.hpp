// ChangePoints(): the days on which an activity's judgement can differ from the day before.
#pragma once

#include <cstddef>
#include <vector>

#include "judge/party_screen.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::timeline {

/// Every day up to `to` on which the judgement of activity `activity` of `s` may differ from
/// the day before, sorted, without repeats. The judging pass reads the activity's date in
/// these places only, so between two consecutive points its verdict and findings are constant:
///   - a rule that applies to the activity's type: its effective day, the day after its
///     `until`, and each date its condition compares `date` with (that day and the next, so
///     that <, <=, >, >=, == and != are all covered);
///   - the claimed exemption kind's window: its first day and the day after its last;
///   - the listing (and delisting) day of every designation a party of the activity could be,
///     possible matches too, and of a designation the scenario states;
///   - the first day the designation data are stale for the activity (designations.stale);
///   - for a capped rule: the first day of each cap period, and every other activity's date and
///     the day after (capped deliveries are counted in date order, ties in file order).
/// `undated` is the day activities without a date are judged on; `parties` screens the
/// scenario's parties (each once).
std::vector<Date> ChangePoints(const rules::RuleSet& set, const judge::Screening& screening,
                               judge::ScenarioParties& parties, const Scenario& s, size_t activity, Date undated,
                               Date to);

/// The dates `rule` changes on by itself: effective, the day after until, its condition's dates.
void AddRuleDates(const rules::Rule& rule, std::vector<Date>& out);

/// The first day of every period of `cap` that starts after `first` and on or before `to`.
void AddCapPeriods(const rules::Cap& cap, Date first, Date to, std::vector<Date>& out);

}  // namespace sancheck::timeline
