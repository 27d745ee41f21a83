// Checker: applies the compiled rule set to scenarios — dates, scopes, caps, exemptions, verdicts.
#include "sancheck/checker.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>

#include "eval/caps.hpp"
#include "eval/facts_builder.hpp"
#include "eval/screening.hpp"
#include "expr/evaluator.hpp"
#include "rules/exemptions.hpp"
#include "rules/rule_set.hpp"

namespace sancheck {
namespace {

// The party whose designation a rule read, for the finding's `match`.
std::optional<Match> MatchFor(const rules::Rule& rule, const expr::ActivityFacts& f,
                              const std::vector<eval::PartyStatus>& status) {
  using expr::FieldId;
  const std::pair<FieldId, const expr::PartyFacts*> reads[] = {
      {FieldId::kFromDesignated, &f.from}, {FieldId::kToDesignated, &f.to},
      {FieldId::kPersonDesignated, &f.person}, {FieldId::kVesselDesignated, &f.vessel}};
  const auto& read_fields = rule.program.fields_read;
  const bool any = std::find(read_fields.begin(), read_fields.end(), FieldId::kPartiesDesignated) !=
                       read_fields.end() ||
                   std::find(read_fields.begin(), read_fields.end(), FieldId::kPartiesCleared) !=
                       read_fields.end();
  for (const auto& [field, party] : reads) {
    const bool read = any || std::find(rule.program.fields_read.begin(), rule.program.fields_read.end(),
                                       field) != rule.program.fields_read.end();
    if (!read || !party->present) continue;
    const auto& st = status[static_cast<size_t>(party->party)];
    if (st.match && (party->designated != Truth::kFalse || st.cleared)) return st.match;
  }
  return std::nullopt;
}

std::string GeneratedTimestamp() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && end != epoch) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Verdict RunResult::Worst() const {
  Verdict v = Verdict::kPermitted;
  for (const auto& s : scenarios) v = std::max(v, s.verdict);
  return v;
}

Checker::~Checker() = default;

std::unique_ptr<Checker> Checker::Load(const CheckOptions& options, Diagnostics& diags) {
  std::unique_ptr<Checker> c(new Checker());
  c->options_ = options;
  c->set_ = rules::LoadRuleSet(options.rule_paths, diags);
  if (!c->set_) return nullptr;
  c->screening_ = eval::LoadScreening(*c->set_, options.clearances_path, diags);
  if (diags.HasErrors()) return nullptr;
  return c;
}

const std::vector<PackInfo>& Checker::packs() const { return set_->packs; }

std::vector<RuleInfo> Checker::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : set_->rules) out.push_back(r.info);
  return out;
}

RunResult Checker::Check(const std::vector<Scenario>& scenarios, std::optional<Date> as_of) const {
  RunResult run;
  run.packs = set_->packs;
  run.as_of = as_of ? as_of : options_.as_of;
  run.generated = GeneratedTimestamp();
  run.designations_snapshot = eval::DesignationsSnapshot(*screening_);
  const Date today = run.as_of.value_or(Date::Today());
  // Clearances expire against the day of the run, which SOURCE_DATE_EPOCH fixes too.
  const Date run_date = Date::Parse(run.generated.substr(0, 10)).value_or(Date::Today());
  eval::CapLedger caps;
  eval::ActivityFactsHolder holder;

  for (const Scenario& s : scenarios) {
    ScenarioResult sr;
    sr.file = s.file;
    sr.scenario = s.id;
    sr.title = s.title;
    sr.sha256 = s.sha256;
    for (const Activity& a : s.activities) {
      ActivityResult ar;
      ar.id = a.id;
      ar.type = a.type;
      ar.date = a.date.value_or(s.date.value_or(today));
      ar.pos = a.pos;
      const auto status = eval::ScreenParties(*screening_, s, ar.date, run_date);
      eval::BuildFacts(s, a, ar.date, set_->tags, status, holder);
      const expr::ActivityFacts& facts = holder.facts;
      for (const rules::Rule& rule : set_->rules) {
        if (!(rule.applies_mask & (1U << static_cast<unsigned>(a.type)))) continue;
        if (ar.date < rule.info.effective || (rule.info.until && ar.date > *rule.info.until)) continue;
        auto judge = [&](int item) {
          const expr::EvalContext ctx{&facts, item >= 0 ? &holder.items[static_cast<size_t>(item)] : nullptr};
          const Truth t = expr::Evaluate(rule.program, ctx);
          if (t == Truth::kFalse) return;
          if (t == Truth::kUnknown && rule.info.verdict == Verdict::kPermitted) return;
          Finding f;
          f.rule = rule.info.id;
          f.item = item;
          f.citations = rule.info.citations;
          f.pos = item >= 0 ? a.items[static_cast<size_t>(item)].pos : a.pos;
          if (item >= 0) f.item_description = a.items[static_cast<size_t>(item)].description;
          for (const auto& e : rule.info.exemptions) f.exemptions.push_back(e.text);
          if (f.exemptions.empty() && !rule.info.no_exemption.empty()) {
            f.exemptions.push_back(rule.info.no_exemption);
          }
          f.match = MatchFor(rule, facts, status);
          if (t == Truth::kUnknown) {
            f.verdict = Verdict::kReview;
            f.undecided = true;
            f.message = "Cannot be decided from the file: " + rule.info.message;
          } else {
            f.verdict = rule.info.verdict;
            f.message = rule.info.message;
          }
          if (rule.cap && t == Truth::kTrue && item >= 0) {
            caps.Add(rule, a.items[static_cast<size_t>(item)], ar.date,
                     {run.scenarios.size(), sr.activities.size(), ar.findings.size()});
          }
          ar.findings.push_back(std::move(f));
        };
        if (rule.program.item_scoped) {
          for (size_t i = 0; i < holder.items.size(); ++i) judge(static_cast<int>(i));
        } else {
          judge(-1);
        }
      }
      sr.activities.push_back(std::move(ar));
    }
    run.scenarios.push_back(std::move(sr));
  }

  // Caps count every delivery of the run in date order, so they are settled
  // only once all findings exist (the ledger kept their positions).
  caps.Settle(run);

  std::map<std::string, const rules::Rule*> fired;
  for (size_t si = 0; si < run.scenarios.size(); ++si) {
    ScenarioResult& sr = run.scenarios[si];
    const Scenario& s = scenarios[si];
    sr.verdict = Verdict::kPermitted;
    for (size_t ai = 0; ai < sr.activities.size(); ++ai) {
      ActivityResult& ar = sr.activities[ai];
      const Activity& a = s.activities[ai];
      ar.verdict = Verdict::kPermitted;
      for (Finding& f : ar.findings) {
        const rules::Rule* rule = set_->Find(f.rule);
        // A claimed exemption never permits: it turns a finding it can cover into review.
        if (rule && a.exemption && f.verdict == Verdict::kProhibited) {
          const auto claim = rules::JudgeExemptionClaim(*set_, *rule, *a.exemption, ar.date);
          f.exemption_note = claim.why;
          if (claim.covers) {
            f.verdict = Verdict::kReview;
            f.exemption_claimed = a.exemption;
          }
        }
        if (rule) fired.emplace(f.rule, rule);
        ar.verdict = std::max(ar.verdict, f.verdict);
      }
      std::stable_sort(ar.findings.begin(), ar.findings.end(), [](const Finding& x, const Finding& y) {
        return std::tie(x.rule, x.item) < std::tie(y.rule, y.item);
      });
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
  return run;
}

}  // namespace sancheck
