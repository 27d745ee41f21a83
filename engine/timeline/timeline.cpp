// BuildTimeline(): judges each activity once per interval between its change points, then merges equal intervals.
#include "timeline/timeline.hpp"

#include <algorithm>
#include <map>

#include "judge/checker_impl.hpp"
#include "judge/rule_firings.hpp"
#include "judge/rule_judge.hpp"
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

// The scenario one activity is judged in: the activity, and what its judgement reads of the
// others — the activities it serves (for:), whose verdicts are its facts, and, when a capped
// rule applies to it, every activity (their deliveries count against the same caps).
// Judging the rest would only cost time: their findings do not reach this one's.
struct Subject {
  Scenario scenario;
  size_t index = 0;  ///< of the activity inside `scenario`
};

Subject SubjectOf(const rules::RuleSet& set, const Scenario& s, size_t activity) {
  const Activity& a = s.activities[activity];
  const bool capped = std::any_of(set.rules.begin(), set.rules.end(), [&](const rules::Rule& r) {
    return r.cap && judge::Applies(r, a.type);
  });
  Subject out{s, activity};
  if (capped) return out;
  std::vector<size_t> keep;  // the activity and the chain it serves (the loader refused cycles)
  for (int at = static_cast<int>(activity); at >= 0; at = s.activities[static_cast<size_t>(at)].serves) {
    keep.push_back(static_cast<size_t>(at));
  }
  std::sort(keep.begin(), keep.end());  // file order, which judging follows for ties
  std::map<int, int> renumbered;
  for (size_t i = 0; i < keep.size(); ++i) renumbered[static_cast<int>(keep[i])] = static_cast<int>(i);
  out.scenario.activities.clear();
  for (const size_t k : keep) {
    Activity copy = s.activities[k];
    if (copy.serves >= 0) copy.serves = renumbered.at(copy.serves);
    out.scenario.activities.push_back(std::move(copy));
  }
  out.index = static_cast<size_t>(renumbered.at(static_cast<int>(activity)));
  return out;
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

Timeline BuildTimeline(const Checker& checker, const std::vector<Scenario>& scenarios, const TimelineOptions& options) {
  const Checker::Impl& impl = checker.impl();
  // The same days Checker::Check judges on: the run's day from the clock, --as-of for undated activities.
  const Date run_date = impl.RunDate();
  const Date undated = impl.options.as_of.value_or(run_date);
  Timeline t;
  t.packs = checker.packs();
  t.to = options.to;
  for (const Scenario& s : scenarios) {
    ScenarioTimeline st{s.file, s.id, s.title, {}};
    judge::ScenarioParties parties(*impl.screening, s, run_date);
    for (size_t ai = 0; ai < s.activities.size(); ++ai) {
      const std::vector<Date> points =
          ChangePoints(*impl.set, *impl.screening, parties, s, ai, undated, options.to);
      Date from = options.from.value_or(std::min(points.empty() ? kFirstMeasure : points.front(), kFirstMeasure));
      if (!options.from) from = std::min(from, options.to);
      // The activity is judged by the judging pass itself (judge::JudgeScenarios, which
      // Checker::Check runs too), its date set to each interval's first day. Checker::Check
      // would add the audit block and a log line per call; the verdicts are the same.
      Subject subject = SubjectOf(*impl.set, s, ai);
      std::vector<Scenario> one{std::move(subject.scenario)};
      std::vector<Judgement> judged;
      auto judge_on = [&](Date day) {
        one.front().activities[subject.index].date = day;
        const RunResult run = judge::JudgeScenarios(*impl.set, *impl.screening, one, undated, run_date);
        judged.push_back(JudgementOf(*impl.set, run.scenarios.front().activities[subject.index]));
      };
      judge_on(from);
      for (auto it = std::upper_bound(points.begin(), points.end(), from); it != points.end(); ++it) judge_on(*it);
      ActivityTimeline at;
      at.id = s.activities[ai].id;
      at.type = s.activities[ai].type;
      MergeJudgements(judged, options.to, at);
      if (!options.from) StartOnFirstMeasure(at);
      st.activities.push_back(std::move(at));
    }
    t.scenarios.push_back(std::move(st));
  }
  return t;
}

}  // namespace sancheck::timeline
