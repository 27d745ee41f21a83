// The semantic diff of two loaded rule sets: rules added, removed, re-dated, re-cited, with changed conditions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "impact/condition_relation.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::impact {

/// A rule's condition that reads differently (its text, or a named set it uses).
struct ConditionChange {
  std::string before, after;       ///< the `when:` texts
  std::vector<std::string> sets;   ///< named sets it reads whose members changed
  std::vector<std::string> reads;  ///< the facts either version reads ("to.country"), in field order
  Relation relation = Relation::kUnknown;
};

/// One rule that differs between the two sides; for a changed rule, only the aspects that differ
/// are set.
struct RuleDiff {
  enum class Kind : uint8_t { kAdded, kRemoved, kChanged } kind = Kind::kChanged;
  std::string id;
  std::optional<RuleInfo> before, after;  ///< absent on the side that lacks the rule
  bool redated = false;                   ///< effective or until
  bool recited = false;                   ///< citation texts
  bool verdict = false;
  bool applies_to = false;
  std::vector<std::string> exemptions_added, exemptions_removed;  ///< kinds the rule accepts
  std::optional<ConditionChange> condition;
  std::string cap_before, cap_after;  ///< described (CapText) when they differ

  /// The aspects that differ, as reports name them: "re-dated", "re-cited", "verdict",
  /// "applies-to", "exemptions", "condition", "cap"; or just "added" / "removed".
  std::vector<std::string> Aspects() const;
};

/// A named set whose members differ (or that only one side has).
struct SetDiff {
  std::string name;
  std::vector<std::string> added, removed;  ///< members as a pack writes them
  bool only_before = false, only_after = false;
};

/// An exemption kind added, removed, or whose window of activity dates moved.
struct KindDiff {
  std::string name;
  std::string before, after;  ///< the window ("from 2017-09-11 until 2017-12-10"); empty on a side without the kind
};

struct PackDiff {
  std::vector<RuleDiff> rules;  ///< by id
  std::vector<SetDiff> sets;    ///< by name
  std::vector<KindDiff> kinds;  ///< by name

  const RuleDiff* Find(const std::string& id) const;
  bool Empty() const { return rules.empty() && sets.empty() && kinds.empty(); }
};

PackDiff DiffPacks(const rules::RuleSet& before, const rules::RuleSet& after);

/// "500000 bbl a year from 12-22 (t × 7.33)": a cap as the diff shows it.
std::string CapText(const rules::Cap& cap);

/// "from 2017-09-11 until 2017-12-10", "from 2016-03-02", "on any date".
std::string WindowText(const rules::ExemptionKindDef& kind);

/// The citation texts, in the rule's order.
std::vector<std::string> CitationTexts(const std::vector<Citation>& citations);

}  // namespace sancheck::impact
