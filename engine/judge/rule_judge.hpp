// JudgeRule(): the one judging step — is a rule in force for an activity, and what does its condition conclude.
//
// Every front end (scenario files, batch records) and every tool (check, explain, test, the
// library) reaches a verdict through this function, so "in force", "item scope" and
// "unknown → review" mean the same thing whichever door a question came in by.
#pragma once

#include <cstdint>

#include "expr/evaluator.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::judge {

/// One conclusion of a rule about an activity (or one of its items).
struct Outcome {
  int item = -1;                        ///< index into the facts' items; -1 for the whole activity
  Verdict verdict = Verdict::kPermitted;
  bool undecided = false;               ///< the condition read a fact the input does not give
  bool capped = false;                  ///< a cap decides the verdict once deliveries are counted
  bool subject_unknown = false;         ///< judged with the item unknown: the activity gives none
};

/// The rule covers this kind of activity.
inline bool Applies(const rules::Rule& rule, ActivityType type) {
  return (rule.applies_mask & (1U << static_cast<unsigned>(type))) != 0;
}

/// Activities of this kind carry items (a supply's `items`, a service's `subject`, a
/// ship-to-ship transfer's `items`); only a service's may be left out.
inline bool CarriesItems(ActivityType type) {
  return type == ActivityType::kSupply || type == ActivityType::kService || type == ActivityType::kShipToShip;
}

/// The rule is in force on `date`: from its effective date up to and including `until`.
inline bool InForce(const rules::Rule& rule, Date date) {
  return !(date < rule.info.effective) && !(rule.info.until && *rule.info.until < date);
}

/// The observer of a judgement with no cost: explain supplies one that records
/// every sub-condition, everything else uses this and the hooks compile away.
struct NoObserver {
  expr::NullTracer tracer;
  void Considered(const rules::Rule& /*rule*/, bool /*applies*/, bool /*in_force*/) {}
  expr::NullTracer& TracerFor(const rules::Rule& /*rule*/, int /*item*/) { return tracer; }
  void Evaluated(const rules::Rule& /*rule*/, int /*item*/, Truth /*value*/) {}
};

/// Judges `rule` on the activity whose facts are `facts`, calling `emit(Outcome)`
/// for each finding: one per item for item-scoped rules, else one. A false
/// condition emits nothing; an unknown one emits `review` (undecided) unless the
/// rule would only permit, since "maybe permitted" adds nothing to a verdict.
/// An item-scoped rule on an activity whose items are not given (a service
/// without its subject) is judged once with the item unknown: what a service
/// concerns may be what the rule bans, so it cannot pass unjudged. (A service
/// serving another activity with items is judged on those: BuildFacts.)
template <class Observer, class Emit>
void JudgeRule(const rules::Rule& rule, const expr::ActivityFacts& facts, Observer& observer, Emit&& emit) {
  const bool applies = Applies(rule, facts.type);
  const bool in_force = InForce(rule, facts.date);
  observer.Considered(rule, applies, in_force);
  if (!applies || !in_force) return;
  auto one = [&](int item) {
    const expr::EvalContext ctx{&facts, item >= 0 ? &facts.items[item] : nullptr};
    const Truth t = expr::Evaluate(rule.program, ctx, observer.TracerFor(rule, item));
    observer.Evaluated(rule, item, t);
    if (t == Truth::kFalse) return;
    if (t == Truth::kUnknown && rule.info.verdict == Verdict::kPermitted) return;
    Outcome o;
    o.item = item;
    o.undecided = t == Truth::kUnknown;
    o.verdict = o.undecided ? Verdict::kReview : rule.info.verdict;
    o.capped = rule.cap.has_value() && t == Truth::kTrue && item >= 0;  // the loader requires item scope
    o.subject_unknown = item < 0 && rule.program.item_scoped;
    emit(o);
  };
  if (rule.program.item_scoped && facts.item_count > 0) {
    for (uint32_t i = 0; i < facts.item_count; ++i) one(static_cast<int>(i));
  } else if (!rule.program.item_scoped || CarriesItems(facts.type)) {
    one(-1);
  }
}

template <class Emit>
void JudgeRule(const rules::Rule& rule, const expr::ActivityFacts& facts, Emit&& emit) {
  NoObserver none;
  JudgeRule(rule, facts, none, emit);
}

}  // namespace sancheck::judge
