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
/// the activity names are read. `goods` is the activity whose items are judged: `a` itself,
/// or for a service without its subject, the activity it serves (for:) that has items.
void BuildFacts(const Scenario& s, const Activity& a, const Activity& goods, Date date, const expr::TagRegistry& tags,
                const std::vector<PartyStatus>& parties, ActivityFactsHolder& out);

/// The activity whose items a service without its subject is judged on: following `for:`
/// from `a` to the first activity that has items; `a` itself when it has its own or none is
/// found. `goods_of` holds the answer for the activities judged before (what `a` serves is).
size_t GoodsOf(const Scenario& s, size_t a, const std::vector<size_t>& goods_of);

}  // namespace sancheck::judge
