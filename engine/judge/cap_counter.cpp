// CapCounter: running totals per rule and period in date order; the crossing delivery and later ones prohibited.
#include "judge/cap_counter.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <tuple>

namespace sancheck::judge {
namespace {

std::string Amount(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  std::string s = buf;
  // Thousands separators make caps readable: 500,000 bbl.
  for (int i = static_cast<int>(s.size()) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3) {
    s.insert(static_cast<size_t>(i), ",");
  }
  return s;
}

}  // namespace

bool AmountInCapUnit(const rules::Cap& cap, const expr::ItemFacts& item, double& amount, std::string& why) {
  if (!item.quantity.known || !item.unit.known) {
    why = "the item has no quantity and unit, so it cannot be counted against the cap";
    return false;
  }
  const auto it = cap.factors.find(item.unit.value);
  if (it == cap.factors.end()) {
    why = "a quantity in " + std::string(UnitName(item.unit.value)) + " cannot be converted to " +
          std::string(UnitName(cap.unit));
    return false;
  }
  // Saturated: a quantity past what a double holds is still past any cap, and totals stay finite.
  amount = std::min(item.quantity.value * it->second, std::numeric_limits<double>::max());
  return true;
}

size_t CapCounter::Add(const rules::Rule& rule, const expr::ItemFacts& item, Date date) {
  Delivery d{&rule, date, deliveries_.size(), false, 0, ""};
  d.countable = AmountInCapUnit(*rule.cap, item, d.amount, d.why_not);
  deliveries_.push_back(std::move(d));
  return deliveries_.size() - 1;
}

std::vector<CapDecision> CapCounter::Settle() {
  std::vector<CapDecision> out(deliveries_.size());
  std::vector<const Delivery*> by_date;
  by_date.reserve(deliveries_.size());
  for (const Delivery& d : deliveries_) by_date.push_back(&d);
  // On one day, deliveries that cannot be counted come first: whether one came after the
  // delivery that reached the cap that day cannot be told, so it is not taken to have.
  std::stable_sort(by_date.begin(), by_date.end(), [](const Delivery* a, const Delivery* b) {
    return std::make_tuple(a->date, a->countable, a->order) < std::make_tuple(b->date, b->countable, b->order);
  });
  for (const Delivery* d : by_date) {
    CapDecision& decision = out[d->order];
    const rules::Cap& cap = *d->rule->cap;
    const int period = cap.PeriodOf(d->date);
    const std::string unit(UnitName(cap.unit));
    const std::string where = cap.PeriodLabel(period);
    double& total = totals_[d->rule->info.id][period];
    const double before = total;
    if (!d->countable) {
      // Uncounted, but once the cap is reached any delivery at all goes past it.
      if (before >= cap.limit) {
        decision.verdict = Verdict::kProhibited;
        decision.note = "the cap of " + Amount(cap.limit) + " " + unit + where + " was already reached (" +
                        Amount(before) + " " + unit + " delivered before this); " + d->why_not +
                        ", but any delivery now goes past it";
      } else {
        decision.verdict = Verdict::kReview;
        decision.undecided = true;
        decision.note = d->why_not;
      }
      continue;
    }
    total = std::min(total + d->amount, std::numeric_limits<double>::max());
    if (before >= cap.limit) {
      decision.verdict = Verdict::kProhibited;
      decision.note = "the cap of " + Amount(cap.limit) + " " + unit + where + " was already reached (" +
                      Amount(before) + " " + unit + " delivered before this)";
    } else if (total > cap.limit) {
      decision.verdict = Verdict::kProhibited;
      decision.note = "this delivery of " + Amount(d->amount) + " " + unit + " crosses the cap of " +
                      Amount(cap.limit) + " " + unit + where + " (running total " + Amount(total) + " " + unit + ")";
    } else {
      decision.verdict = d->rule->info.verdict;
      decision.note = "running total " + Amount(total) + " of " + Amount(cap.limit) + " " + unit + where;
    }
  }
  deliveries_.clear();
  return out;
}

}  // namespace sancheck::judge
