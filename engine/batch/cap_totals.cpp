// CapTotals: batch cap decisions by date order (collect, settle, apply) on top of a ledger's totals.
#include "batch/cap_totals.hpp"

namespace sancheck::batch {

CapTotals::CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order) : set_(set), order_(order) {}

void CapTotals::Collect(uint64_t ordinal, const Record& r, const Finding& f) {
  expr::ItemFacts item;
  item.quantity = r.quantity;
  item.unit = r.unit;
  counter_.Add(set_.rules[order_[f.rank]], item, r.date);
  pending_.emplace_back(ordinal, f.rank);
}

void CapTotals::Settle() {
  counter_.Carry(totals_);  // the ledger's totals, loaded after collecting began
  const auto decided = counter_.Settle();
  for (size_t i = 0; i < decided.size(); ++i) decisions_[pending_[i]] = decided[i];
  totals_ = counter_.totals();
  pending_.clear();
}

void CapTotals::Apply(uint64_t ordinal, Finding& f) const {
  const auto it = decisions_.find({ordinal, f.rank});
  if (it == decisions_.end()) {
    // Not counted (cannot happen when the collecting pass saw the same records): fail closed.
    f.verdict = Verdict::kReview;
    f.undecided = true;
    return;
  }
  f.verdict = it->second.verdict;
  f.undecided = it->second.undecided;
}

void CapTotals::AddTotals(const LedgerTotals& totals) {
  for (const auto& [rule, periods] : totals) {
    for (const auto& [period, amount] : periods) totals_[rule][period] += amount;
  }
}

}  // namespace sancheck::batch
