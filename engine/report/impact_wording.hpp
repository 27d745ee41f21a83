// How an impact report words a rule's change and its effect on an activity, the same in text and Markdown.
#pragma once

#include <string>
#include <vector>

#include "impact/impact.hpp"

namespace sancheck::report {

/// "prohibited, from 2017-09-11 until 2017-12-21, applies to supply, ship-to-ship": a rule's
/// verdict, dates in force and activity types.
std::string RuleTerms(const RuleInfo& r);

/// One line per aspect of a changed rule ("re-dated: from 2017-09-11 → from 2017-08-05",
/// "exemptions: + livelihood", "condition: narrower (reads from.country, item.hs)", ...); for an
/// added or removed rule, its terms and citations. Condition texts are not included.
std::vector<std::string> RuleChangeLines(const impact::RuleDiff& d);

/// What a relation claims, in words: "narrower: true only where the old one was true or undecided".
std::string RelationText(impact::Relation r);

/// "started (prohibited)", "ended (was prohibited)", "review → prohibited", "prohibited, on other citations".
std::string EffectText(const impact::RuleEffect& e);

/// The pack diff's aspects of `rule` ("removed", "re-dated, exemptions"), or "rule unchanged".
std::string CauseText(const impact::PackDiff& diff, const std::string& rule);

/// "permitted → prohibited".
std::string VerdictChange(Verdict before, Verdict after);

/// "$name: + 6309, 6310; − 5001", "$name: added", "$name: removed".
std::string SetChangeText(const impact::SetDiff& d);

/// "livelihood: from 2016-03-02 → from 2016-03-02 until 2020-01-01" (added or removed kinds too).
std::string KindChangeText(const impact::KindDiff& d);

/// "1 added, 1 removed, 2 changed" (counts of zero left out), or "none".
std::string RuleCounts(const impact::PackDiff& diff);

}  // namespace sancheck::report
