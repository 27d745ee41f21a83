// JudgeScenarios(): builds each activity's facts, hands every rule to JudgeRule, then settles caps and claims.
#include "judge/scenario_run.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "judge/cap_counter.hpp"
#include "judge/claims.hpp"
#include "judge/party_screen.hpp"
#include "judge/rule_judge.hpp"
#include "judge/scenario_facts.hpp"
#include "judge/screening_facts.hpp"
#include "rules/citations.hpp"

namespace sancheck::judge {
namespace {

// The parties an activity names, for the finding's `match`: its roles, then the partners
// only `parties.*` reaches.
std::optional<Match> MatchOf(const rules::Rule& rule, const expr::ActivityFacts& f, const Activity& a,
                             const std::vector<PartyStatus>& status) {
  using expr::FieldId;
  std::vector<ReadParty> read;
  const std::pair<FieldId, const expr::PartyFacts*> roles[] = {
      {FieldId::kFromDesignated, &f.from}, {FieldId::kToDesignated, &f.to},
      {FieldId::kPersonDesignated, &f.person}, {FieldId::kVesselDesignated, &f.vessel}};
  for (const auto& [field, party] : roles) {
    if (party->present) read.push_back({field, &status[static_cast<size_t>(party->party)]});
  }
  for (int party : a.parties) read.push_back({FieldId::kPartiesDesignated, &status[static_cast<size_t>(party)]});
  return MatchFor(rule, read);
}

// What a person would have to confirm to settle a possible match.
std::string WhatToConfirm(const Scenario& s, const Match& m) {
  for (const Party& p : s.parties) {
    if (p.id != m.party) continue;
    switch (p.kind) {
      case PartyKind::kVessel: return "the IMO number and flag";
      case PartyKind::kIndividual: return "the date of birth and nationality";
      default: return "the country and registration details";
    }
  }
  return "the identity";
}

std::string UndecidedMessage(const Scenario& s, const rules::Rule& rule, const std::optional<Match>& match,
                             bool no_list) {
  if (match && match->possible) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", match->score);
    return "Possible match of party '" + match->party + "' with " + match->name + " (" + match->reference +
           ", score " + score + "): confirm " + WhatToConfirm(s, *match) + ". If it is the listed one: " +
           rule.info.message;
  }
  // Without a list a party's designation is unknown (Unscreened): the file is not what is missing.
  if (no_list && ReadsScreening(rule)) {
    return "Cannot be decided without a designation list (none is loaded): " + rule.info.message;
  }
  return "Cannot be decided from the file: " + rule.info.message;
}

// `goods` is the activity whose items were judged (BuildFacts): the finding's item is one of them.
Finding MakeFinding(const rules::Rule& rule, const Outcome& o, const Scenario& s, const Activity& a,
                    const Activity& goods, const expr::ActivityFacts& facts, const std::vector<PartyStatus>& status,
                    bool no_list) {
  Finding f;
  f.rule = rule.info.id;
  f.item = o.item;
  f.verdict = o.verdict;
  f.undecided = o.undecided;
  f.citations = rules::CitationsOn(rule.info.citations, facts.date);
  f.pos = o.item >= 0 ? goods.items[static_cast<size_t>(o.item)].pos : a.pos;
  if (o.item >= 0) f.item_description = goods.items[static_cast<size_t>(o.item)].description;
  for (const auto& e : rule.info.exemptions) f.exemptions.push_back(e.text);
  if (f.exemptions.empty() && !rule.info.no_exemption.empty()) f.exemptions.push_back(rule.info.no_exemption);
  f.match = MatchOf(rule, facts, a, status);
  if (o.undecided && o.subject_unknown) {
    f.message = "Cannot be decided without the service's subject (what it concerns: the goods serviced, "
                "carried, insured or taught): " + rule.info.message;
  } else {
    f.message = o.undecided ? UndecidedMessage(s, rule, f.match, no_list) : rule.info.message;
  }
  return f;
}

// The parties, items and links the activity's verdict rests on, as the reports show them.
JudgedFacts FactsOf(const Scenario& s, const Activity& a) {
  JudgedFacts out;
  auto add = [&](const char* role, int index) {
    if (index < 0) return;
    const Party& p = s.parties[static_cast<size_t>(index)];
    out.parties.push_back({role, p.id, p.name, p.country, p.kind});
  };
  add("from", a.from);
  add("to", a.to);
  add("person", a.person);
  add("vessel", a.vessel);
  for (int party : a.parties) add("party", party);
  out.items = a.items;
  out.via = a.via;
  out.exemption = a.exemption;
  if (a.serves >= 0) out.serves = s.activities[static_cast<size_t>(a.serves)].id;
  return out;
}

// Where a capped finding sits, to set its verdict once every delivery is counted.
struct CapRef {
  size_t scenario, activity, finding;
};

void Summarise(const rules::RuleSet& set, const std::vector<Scenario>& scenarios, RunResult& run) {
  std::map<std::string, const rules::Rule*> fired;
  for (size_t si = 0; si < run.scenarios.size(); ++si) {
    ScenarioResult& sr = run.scenarios[si];
    sr.verdict = Verdict::kPermitted;
    for (size_t ai = 0; ai < sr.activities.size(); ++ai) {
      ActivityResult& ar = sr.activities[ai];
      SettleFindings(set, scenarios[si].activities[ai], ar);
      for (const Finding& f : ar.findings) {
        if (const rules::Rule* rule = set.Find(f.rule)) fired.emplace(f.rule, rule);
      }
      sr.verdict = std::max(sr.verdict, ar.verdict);
      ++run.summary.activities;
      switch (ar.verdict) {
        case Verdict::kProhibited: ++run.summary.prohibited; break;
        case Verdict::kReview: ++run.summary.review; break;
        case Verdict::kPermitted: ++run.summary.permitted; break;
      }
    }
    ++run.summary.scenarios;
  }
  for (const auto& [id, rule] : fired) run.rules_fired.push_back(rule->info);
}

// Judging order within a scenario: an activity after the one it serves (for:), so that a
// service is judged knowing the verdict of what it serves; otherwise file order.
std::vector<size_t> JudgingOrder(const Scenario& s) {
  std::vector<size_t> order;
  std::vector<bool> placed(s.activities.size(), false);
  for (size_t i = 0; i < s.activities.size(); ++i) {
    std::vector<size_t> chain;  // i, what i serves, what that serves, ... (the loader refused cycles)
    for (int at = static_cast<int>(i); at >= 0 && !placed[static_cast<size_t>(at)];
         at = s.activities[static_cast<size_t>(at)].serves) {
      chain.push_back(static_cast<size_t>(at));
      placed[static_cast<size_t>(at)] = true;
    }
    order.insert(order.end(), chain.rbegin(), chain.rend());
  }
  return order;
}

// The verdict a served activity has so far, as a fact: prohibited → true; review → unknown;
// permitted → false. A claim that covers a prohibition makes it review, as it will in the
// report; a capped finding waits for the count, so it counts as review: never cleared by a guess.
Truth ServedProhibited(const rules::RuleSet& set, const Activity& served, const ActivityResult& result) {
  Verdict v = Verdict::kPermitted;
  for (const Finding& f : result.findings) {
    const rules::Rule* rule = set.Find(f.rule);
    Finding claimed = f;
    if (rule) ApplyClaim(set, *rule, served, result.date, claimed);
    Verdict fv = claimed.verdict;
    if (rule && rule->cap) fv = std::min(fv, Verdict::kReview);
    v = std::max(v, fv);
  }
  return v == Verdict::kProhibited ? Truth::kTrue : v == Verdict::kReview ? Truth::kUnknown : Truth::kFalse;
}

}  // namespace

void SettleFindings(const rules::RuleSet& set, const Activity& a, ActivityResult& ar) {
  ar.verdict = Verdict::kPermitted;
  for (Finding& f : ar.findings) {
    const rules::Rule* rule = set.Find(f.rule);
    if (!rule) continue;
    ApplyClaim(set, *rule, a, ar.date, f);
    ar.verdict = std::max(ar.verdict, f.verdict);
  }
  std::stable_sort(ar.findings.begin(), ar.findings.end(), [](const Finding& x, const Finding& y) {
    return std::tie(x.rule, x.item) < std::tie(y.rule, y.item);
  });
}

ScenarioJudge::ScenarioJudge(const rules::RuleSet& set, const Screening& screening, const Scenario& s,
                             Date run_date, Observer* observer)
    : set_(set),
      screening_(screening),
      scenario_(s),
      observer_(observer),
      parties_(screening, s, run_date),
      order_(JudgingOrder(s)),
      goods_of_(s.activities.size()) {
  if (observer) hooks_.emplace(*observer);
  for (const size_t ai : order_) goods_of_[ai] = GoodsOf(s, ai, goods_of_);
}

void ScenarioJudge::Judge(size_t ai, Date date, const std::vector<ActivityResult>& judged, ActivityResult& out,
                          std::vector<CappedDelivery>& capped) {
  const Scenario& s = scenario_;
  const Activity& a = s.activities[ai];
  const Activity& goods = s.activities[goods_of_[ai]];
  out.id = a.id;
  out.type = a.type;
  out.date = date;
  out.pos = a.pos;
  out.facts = FactsOf(s, a);
  out.findings.clear();
  parties_.Refresh(a, date);
  BuildFacts(s, a, goods, date, set_.tags, parties_.status(), holder_);
  holder_.facts.designations_stale = screening_.StaleFor(date);
  holder_.facts.serves = a.serves >= 0;
  if (a.serves >= 0) {
    const auto served = static_cast<size_t>(a.serves);
    holder_.facts.served_prohibited = ServedProhibited(set_, s.activities[served], judged[served]);
  }
  const expr::ActivityFacts& facts = holder_.facts;
  if (observer_) observer_->BeginActivity(s, ai, goods, facts);
  for (const rules::Rule& rule : set_.rules) {
    auto emit = [&](Outcome o) {
      // A service judged on the goods it serves does not deliver them again: the served
      // activity's own finding counts them, and this one cannot be told apart from it.
      if (o.capped && &goods != &a) {
        o.capped = false;
        o.undecided = true;
        o.verdict = Verdict::kReview;
      }
      if (o.capped) capped.push_back({&rule, holder_.items[static_cast<size_t>(o.item)], out.findings.size()});
      out.findings.push_back(MakeFinding(rule, o, s, a, goods, facts, parties_.status(), !screening_.screener));
    };
    if (hooks_) {
      JudgeRule(rule, facts, *hooks_, emit);
    } else {
      JudgeRule(rule, facts, emit);
    }
  }
}

RunResult JudgeScenarios(const rules::RuleSet& set, const Screening& screening,
                         const std::vector<Scenario>& scenarios, Date today, Date run_date, Observer* observer) {
  RunResult run;
  CapCounter caps;
  std::vector<CapRef> cap_refs;
  std::vector<CappedDelivery> capped;
  for (const Scenario& s : scenarios) {
    ScenarioResult sr;
    sr.file = s.file;
    sr.scenario = s.id;
    sr.title = s.title;
    sr.sha256 = s.sha256;
    sr.activities.resize(s.activities.size());
    ScenarioJudge judge(set, screening, s, run_date, observer);
    for (const size_t ai : judge.order()) {
      const Activity& a = s.activities[ai];
      capped.clear();
      judge.Judge(ai, ActivityDay(s, a, today), sr.activities, sr.activities[ai], capped);
      for (const CappedDelivery& d : capped) {
        caps.Add(*d.rule, d.item, sr.activities[ai].date);
        cap_refs.push_back({run.scenarios.size(), ai, d.finding});
      }
    }
    run.scenarios.push_back(std::move(sr));
  }

  // Caps count every delivery of the run in date order, so they are settled only once all exist.
  const std::vector<CapDecision> decisions = caps.Settle();
  for (size_t i = 0; i < decisions.size(); ++i) {
    const CapRef& ref = cap_refs[i];
    Finding& f = run.scenarios[ref.scenario].activities[ref.activity].findings[ref.finding];
    f.verdict = decisions[i].verdict;
    f.undecided = decisions[i].undecided;
    f.cap_note = decisions[i].note;
  }
  Summarise(set, scenarios, run);
  return run;
}

}  // namespace sancheck::judge
