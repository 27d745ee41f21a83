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

// A running total past what a double holds stays finite: still past any cap.
double Added(double total, double amount) { return std::min(total + amount, std::numeric_limits<double>::max()); }

// Decisions are made in date order; on one day, deliveries that cannot be counted come first:
// whether one came after the delivery that reached the cap that day cannot be told, so it is
// not taken to have.
template <typename A, typename B>
bool CountedBefore(const A& a, const B& b) {
  return std::make_tuple(a.date, a.countable, a.order) < std::make_tuple(b.date, b.countable, b.order);
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

CapDecision CapCounter::Decide(const Delivery& d, int period, double before) {
  const rules::Cap& cap = *d.rule->cap;
  const std::string unit(UnitName(cap.unit));
  const std::string where = cap.PeriodLabel(period);
  CapDecision decision;
  if (!d.countable) {
    // Uncounted, but once the cap is reached any delivery at all goes past it.
    if (before >= cap.limit) {
      decision.verdict = Verdict::kProhibited;
      decision.note = "the cap of " + Amount(cap.limit) + " " + unit + where + " was already reached (" +
                      Amount(before) + " " + unit + " delivered before this); " + d.why_not +
                      ", but any delivery now goes past it";
    } else {
      decision.verdict = Verdict::kReview;
      decision.undecided = true;
      decision.note = d.why_not;
    }
    return decision;
  }
  const double total = Added(before, d.amount);
  if (before >= cap.limit) {
    decision.verdict = Verdict::kProhibited;
    decision.note = "the cap of " + Amount(cap.limit) + " " + unit + where + " was already reached (" +
                    Amount(before) + " " + unit + " delivered before this)";
  } else if (total > cap.limit) {
    decision.verdict = Verdict::kProhibited;
    decision.note = "this delivery of " + Amount(d.amount) + " " + unit + " crosses the cap of " +
                    Amount(cap.limit) + " " + unit + where + " (running total " + Amount(total) + " " + unit + ")";
  } else {
    decision.verdict = d.rule->info.verdict;
    decision.note = "running total " + Amount(total) + " of " + Amount(cap.limit) + " " + unit + where;
  }
  return decision;
}

CapCounter::Delivery CapCounter::Delivered(const rules::Rule& rule, const expr::ItemFacts& item, Date date,
                                           uint64_t order) {
  Delivery d{&rule, date, order, false, 0, ""};
  d.countable = AmountInCapUnit(*rule.cap, item, d.amount, d.why_not);
  return d;
}

size_t CapCounter::Add(const rules::Rule& rule, const expr::ItemFacts& item, Date date) {
  deliveries_.push_back(Delivered(rule, item, date, deliveries_.size()));
  return deliveries_.size() - 1;
}

std::vector<CapDecision> CapCounter::Settle() {
  std::vector<CapDecision> out(deliveries_.size());
  std::vector<const Delivery*> by_date;
  by_date.reserve(deliveries_.size());
  for (const Delivery& d : deliveries_) by_date.push_back(&d);
  std::stable_sort(by_date.begin(), by_date.end(),
                   [](const Delivery* a, const Delivery* b) { return CountedBefore(*a, *b); });
  for (const Delivery* d : by_date) {
    const rules::Cap& cap = *d->rule->cap;
    const int period = cap.PeriodOf(d->date);
    double& total = totals_[d->rule->info.id][period];
    const double before = total;
    if (d->countable) total = Added(total, d->amount);
    out[d->order] = Decide(*d, period, before);
  }
  deliveries_.clear();
  return out;
}

void CapBaseline::Add(const rules::Rule& rule, const expr::ItemFacts& item, Date date, uint32_t place,
                      uint32_t index) {
  const uint64_t order = (uint64_t{place} << 32) | index;
  CapCounter::Delivery d = CapCounter::Delivered(rule, item, date, order);
  periods_[{&rule, rule.cap->PeriodOf(date)}].push_back({date, d.countable, order, place, d.amount});
  sorted_ = false;
}

std::vector<CapDecision> CapBaseline::Decide(const std::vector<CappedItem>& items, Date date, uint32_t place) {
  if (!sorted_) {
    for (auto& [key, entries] : periods_) {
      std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return CountedBefore(a, b); });
    }
    sorted_ = true;
  }
  std::vector<CapCounter::Delivery> mine;
  for (size_t i = 0; i < items.size(); ++i) {
    mine.push_back(CapCounter::Delivered(*items[i].rule, *items[i].item, date, (uint64_t{place} << 32) | i));
  }
  std::vector<CapDecision> out(items.size());
  for (const CapCounter::Delivery& d : mine) {
    const int period = d.rule->cap->PeriodOf(date);
    // The deliveries counted before `d`, in the order CapCounter counts them: the baseline's
    // of its rule and period (this activity's own left out), merged with the others of `mine`.
    std::vector<const CapCounter::Delivery*> own;
    for (const CapCounter::Delivery& e : mine) {
      if (e.rule == d.rule && e.countable && CountedBefore(e, d)) own.push_back(&e);
    }
    std::sort(own.begin(), own.end(), [](auto* a, auto* b) { return CountedBefore(*a, *b); });
    double before = 0;
    size_t next_own = 0;
    const auto found = periods_.find({d.rule, period});
    if (found != periods_.end()) {
      for (const Entry& e : found->second) {
        if (!CountedBefore(e, d)) break;
        for (; next_own < own.size() && CountedBefore(*own[next_own], e); ++next_own) {
          before = Added(before, own[next_own]->amount);
        }
        if (e.place != place && e.countable) before = Added(before, e.amount);
      }
    }
    for (; next_own < own.size(); ++next_own) before = Added(before, own[next_own]->amount);
    out[static_cast<size_t>(d.order & 0xffffffffu)] = CapCounter::Decide(d, period, before);
  }
  return out;
}

}  // namespace sancheck::judge
