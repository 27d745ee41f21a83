// CapTotals: batch caps under the one policy (judge::CapCounter, date order), on top of the totals a ledger carries.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "batch/judge.hpp"
#include "batch/ledger_file.hpp"
#include "batch/pipeline.hpp"
#include "batch/record.hpp"
#include "judge/cap_counter.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// Records are written in input order but caps are counted in date order, as
/// scenario files are: every capped delivery is collected first (Collect, by the
/// record's position in the run), counted once by date (Settle), and each capped
/// finding then gets its decision (Apply) when its record is written.
class CapTotals {
 public:
  CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order);

  /// A capped finding of the record at `ordinal` (its position among the run's records).
  void Collect(uint64_t ordinal, const Record& r, const Finding& f);
  /// Counts every collected delivery in date order, on top of the ledger's totals.
  void Settle();
  /// Sets a capped finding's verdict from the count.
  void Apply(uint64_t ordinal, Finding& f) const;

  /// The deliveries collected so far, undecided: a piece's share of caps settled elsewhere.
  const std::vector<CapDelivery>& collected() const { return collected_; }
  /// Takes decisions made elsewhere (SettleCapDeliveries over every piece) instead of Settle().
  /// False (said on `diag`) when one names a rule that is not a capped rule of the run.
  bool Decide(const std::vector<CapDelivery>& settled, std::ostream& diag);

  /// Adds totals carried over from earlier runs (read by LedgerFile); call before Settle().
  void AddTotals(const LedgerTotals& totals);

  size_t settled() const { return decisions_.size(); }
  const judge::CapTotals& totals() const { return totals_; }

 private:
  const rules::RuleSet& set_;
  const std::vector<uint32_t>& order_;
  judge::CapTotals totals_;
  judge::CapCounter counter_;
  std::vector<CapDelivery> collected_;
  std::vector<std::pair<uint64_t, uint32_t>> pending_;  ///< (ordinal, rank) per collected delivery
  std::map<std::pair<uint64_t, uint32_t>, judge::CapDecision> decisions_;
};

}  // namespace sancheck::batch
