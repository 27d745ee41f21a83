// BuildTimeline(): judges each activity once per interval between its change points, then merges equal intervals.
#include "timeline/timeline.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>

#include "judge/cap_counter.hpp"
#include "judge/checker_impl.hpp"
#include "judge/rule_firings.hpp"
#include "judge/scenario_run.hpp"
#include "timeline/change_points.hpp"

namespace sancheck::timeline {
namespace {

Date Previous(Date d) { return Date{d.days - 1}; }

// What a finding tells about its verdict beyond the rule's message.
std::string NoteOf(const Finding& f) {
  if (!f.exemption_note.empty()) return f.exemption_note;
  if (!f.cap_note.empty()) return f.cap_note;
  if (f.undecided) return f.message;
  return "";
}

// One Firing per rule: its most severe finding's verdict and note.
Judgement JudgementOf(const rules::RuleSet& set, const ActivityResult& result) {
  Judgement j;
  j.date = result.date;
  j.verdict = result.verdict;
  for (const Finding* f : judge::RuleFirings(result)) {
    Firing firing;
    firing.rule = f->rule;
    firing.verdict = f->verdict;
    if (const rules::Rule* rule = set.Find(f->rule)) firing.title = rule->info.title;
    firing.citations = f->citations;
    firing.note = NoteOf(*f);
    j.rules.push_back(std::move(firing));
  }
  return j;
}

bool SameRules(const Judgement& a, const Interval& b) {
  return a.verdict == b.verdict &&
         std::equal(a.rules.begin(), a.rules.end(), b.rules.begin(), b.rules.end(),
                    [](const Firing& x, const Firing& y) { return x.rule == y.rule; });
}

Change ChangeBetween(const Judgement& before, const Judgement& after) {
  Change c;
  c.date = after.date;
  c.verdict = after.verdict;
  std::map<std::string, const Firing*> old_rules;
  for (const Firing& f : before.rules) old_rules.emplace(f.rule, &f);
  for (const Firing& f : after.rules) {
    const auto it = old_rules.find(f.rule);
    if (it == old_rules.end()) {
      c.rules.push_back({RuleChange::Kind::kStarted, f, Verdict::kPermitted});
      continue;
    }
    if (it->second->verdict != f.verdict) c.rules.push_back({RuleChange::Kind::kChanged, f, it->second->verdict});
    old_rules.erase(it);
  }
  for (const auto& [id, f] : old_rules) c.rules.push_back({RuleChange::Kind::kEnded, *f, f->verdict});
  std::sort(c.rules.begin(), c.rules.end(),
            [](const RuleChange& x, const RuleChange& y) { return x.firing.rule < y.firing.rule; });
  return c;
}

// Settles the caps the activity's capped findings in `r` (judged on r.date) reach, as
// Checker::Check would with the activity on that day: every capped delivery of the run
// counts, the others' as judged on their own days (`others`).
void SettleCaps(judge::CapBaseline& others, uint32_t place, const std::vector<judge::CappedDelivery>& mine,
                ActivityResult& r) {
  std::vector<judge::CappedItem> items;
  for (const judge::CappedDelivery& d : mine) items.push_back({d.rule, &d.item});
  const std::vector<judge::CapDecision> decisions = others.Decide(items, r.date, place);
  for (size_t i = 0; i < mine.size(); ++i) {
    Finding& f = r.findings[mine[i].finding];
    f.verdict = decisions[i].verdict;
    f.undecided = decisions[i].undecided;
    f.cap_note = decisions[i].note;
  }
}

// Without --from a timeline is judged from its earliest change point, which may be a rule of
// another regime dated long before the DPRK measures; unless the judgement changes before 1718,
// the days before it say nothing and the timeline starts on 1718's day.
void StartOnFirstMeasure(ActivityTimeline& at) {
  if (at.intervals.empty()) return;
  if (!at.changes.empty() && at.changes.front().date < kFirstMeasure) return;
  if (at.intervals.back().to < kFirstMeasure) return;  // the whole range is before it
  while (at.intervals.front().to < kFirstMeasure) at.intervals.erase(at.intervals.begin());
  at.intervals.front().from = std::max(at.intervals.front().from, kFirstMeasure);
  if (!at.changes.empty() && at.changes.front().date == kFirstMeasure) at.changes.erase(at.changes.begin());
}

}  // namespace

bool Timeline::EndsProhibited() const {
  for (const auto& s : scenarios) {
    for (const auto& a : s.activities) {
      if (!a.intervals.empty() && a.intervals.back().verdict == Verdict::kProhibited) return true;
    }
  }
  return false;
}

void MergeJudgements(const std::vector<Judgement>& judged, Date to, ActivityTimeline& out) {
  out.intervals.clear();
  out.changes.clear();
  for (size_t i = 0; i < judged.size(); ++i) {
    const Judgement& j = judged[i];
    const Date last = i + 1 < judged.size() ? Previous(judged[i + 1].date) : to;
    if (!out.intervals.empty() && SameRules(j, out.intervals.back())) {
      // The same rules, perhaps citing more (a resolution adopted meanwhile): the interval
      // shows the citations of its last day, every paragraph that applies in it.
      out.intervals.back().to = last;
      out.intervals.back().rules = j.rules;
      continue;
    }
    if (!out.intervals.empty()) out.changes.push_back(ChangeBetween(judged[i - 1], j));
    out.intervals.push_back(Interval{j.date, last, j.verdict, j.rules});
  }
}

namespace {

// Every activity of the run judged once, each on its own day: what the activities it serves
// (for:) are, and the deliveries counted against the caps it may meet, do not depend on the
// day another activity is judged on. Each timeline then judges its activity alone on each of
// its change points. Caps count every delivery of the run, as check counts them.
struct RunBase {
  RunBase(const Checker::Impl& impl, const std::vector<Scenario>& scenarios, Date run_date, Date undated) {
    std::vector<judge::CappedDelivery> capped;
    uint32_t counted = 0;  // deliveries are added scenario by scenario, each in its judging order
    for (const Scenario& s : scenarios) {
      first.push_back(delivered_on.size());
      delivered_on.resize(delivered_on.size() + s.activities.size());
      place.resize(delivered_on.size());
      judges.push_back(std::make_unique<judge::ScenarioJudge>(*impl.set, *impl.screening, s, run_date));
      base.emplace_back(s.activities.size());
      for (const size_t ai : judges.back()->order()) {
        const size_t g = first.back() + ai;
        const Date day = judge::ActivityDay(s, s.activities[ai], undated);
        place[g] = counted++;
        capped.clear();
        judges.back()->Judge(ai, day, base.back(), base.back()[ai], capped);
        for (uint32_t i = 0; i < capped.size(); ++i) delivered.Add(*capped[i].rule, capped[i].item, day, place[g], i);
        if (!capped.empty()) delivered_on[g] = day;
      }
    }
  }

  std::vector<std::unique_ptr<judge::ScenarioJudge>> judges;  ///< per scenario
  std::vector<std::vector<ActivityResult>> base;              ///< per scenario and activity
  judge::CapBaseline delivered;
  std::vector<size_t> first;                      ///< per scenario: its first activity's index below
  std::vector<std::optional<Date>> delivered_on;  ///< per activity of the run: the day of its capped deliveries
  std::vector<uint32_t> place;                    ///< per activity of the run: its place in the counting order
};

// The days an activity's timeline judges it on after `from`, the first: its own change
// points, and those only its caps can change on.
struct Days {
  std::vector<Date> own;  ///< ChangePoints
  std::vector<Date> all;  ///< with CapPoints, after `from`
  Date from;

  // What judging them costs: a cap's day costs nothing to an activity without capped findings,
  // and the days an activity has them are told by its own day's (estimated: a capped rule
  // that starts after it is not seen).
  size_t Cost(bool delivers) const {
    const size_t own_after = static_cast<size_t>(own.end() - std::upper_bound(own.begin(), own.end(), from));
    return 1 + (delivers ? all.size() : own_after);
  }
};

Days DaysOf(const Checker::Impl& impl, RunBase& run, const Scenario& s, size_t si, size_t ai,
            const TimelineOptions& options) {
  Days d;
  d.own = ChangePoints(*impl.set, *impl.screening, run.judges[si]->parties(), s, ai, options.to);
  const std::vector<Date> counted =
      CapPoints(*impl.set, s.activities[ai], run.delivered_on, run.first[si] + ai, options.to);
  std::merge(d.own.begin(), d.own.end(), counted.begin(), counted.end(), std::back_inserter(d.all));
  d.all.erase(std::unique(d.all.begin(), d.all.end()), d.all.end());
  d.from = options.from.value_or(std::min(d.all.empty() ? kFirstMeasure : d.all.front(), kFirstMeasure));
  if (!options.from) d.from = std::min(d.from, options.to);
  d.all.erase(d.all.begin(), std::upper_bound(d.all.begin(), d.all.end(), d.from));
  return d;
}

ActivityTimeline TimelineOf(const Checker::Impl& impl, RunBase& run, const Scenario& s, size_t si, size_t ai,
                            const Days& days, const TimelineOptions& options) {
  const Activity& a = s.activities[ai];
  judge::ScenarioJudge& judge = *run.judges[si];
  const uint32_t place = run.place[run.first[si] + ai];
  std::vector<Judgement> judged;
  ActivityResult raw;  // the findings of the last day judged, before caps and claims
  std::vector<judge::CappedDelivery> mine;
  auto settle_on = [&](Date day) {
    ActivityResult r = raw;
    r.date = day;
    if (!mine.empty()) SettleCaps(run.delivered, place, mine, r);
    judge::SettleFindings(*impl.set, a, r);
    judged.push_back(JudgementOf(*impl.set, r));
  };
  auto judge_on = [&](Date day) {
    mine.clear();
    judge.Judge(ai, day, run.base[si], raw, mine);
    settle_on(day);
  };
  judge_on(days.from);
  for (const Date day : days.all) {
    if (std::binary_search(days.own.begin(), days.own.end(), day)) {
      judge_on(day);
    } else if (!mine.empty()) {
      // Only a cap's day (another delivery's, a period's start): the findings stand, the
      // caps are counted again.
      settle_on(day);
    }
  }
  ActivityTimeline at;
  at.id = a.id;
  at.type = a.type;
  MergeJudgements(judged, options.to, at);
  if (!options.from) StartOnFirstMeasure(at);
  return at;
}

}  // namespace

Timeline BuildTimeline(const Checker& checker, const std::vector<Scenario>& scenarios, const TimelineOptions& options,
                       Diagnostics& diags) {
  const Checker::Impl& impl = checker.impl();
  // The same days Checker::Check judges on: the run's day from the clock, --as-of for undated activities.
  const Date run_date = impl.RunDate();
  const Date undated = impl.options.as_of.value_or(run_date);
  Timeline t;
  t.packs = checker.packs();
  t.to = options.to;
  RunBase run(impl, scenarios, run_date, undated);
  // Each day of each activity is a judgement: a file of many capped deliveries, each moving
  // the others' caps, asks for a number of them that grows with its square. Counted before
  // any timeline is judged, and refused at the scenario that passes the bound.
  std::vector<std::vector<Days>> days(scenarios.size());
  size_t cost = 0;
  for (size_t si = 0; si < scenarios.size(); ++si) {
    const Scenario& s = scenarios[si];
    for (size_t ai = 0; ai < s.activities.size(); ++ai) {
      days[si].push_back(DaysOf(impl, run, s, si, ai, options));
      cost += days[si].back().Cost(run.delivered_on[run.first[si] + ai].has_value());
      if (cost > options.max_days) {
        diags.Error(s.pos, "timeline.too_many_days",
                    "the timeline would judge more than " + std::to_string(options.max_days) +
                        " activity-days: narrow it with --from and --to, or split the scenarios");
        return t;
      }
    }
  }
  for (size_t si = 0; si < scenarios.size(); ++si) {
    const Scenario& s = scenarios[si];
    ScenarioTimeline st{s.file, s.id, s.title, {}};
    for (size_t ai = 0; ai < s.activities.size(); ++ai) {
      st.activities.push_back(TimelineOf(impl, run, s, si, ai, days[si][ai], options));
    }
    t.scenarios.push_back(std::move(st));
  }
  return t;
}

}  // namespace sancheck::timeline
