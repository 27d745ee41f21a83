// CI waivers: loading a `--waivers` file, applying it to a run, and what then fails the run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "sancheck/report.hpp"
#include "sancheck/result.hpp"

namespace sancheck::waivers {

/// Reads a waivers file. Errors (positioned, strict keys, mandatory expiry) go
/// to `diags`; the list is complete only when `diags` has no errors.
std::vector<Waiver> LoadWaivers(const std::string& path, Diagnostics& diags);
std::vector<Waiver> ParseWaivers(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

/// Marks the prohibited and review findings that an unexpired waiver accepts
/// (the first matching waiver in file order), fills `run.waivers` and
/// `run.summary.waived`. A waiver expires after its `expires` day, judged
/// against `today`. Verdicts are left as they are.
void ApplyWaivers(const std::vector<Waiver>& waivers, Date today, RunResult& run);

/// The day waivers are judged against: the run's generation date, so
/// SOURCE_DATE_EPOCH fixes it as it fixes the report.
Date WaiverClock(const RunResult& run);

/// A finding fails the run when it is at or above --fail-on and no waiver accepted it.
inline bool FindingFails(const Finding& f, const ReportOptions& options) {
  return f.waiver < 0 && f.verdict >= options.fail_on;
}

/// Whether an activity fails: one of its findings fails.
bool ActivityFails(const ActivityResult& a, const ReportOptions& options);

/// Whether an activity's verdict is carried only by waived findings (see Summary::waived).
bool ActivityWaived(const ActivityResult& a);

/// Whether the run fails (exit 1): a failing finding, or an expired waiver.
/// With --fail-on never nothing fails.
bool RunFails(const RunResult& run, const ReportOptions& options);

/// Expired waivers as errors and unused ones as warnings, positioned at the waiver.
Diagnostics WaiverDiagnostics(const RunResult& run);

/// "COMP-12 (approved by J. Doe, expires 2024-06-30): reason", for reports.
std::string Describe(const Waiver& w);

std::string_view WaiverStateName(WaiverState s);

}  // namespace sancheck::waivers
