// Cap accounting over a run: running totals per rule and period, crossing deliveries prohibited.
#include "eval/caps.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace sancheck::eval {
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

bool AmountInCapUnit(const rules::Cap& cap, const Item& item, double& amount, std::string& why) {
  if (!item.quantity || !item.unit) {
    why = "the item has no quantity and unit, so it cannot be counted against the cap";
    return false;
  }
  const auto it = cap.factors.find(*item.unit);
  if (it == cap.factors.end()) {
    why = "a quantity in " + std::string(UnitName(*item.unit)) + " cannot be converted to " +
          std::string(UnitName(cap.unit));
    return false;
  }
  amount = *item.quantity * it->second;
  return true;
}

void CapLedger::Add(const rules::Rule& rule, const Item& item, Date date, FindingRef ref) {
  Delivery d{&rule, date, ref, false, 0, ""};
  d.countable = AmountInCapUnit(*rule.cap, item, d.amount, d.unit_note);
  deliveries_.push_back(d);
}

void CapLedger::Settle(RunResult& run) {
  std::stable_sort(deliveries_.begin(), deliveries_.end(), [](const Delivery& a, const Delivery& b) {
    return std::tie(a.date, a.ref.scenario, a.ref.activity, a.ref.finding) <
           std::tie(b.date, b.ref.scenario, b.ref.activity, b.ref.finding);
  });
  for (const Delivery& d : deliveries_) {
    Finding& f = run.scenarios[d.ref.scenario].activities[d.ref.activity].findings[d.ref.finding];
    const rules::Cap& cap = *d.rule->cap;
    const int period = cap.PeriodOf(d.date);
    const std::string unit(UnitName(cap.unit));
    const std::string where = cap.PeriodLabel(period);
    if (!d.countable) {
      f.verdict = Verdict::kReview;
      f.undecided = true;
      f.cap_note = d.unit_note;
      continue;
    }
    double& total = totals[d.rule->info.id][period];
    const double before = total;
    total += d.amount;
    if (before >= cap.limit) {
      f.verdict = Verdict::kProhibited;
      f.cap_note = "the cap of " + Amount(cap.limit) + " " + unit + where + " was already reached (" +
                   Amount(before) + " " + unit + " delivered before this)";
    } else if (total > cap.limit) {
      f.verdict = Verdict::kProhibited;
      f.cap_note = "this delivery of " + Amount(d.amount) + " " + unit + " crosses the cap of " +
                   Amount(cap.limit) + " " + unit + where + " (running total " + Amount(total) + " " + unit + ")";
    } else {
      f.verdict = d.rule->info.verdict;
      f.cap_note = "running total " + Amount(total) + " of " + Amount(cap.limit) + " " + unit + where;
    }
  }
}

}  // namespace sancheck::eval
