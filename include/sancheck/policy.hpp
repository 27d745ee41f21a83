// When a run fails: the fail policy (--fail-on) and CI waivers, public so a caller computes the exit status as the CLI does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "sancheck/result.hpp"

namespace sancheck {

/// Which verdicts fail a run. Default: `prohibited` fails, `review` does not.
struct FailPolicy {
  Verdict fail_on = Verdict::kProhibited;
  bool never = false;  ///< nothing fails on verdicts (expired waivers and bad input still do)

  /// "prohibited", "review" or "never".
  static std::optional<FailPolicy> Parse(std::string_view text);
  std::string_view Name() const;
  /// A finding or record with this verdict fails the run, unless waived.
  bool Fails(Verdict v) const { return !never && v >= fail_on; }
};

/// A finding fails the run when its verdict fails under `policy` and no waiver accepted it.
inline bool FindingFails(const Finding& f, const FailPolicy& policy) { return f.waiver < 0 && policy.Fails(f.verdict); }
/// An activity fails when one of its findings does.
bool ActivityFails(const ActivityResult& a, const FailPolicy& policy);
/// The run fails (exit status 1): a failing finding, or an expired waiver (unless `never`).
bool RunFails(const RunResult& run, const FailPolicy& policy);

/// Reads a waivers file (strict YAML, positioned errors in `diags`, mandatory expiry).
std::vector<Waiver> LoadWaivers(const std::string& path, Diagnostics& diags);
/// Marks the prohibited and review findings that an unexpired waiver accepts (the first
/// matching waiver in file order), fills `run.waivers` and `run.summary.waived`. A waiver
/// expires after its `expires` day, judged against `today`. Verdicts are left as they are.
void ApplyWaivers(const std::vector<Waiver>& waivers, Date today, RunResult& run);
/// The day waivers are judged against: the run's generation date (the checker's clock).
Date WaiverClock(const RunResult& run);
/// Expired waivers as errors and unused ones as warnings, positioned at the waiver.
Diagnostics WaiverDiagnostics(const RunResult& run);

}  // namespace sancheck
