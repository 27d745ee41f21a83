// CapLedger: counts capped deliveries (petroleum) across a run in date order and sets their verdicts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rules/rule_set.hpp"
#include "sancheck/result.hpp"

namespace sancheck::eval {

/// Where a finding sits in a RunResult (indices stay valid while vectors grow).
struct FindingRef {
  size_t scenario = 0, activity = 0, finding = 0;
};

class CapLedger {
 public:
  /// Records a delivery that a capped rule matched.
  void Add(const rules::Rule& rule, const Item& item, Date date, FindingRef ref);

  /// Orders the deliveries by date (then file order) and sets each finding:
  /// within the cap → the rule's verdict (review: notify the Committee);
  /// the delivery that crosses the cap and all after it → prohibited;
  /// an uncountable quantity → review, not counted. Totals are per rule and period.
  void Settle(RunResult& run);

  /// Totals carried in from earlier runs (batch --ledger): rule id → period → amount.
  std::map<std::string, std::map<int, double>> totals;

 private:
  struct Delivery {
    const rules::Rule* rule;
    Date date;
    FindingRef ref;
    bool countable;
    double amount;  ///< in the cap's unit
    std::string unit_note;
  };
  std::vector<Delivery> deliveries_;
};

/// The amount of `item` in the cap's unit, or false when it cannot be counted.
bool AmountInCapUnit(const rules::Cap& cap, const Item& item, double& amount, std::string& why);

}  // namespace sancheck::eval
