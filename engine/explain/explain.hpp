// Explain(): why each rule did or did not produce a finding for an activity, sub-condition by sub-condition.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rule_set.hpp"
#include "sancheck/checker.hpp"

namespace sancheck::explain {

/// A fact a sub-condition read, as written in conditions and as found.
struct FactRead {
  std::string field;  ///< "from.country"
  std::string value;  ///< "RU (United Shipbuilding Corporation)", or "absent"
};

/// One node of a condition with the value it had. Under any()/all() a node
/// has one child per item the quantifier looked at (`item` says which).
struct ConditionNode {
  std::string kind;   ///< and, or, not, any, all, item, compare, in, known, empty, field, constant
  std::string text;   ///< the sub-condition as written
  std::optional<Truth> value;  ///< nullopt: not evaluated (a quantifier stopped early)
  int item = -1;      ///< for kind "item": the item's index
  std::vector<FactRead> facts;
  std::vector<ConditionNode> children;
};

/// One evaluation of a rule's condition: once per activity, or once per item
/// for rules that read item.* outside any()/all().
struct Evaluation {
  int item = -1;
  std::string item_description;
  ConditionNode tree;
};

struct RuleExplanation {
  const rules::Rule* rule = nullptr;
  bool applies = false;     ///< the activity's type is in applies_to
  bool in_force = false;    ///< the activity's date is within effective..until
  std::vector<Evaluation> evaluations;  ///< empty when not applicable or not in force
  std::string exemption;    ///< how a claimed (or absent) exemption was handled, in words
  std::vector<Finding> findings;  ///< what the checker reported for this rule
};

struct ActivityExplanation {
  std::string scenario;
  std::string file;
  const ActivityResult* result = nullptr;
  const Activity* activity = nullptr;
  std::vector<RuleExplanation> rules;
};

struct ExplainOptions {
  std::string activity;  ///< only this activity id (empty: all)
  std::string rule;      ///< only this rule, namespaced or by its id within the pack (empty: all)
};

struct Explanation {
  RunResult run;  ///< the checker's own result: verdicts come from here
  std::vector<ActivityExplanation> activities;
};

/// Judges `scenarios` with `checker` and traces every considered rule's
/// condition. Evaluation here uses a recording tracer; `Checker::Check` keeps
/// the null tracer, so explaining costs nothing when it is not asked for.
Explanation Explain(const Checker& checker, const std::vector<Scenario>& scenarios,
                    const ExplainOptions& options, std::optional<Date> as_of, Diagnostics& diags);

std::string RenderExplanationText(const Explanation& e);
std::string RenderExplanationJson(const Explanation& e);

/// `id` is the rule `wanted` names (namespaced, or by its id within the pack), or `wanted` is empty.
bool SameRule(const std::string& wanted, const std::string& id);

/// Kleene truth in words: "true", "false", "unknown".
std::string_view TruthName(Truth t);

}  // namespace sancheck::explain
