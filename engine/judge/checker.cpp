// Checker: the library façade — loads packs and screening once, judges scenarios through the one judging pass.
#include "sancheck/checker.hpp"

#include <ctime>

#include "common/files.hpp"
#include "common/log.hpp"
#include "common/run_clock.hpp"
#include "judge/checker_impl.hpp"
#include "judge/scenario_run.hpp"
#include "rules/exemptions.hpp"
#include "scenario/tag_check.hpp"

namespace sancheck {

std::string Checker::Impl::Generated() const { return TimestampOf(*clock); }

Date Checker::Impl::RunDate() const { return DayOf(*clock); }

Verdict RunResult::Worst() const {
  Verdict v = Verdict::kPermitted;
  for (const auto& s : scenarios) v = std::max(v, s.verdict);
  return v;
}

Checker::Checker() : impl_(std::make_unique<Impl>()) {}
Checker::~Checker() = default;

std::unique_ptr<Checker> Checker::Load(const CheckOptions& options, Diagnostics& diags) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Checker> c(new Checker());
  Impl& impl = *c->impl_;
  impl.options = options;
  impl.clock = options.clock ? options.clock : std::make_shared<SystemClock>();
  rules::LoadOptions load;
  load.files = options.files.get();
  auto loaded = judge::LoadPacksAndScreening(
      options.rule_paths, load, judge::ScreeningSources{options.clearances_path, options.lists, options.files.get()},
      diags);
  if (!loaded.set || diags.HasErrors()) return nullptr;
  impl.set = std::move(loaded.set);
  impl.screening = std::move(loaded.screening);
  impl.screening->stale_after_days = options.designations_max_age_days;
  if (auto log = Logger()) {
    for (const auto& p : impl.set->packs) log->info("rule pack {} {} (sha256 {})", p.name, p.version, p.sha256);
    log->info("loaded {} rules, {} designations (snapshot {}), {} clearances in {:.1f} ms", impl.set->rules.size(),
              impl.screening->screener ? impl.screening->screener->size() : 0,
              impl.screening->snapshot.empty() ? "none" : impl.screening->snapshot,
              impl.screening->clearances.size(), MillisecondsSince(start));
  }
  return c;
}

void Checker::Validate(std::span<const Scenario> scenarios, Diagnostics& diags) const {
  CheckItemTags(scenarios, impl_->set->tags, diags);
  rules::CheckExemptionClaims(*impl_->set, scenarios, diags);
  // A stated designation is taken as stated (fail closed), but one no loaded list holds is most
  // often a slip in the reference (KPe.999 for KPe.099): said, so it is not shown as a match
  // with nothing behind it.
  const screen::Screener* screener = impl_->screening ? impl_->screening->screener.get() : nullptr;
  if (!screener) return;
  for (const Scenario& s : scenarios) {
    for (const Party& p : s.parties) {
      if (p.designated.empty() || screener->Find(p.designated)) continue;
      diags.Warning(p.pos, "scenario.unknown_designation",
                    "party '" + p.id + "' is stated designated as '" + p.designated +
                        "', which no loaded list holds: it is judged as designated, as the file says; check the "
                        "reference (or load the list that holds it with --lists)");
    }
  }
}

const std::vector<PackInfo>& Checker::packs() const { return impl_->set->packs; }
const CheckOptions& Checker::options() const { return impl_->options; }

std::vector<RuleInfo> Checker::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : impl_->set->rules) out.push_back(r.info);
  return out;
}

// The report's identity: its inputs by their SHA-256 and the date judged as of, never the time it
// was generated, so that rerunning the same files gives the same id. Without --as-of the day of
// the run stands in, because undated activities are judged as of that day.
static std::string ReportId(const RunResult& run, Date as_of) {
  std::string in = "sancheck-report-id/1\n";
  for (const auto& s : run.scenarios) in += "scenario " + s.sha256 + "\n";
  for (const auto& p : run.packs) in += "pack " + p.sha256 + "\n";
  for (const auto& l : run.lists) in += "list " + l.sha256 + "\n";
  return Sha256Hex(in + "as-of " + as_of.ToString() + "\n");
}

RunResult Checker::Impl::Judge(const std::vector<Scenario>& scenarios, std::optional<Date> as_of,
                               judge::Observer* observer) const {
  const auto start = std::chrono::steady_clock::now();
  const std::string generated = Generated();
  const Date run_date = RunDate();
  const std::optional<Date> date = as_of ? as_of : options.as_of;
  RunResult run = judge::JudgeScenarios(*set, *screening, scenarios, date.value_or(run_date), run_date, observer);
  run.packs = set->packs;
  run.as_of = date;
  run.generated = generated;
  run.designations_snapshot = screening->snapshot;
  run.lists = screening->lists;
  run.report_id = ReportId(run, date.value_or(run_date));
  if (screening->oldest_snapshot) run.designations_age_days = run_date.days - screening->oldest_snapshot->days;
  if (auto log = Logger()) {
    log->info("judged {} activities of {} scenarios in {:.1f} ms", run.summary.activities, run.summary.scenarios,
              MillisecondsSince(start));
  }
  return run;
}

RunResult Checker::Check(const std::vector<Scenario>& scenarios, std::optional<Date> as_of) const {
  return impl_->Judge(scenarios, as_of, nullptr);
}

}  // namespace sancheck
