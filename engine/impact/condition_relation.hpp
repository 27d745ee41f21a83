// How a rule's changed condition relates to its old one: narrower, wider, equivalent, or unknown.
#pragma once

#include <string_view>

#include "expr/tags.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::impact {

/// Said of the new condition against the old, where both versions of the rule apply and are in
/// force, and only of what decides a condition: "narrower" means no facts make the new condition
/// true and the old one false. Facts a condition cannot decide (a missing fact: review) are not
/// covered — either version may leave undecided what the other decides.
enum class Relation : uint8_t {
  kEquivalent,  ///< no facts make one true and the other false
  kNarrower,    ///< no facts make the new one true and the old one false
  kWider,       ///< no facts make the old one true and the new one false
  kUnknown,     ///< neither could be proved
};

std::string_view RelationName(Relation r);

/// Compares the conditions of two versions of a rule with lint's abstract interpretation
/// (lint::CanBeTrue of "new and not old", and of "old and not new"): a relation is claimed only
/// when the analysis proves it, which it does soundly but not always (kUnknown then). `before_tags`
/// and `after_tags` are the registries the two were compiled against: item tags are bit positions
/// in them, so conditions reading tags are compared only when the shared tags have the same bits.
Relation CompareConditions(const rules::Rule& before, const rules::Rule& after, const expr::TagRegistry& before_tags,
                           const expr::TagRegistry& after_tags);

}  // namespace sancheck::impact
