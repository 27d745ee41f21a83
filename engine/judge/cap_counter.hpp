// CapCounter: the one cap policy — capped deliveries counted per rule and period in date order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "expr/types.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::judge {

/// Amounts already delivered, carried between runs (a batch ledger): rule id → period → amount.
using CapTotals = std::map<std::string, std::map<int, double>>;

/// What counting decided for one capped delivery.
struct CapDecision {
  Verdict verdict = Verdict::kReview;
  bool undecided = false;  ///< the quantity could not be counted
  std::string note;        ///< running total, or why it could not be counted
};

/// The amount of `item` in the cap's unit, or false (and why) when it cannot be counted.
bool AmountInCapUnit(const rules::Cap& cap, const expr::ItemFacts& item, double& amount, std::string& why);

/// Counts deliveries that capped rules matched. Whatever order a front end meets
/// them in (scenario files, batch records in any file order), they are counted by
/// date (on one day uncountable ones first, then in the order they were added), so every
/// door gives the same verdicts: within the cap → the rule's verdict (review: notify the
/// Committee); the delivery that crosses the cap and every later one in the period →
/// prohibited; a quantity that cannot be counted → review, not counted, or prohibited
/// once the cap is already reached.
class CapCounter {
 public:
  CapCounter() = default;
  explicit CapCounter(CapTotals carried) : totals_(std::move(carried)) {}

  /// Replaces the totals counted on top of (amounts delivered before this run).
  void Carry(CapTotals carried) { totals_ = std::move(carried); }

  /// Records a delivery; returns its index for the decisions Settle() returns.
  size_t Add(const rules::Rule& rule, const expr::ItemFacts& item, Date date);

  /// Decides every delivery added so far (indexed as Add returned) and adds them to the totals.
  std::vector<CapDecision> Settle();

  const CapTotals& totals() const { return totals_; }

 private:
  friend class CapBaseline;
  struct Delivery {
    const rules::Rule* rule;
    Date date;
    uint64_t order;  ///< among the deliveries of one day, after those that cannot be counted
    bool countable;
    double amount;  ///< in the cap's unit
    std::string why_not;
  };
  static Delivery Delivered(const rules::Rule& rule, const expr::ItemFacts& item, Date date, uint64_t order);
  /// The policy: what the delivery `d` is, `before` being its period's total before it.
  static CapDecision Decide(const Delivery& d, int period, double before);

  std::vector<Delivery> deliveries_;
  CapTotals totals_;
};

/// One capped finding's rule and item.
struct CappedItem {
  const rules::Rule* rule;
  const expr::ItemFacts* item;
};

/// Deliveries counted once — every activity of a scenario on its own day — against which one
/// activity's deliveries are decided again and again on other days (a timeline moves its day
/// across the others'). Each decision reads only the deliveries of its rule and period before
/// it, summed in the order CapCounter sums them, so it is the one CapCounter::Settle would give.
class CapBaseline {
 public:
  /// The `index`th delivery of the activity at `place` in the judging order (on one day,
  /// deliveries are counted in that order, as CapCounter counts them in the order added).
  void Add(const rules::Rule& rule, const expr::ItemFacts& item, Date date, uint32_t place, uint32_t index);

  /// What CapCounter would decide for `items`, the deliveries of the activity at `place`, were
  /// they made on `date` instead: the baseline's others counted, that activity's own left out.
  std::vector<CapDecision> Decide(const std::vector<CappedItem>& items, Date date, uint32_t place);

 private:
  struct Entry {
    Date date;
    bool countable;
    uint64_t order;  ///< place << 32 | the delivery's index within its activity
    uint32_t place;
    double amount;
  };
  std::map<std::pair<const rules::Rule*, int>, std::vector<Entry>> periods_;  ///< by rule and period
  bool sorted_ = true;
};

}  // namespace sancheck::judge
