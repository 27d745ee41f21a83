// ChangePoints(): collects every date the judging pass compares an activity's date with, for one activity.
#include "timeline/change_points.hpp"

#include <algorithm>

#include "judge/rule_judge.hpp"
#include "rules/exemptions.hpp"

namespace sancheck::timeline {
namespace {

Date Next(Date d) { return Date{d.days + 1}; }

// A date compared with `date` splits the days at it and after it: `date < c` turns at c,
// `date <= c` at the next day; == and != at both. Adding both covers every operator.
void AddBoth(Date d, std::vector<Date>& out) {
  out.push_back(d);
  out.push_back(Next(d));
}

void AddConditionDates(const expr::Program& program, std::vector<Date>& out) {
  for (const expr::Node& n : program.nodes) {
    if (n.type != expr::Type::kDate) continue;
    if (n.op == expr::Op::kCompare) {
      for (const expr::Operand* o : {&n.lhs, &n.rhs}) {
        if (!o->is_field) AddBoth(Date{static_cast<int32_t>(o->i)}, out);
      }
    } else if (n.op == expr::Op::kInSet || n.op == expr::Op::kListInSet) {
      for (const int32_t d : program.sets[n.set]->dates) AddBoth(Date{d}, out);
    }
  }
}

// The listing days that decide a party's status on a date (judge::StatusAsOf, StatedStatus).
void AddPartyDates(const judge::Screening& screening, judge::ScenarioParties& parties, const Scenario& s, int party,
                   std::vector<Date>& out) {
  if (party < 0 || static_cast<size_t>(party) >= s.parties.size()) return;
  const Party& p = s.parties[static_cast<size_t>(party)];
  if (!p.designated.empty() && screening.screener) {
    if (const screen::Designation* d = screening.screener->Find(p.designated)) out.push_back(d->listed_on);
  }
  for (const screen::Candidate& c : parties.Candidates(party)) {
    out.push_back(c.designation->listed_on);
    if (c.designation->delisted_on) out.push_back(*c.designation->delisted_on);
  }
}

// Sorted, without repeats, none after `to`.
std::vector<Date> Sorted(std::vector<Date> days, Date to) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  days.erase(std::upper_bound(days.begin(), days.end(), to), days.end());
  return days;
}

}  // namespace

void AddRuleDates(const rules::Rule& rule, std::vector<Date>& out) {
  out.push_back(rule.info.effective);
  if (rule.info.until) out.push_back(Next(*rule.info.until));
  // A finding cites the resolutions adopted by its day (rules::CitationsOn): each adoption
  // may add a citation.
  for (const Citation& c : rule.info.citations) {
    if (c.adopted) out.push_back(*c.adopted);
  }
  AddConditionDates(rule.program, out);
}

void AddCapPeriods(const rules::Cap& cap, Date first, Date to, std::vector<Date>& out) {
  if (cap.period == rules::Cap::Period::kWhole || to < first) return;
  // PeriodOf names a period by the year it starts in; each start is a change point.
  for (int year = cap.PeriodOf(first) + 1; year <= to.Year(); ++year) {
    const Date start = Date::FromCivil(year, cap.start_month, cap.start_day);
    if (!(to < start)) out.push_back(start);
  }
}

std::vector<Date> ChangePoints(const rules::RuleSet& set, const judge::Screening& screening,
                               judge::ScenarioParties& parties, const Scenario& s, size_t activity, Date to) {
  const Activity& a = s.activities[activity];
  std::vector<Date> out;
  for (const rules::Rule& rule : set.rules) {
    if (!judge::Applies(rule, a.type)) continue;
    AddRuleDates(rule, out);
  }
  if (a.exemption) {
    if (const int k = rules::ExemptionKindIndex(set, a.exemption->name); k >= 0) {
      const rules::ExemptionKindDef& kind = set.exemption_kinds[static_cast<size_t>(k)];
      if (kind.from) out.push_back(*kind.from);
      if (kind.until) out.push_back(Next(*kind.until));
    }
  }
  for (const int party : {a.from, a.to, a.person, a.vessel}) AddPartyDates(screening, parties, s, party, out);
  for (const int party : a.parties) AddPartyDates(screening, parties, s, party, out);
  // Screening.StaleFor: stale once the date is more than stale_after_days after the snapshot.
  if (screening.oldest_snapshot) out.push_back(Date{screening.oldest_snapshot->days + screening.stale_after_days + 1});
  return Sorted(std::move(out), to);
}

std::vector<Date> CapPoints(const rules::RuleSet& set, const Activity& a,
                            const std::vector<std::optional<Date>>& delivered_on, size_t self, Date to) {
  std::vector<Date> out;
  bool capped = false;
  for (const rules::Rule& rule : set.rules) {
    if (!rule.cap || !judge::Applies(rule, a.type)) continue;
    capped = true;
    AddCapPeriods(*rule.cap, rule.info.effective, to, out);
  }
  if (!capped) return out;
  for (size_t i = 0; i < delivered_on.size(); ++i) {
    if (i != self && delivered_on[i]) AddBoth(*delivered_on[i], out);
  }
  return Sorted(std::move(out), to);
}

}  // namespace sancheck::timeline
