// The scenario front end: a scenario activity → the evaluator's fact layout (expr::ActivityFacts).
#pragma once

#include <vector>

#include "expr/tags.hpp"
#include "expr/types.hpp"
#include "judge/screening.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::judge {

/// Facts of one activity with storage for its items (ActivityFacts points into it).
struct ActivityFactsHolder {
  expr::ActivityFacts facts;
  std::vector<expr::ItemFacts> items;
};

/// `parties` has one status per Scenario::parties entry; only the entries of the parties
/// the activity names are read.
void BuildFacts(const Scenario& s, const Activity& a, Date date, const expr::TagRegistry& tags,
                const std::vector<PartyStatus>& parties, ActivityFactsHolder& out);

}  // namespace sancheck::judge
