// Builds the evaluator's fact layout (expr::ActivityFacts) from a scenario activity.
#pragma once

#include <vector>

#include "expr/tags.hpp"
#include "expr/types.hpp"
#include "sancheck/result.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::eval {

/// What screening concluded about one party of a scenario.
struct PartyStatus {
  Truth designated = Truth::kFalse;  ///< kUnknown for a possible match
  bool cleared = false;              ///< a match an analyst cleared (still reported)
  std::optional<Match> match;
};

/// Facts of one activity with storage for its items (ActivityFacts points into it).
struct ActivityFactsHolder {
  expr::ActivityFacts facts;
  std::vector<expr::ItemFacts> items;
};

/// `parties` has one status per Scenario::parties entry.
void BuildFacts(const Scenario& s, const Activity& a, Date date, const expr::TagRegistry& tags,
                const std::vector<PartyStatus>& parties, ActivityFactsHolder& out);

}  // namespace sancheck::eval
