// CapTotals: batch cap decisions by date order (collect, settle, apply) on top of a ledger's totals.
#include "batch/cap_totals.hpp"

namespace sancheck::batch {

CapTotals::CapTotals(const rules::RuleSet& set, const std::vector<uint32_t>& order) : set_(set), order_(order) {}

void CapTotals::Collect(uint64_t ordinal, const Record& r, const Finding& f) {
  expr::ItemFacts item;
  item.quantity = r.quantity;
  item.unit = r.unit;
  const rules::Rule& rule = set_.rules[order_[f.rank]];
  counter_.Add(rule, item, r.date);
  pending_.emplace_back(ordinal, f.rank);
  CapDelivery d;
  d.ordinal = ordinal;
  d.rule = rule.info.id;
  d.date = r.date;
  if (r.quantity.known) d.quantity = r.quantity.value;
  if (r.unit.known) d.unit = r.unit.value;
  collected_.push_back(std::move(d));
}

bool CapTotals::Decide(const std::vector<CapDelivery>& settled, std::ostream& diag) {
  std::map<std::string, uint32_t, std::less<>> rank_of;
  for (uint32_t rank = 0; rank < order_.size(); ++rank) {
    const rules::Rule& rule = set_.rules[order_[rank]];
    if (rule.cap) rank_of.emplace(rule.info.id, rank);
  }
  for (const CapDelivery& d : settled) {
    const auto it = rank_of.find(d.rule);
    if (it == rank_of.end()) {
      diag << "sancheck: error: settled caps name '" << d.rule << "', which is not a capped rule of this run\n";
      return false;
    }
    decisions_[{d.ordinal, it->second}] = judge::CapDecision{d.verdict, d.undecided, {}};
  }
  return true;
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

bool SettleCapDeliveries(const rules::RuleSet& set, std::vector<CapDelivery>& deliveries, std::ostream& diag,
                         const std::map<std::string, std::map<int, double>>& carried) {
  std::map<std::string, const rules::Rule*, std::less<>> capped;
  for (const rules::Rule& rule : set.rules) {
    if (rule.cap) capped.emplace(rule.info.id, &rule);
  }
  // The one counter, fed as one run's collecting pass feeds it: the same order, the same facts.
  judge::CapCounter counter{judge::CapTotals(carried.begin(), carried.end())};
  for (const CapDelivery& d : deliveries) {
    const auto it = capped.find(d.rule);
    if (it == capped.end()) {
      diag << "sancheck: error: a capped delivery names '" << d.rule << "', which is not a capped rule of the packs\n";
      return false;
    }
    expr::ItemFacts item;
    if (d.quantity) item.quantity.Set(*d.quantity);
    if (d.unit) item.unit.Set(*d.unit);
    counter.Add(*it->second, item, d.date);
  }
  const auto decided = counter.Settle();
  for (size_t i = 0; i < decided.size(); ++i) {
    deliveries[i].verdict = decided[i].verdict;
    deliveries[i].undecided = decided[i].undecided;
  }
  return true;
}

}  // namespace sancheck::batch
