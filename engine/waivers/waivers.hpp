// CI waivers: loading a `--waivers` file, applying it to a run, and what then fails the run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "sancheck/policy.hpp"
#include "sancheck/result.hpp"

namespace sancheck::waivers {

// The public part (include/sancheck/policy.hpp), under the names the engine's tools use.
using sancheck::ActivityFails;
using sancheck::ApplyWaivers;
using sancheck::FindingFails;
using sancheck::LoadWaivers;
using sancheck::RunFails;
using sancheck::WaiverClock;
using sancheck::WaiverDiagnostics;

std::vector<Waiver> ParseWaivers(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

/// Whether an activity's verdict is carried only by waived findings (see Summary::waived).
bool ActivityWaived(const ActivityResult& a);

/// "COMP-12 (approved by J. Doe, expires 2024-06-30): reason", for reports.
std::string Describe(const Waiver& w);

std::string_view WaiverStateName(WaiverState s);

}  // namespace sancheck::waivers
