// Impact of a rule-pack change: every activity judged under both sides, the ones whose verdict or citations change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "impact/pack_diff.hpp"
#include "sancheck/checker.hpp"
#include "sancheck/result.hpp"

namespace sancheck::impact {

/// How an activity's judgement moved: its verdict up (permitted < review < prohibited) or down,
/// or the same verdict on other citations.
enum class Group : uint8_t { kStricter, kLooser, kRecited };

std::string_view GroupName(Group g);  ///< "stricter", "looser", "re-cited"

/// One rule whose part in an activity's judgement differs: the most severe verdict of its
/// findings on each side (none when it did not fire there).
struct RuleEffect {
  std::string rule;
  std::optional<Verdict> before, after;
  std::vector<std::string> citations_before, citations_after;
};

struct ActivityImpact {
  Group group = Group::kStricter;
  std::string file, scenario, activity;
  ActivityType type = ActivityType::kSupply;
  Date date;
  Verdict before = Verdict::kPermitted, after = Verdict::kPermitted;
  std::vector<std::string> citations_before, citations_after;  ///< every finding's, each once
  std::vector<RuleEffect> rules;                                ///< by rule id
};

/// A scenario the base side cannot judge: it names a tag or an exemption kind only the new
/// packs define (`check` would refuse it under the base packs).
struct NotCompared {
  std::string file, scenario, reason;
};

struct Impact {
  /// The git revision each side's packs and lists were read from; empty: the files.
  std::string base_revision, new_revision;
  std::vector<PackInfo> base_packs, new_packs;
  std::vector<ListInfo> base_lists, new_lists;
  PackDiff diff;
  std::vector<ActivityImpact> activities;  ///< stricter, then looser, then re-cited; file order inside each
  std::vector<NotCompared> not_compared;
  int compared = 0;  ///< activities judged on both sides

  int Count(Group g) const;
  /// Something became looser: what a reviewer must approve.
  bool AnyLooser() const { return Count(Group::kLooser) > 0; }
  /// The command's exit status 1: something became looser, or what the change does could not
  /// be seen — a scenario only the new packs can judge (a claim of a new exemption kind is the
  /// loosening it tests), or a pack change judged on no activity at all. Fail closed.
  bool NeedsReview() const { return AnyLooser() || !not_compared.empty() || (compared == 0 && !diff.Empty()); }
  /// Activities judged on both sides whose judgement did not move.
  int Unchanged() const { return compared - static_cast<int>(activities.size()); }
};

/// The activities of `before` and `after` (the same scenarios, judged by the two sides) whose
/// verdict or citations differ, grouped.
std::vector<ActivityImpact> CompareRuns(const RunResult& before, const RunResult& after);

/// Judges `scenarios` (validated against `next`) with both checkers through the judging core
/// (Checker::Check), and diffs their packs. A scenario the base packs refuse is set aside.
Impact BuildImpact(const Checker& base, const Checker& next, const std::vector<Scenario>& scenarios,
                   std::optional<Date> as_of);

}  // namespace sancheck::impact
