// Static analysis of one compiled condition: sub-conditions that can never be true or never be false.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "expr/node_text.hpp"
#include "expr/program.hpp"
#include "sancheck/core_types.hpp"

namespace sancheck::lint {

/// What is known about every evaluation of a rule's condition before any
/// scenario is read: the activity types it applies to and its dates in force.
struct ConditionContext {
  uint32_t applies_mask = ~0U;  ///< bit per ActivityType
  std::optional<Date> effective;
  std::optional<Date> until;
};

struct ConditionFinding {
  std::string code;     ///< "lint.never_true" or "lint.always_true"
  int offset = 0;       ///< inside Program::text
  std::string message;
};

/// Abstract interpretation over the program: per-field value sets and
/// intervals are narrowed along and-chains (and or-chains read as false), so
/// `x == KP and x == RU`, `x < 5 and x > 10`, `x in []` and `type == launch`
/// in a rule that applies only to supply are found. Sound: a finding is only
/// reported when no facts at all could change the outcome. Literal `true` and
/// `false` are taken as meant.
std::vector<ConditionFinding> CheckCondition(const expr::Program& program, const ConditionContext& context);

/// Whether some facts could make the whole condition true (false: the rule never fires).
bool CanBeTrue(const expr::Program& program, const ConditionContext& context);

using expr::NodeText;  // lint reports quote conditions with it

}  // namespace sancheck::lint
