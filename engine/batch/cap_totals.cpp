// CapTotals: cap verdicts in read order, and the totals a ledger carries from run to run.
#include "batch/cap_totals.hpp"


namespace sancheck::batch {

CapTotals::CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order) : set_(set), order_(order) {}

void CapTotals::Settle(const Record& r, Finding& f) {
  const rules::Rule& rule = set_.rules[order_[f.rank]];
  const rules::Cap& cap = *rule.cap;
  ++settled_;
  double factor = 0;
  if (!r.quantity.known || !r.unit.known) {
    f.verdict = Verdict::kReview;
    f.undecided = true;
    return;
  }
  const auto it = cap.factors.find(r.unit.value);
  if (it == cap.factors.end()) {
    f.verdict = Verdict::kReview;
    f.undecided = true;
    return;
  }
  factor = it->second;
  const int period = cap.PeriodOf(r.date);
  auto [last, inserted] = last_date_.emplace(std::make_pair(f.rank, period), r.date);
  if (!inserted) {
    if (r.date < last->second) ++out_of_order_;
    else last->second = r.date;
  }
  double& total = totals_[rule.info.id][period];
  const double before = total;
  total += r.quantity.value * factor;
  f.verdict = (before >= cap.limit || total > cap.limit) ? Verdict::kProhibited : rule.info.verdict;
}

void CapTotals::Add(const CapTotals& other) { AddTotals(other.totals_); }

void CapTotals::AddTotals(const LedgerTotals& totals) {
  for (const auto& [rule, periods] : totals) {
    for (const auto& [period, amount] : periods) totals_[rule][period] += amount;
  }
}

}  // namespace sancheck::batch
