// Finds rules that can never add anything: another rule of equal or higher severity always fires with them.
#pragma once

#include <string>
#include <vector>

#include "rules/rule_set.hpp"

namespace sancheck::lint {

struct Shadowing {
  const rules::Rule* shadowed = nullptr;
  const rules::Rule* by = nullptr;
};

/// Rule A is shadowed by rule B when B's verdict is at least A's, B applies to
/// every activity type A does, is in force whenever A is, covers no exemption
/// A does not (so an exemption cannot lower B but not A), neither has a cap,
/// and A's condition implies B's. Implication is decided syntactically: every
/// conjunct of B is implied by some conjunct of A (equal after normalising,
/// `x in S` by `x in S'` with S' ⊆ S or by `x == c` with c ∈ S, and ordered
/// comparisons by narrower ones). Of two rules that shadow each other only the
/// one with the later id is reported.
std::vector<Shadowing> FindShadowedRules(const rules::RuleSet& set);

/// Canonical text of a node: fields by name, constants normalised, operands
/// of and/or sorted, list literals by content. Equal texts mean equal conditions.
std::string Canonical(const expr::Program& program, uint32_t node);

}  // namespace sancheck::lint
