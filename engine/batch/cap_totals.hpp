// CapTotals: running totals of capped deliveries per rule and period, carried between runs by a ledger file (ledger_file.hpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "batch/judge.hpp"
#include "batch/ledger_file.hpp"
#include "batch/record.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// The semantics of eval::CapLedger, counted in the order records are read
/// (a ledger is expected in date order; deliveries that go back in time
/// within a period are counted and reported by out_of_order()).
class CapTotals {
 public:
  CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order);

  /// Sets a capped finding's verdict: within the cap → the rule's verdict;
  /// the delivery that crosses it and every later one → prohibited; a
  /// quantity that cannot be converted to the cap's unit → review, not counted.
  void Settle(const Record& r, Finding& f);

  /// Adds another run's totals (reducing per-chunk ledgers).
  void Add(const CapTotals& other);
  /// Adds totals carried over from earlier runs (read by LedgerFile).
  void AddTotals(const LedgerTotals& totals);

  size_t out_of_order() const { return out_of_order_; }
  size_t settled() const { return settled_; }
  const LedgerTotals& totals() const { return totals_; }

 private:
  const rules::RuleSet& set_;
  const std::vector<uint32_t>& order_;
  LedgerTotals totals_;  ///< rule id → period (year, 0 = whole) → amount
  std::map<std::pair<uint32_t, int>, Date> last_date_;
  size_t out_of_order_ = 0;
  size_t settled_ = 0;
};

}  // namespace sancheck::batch
