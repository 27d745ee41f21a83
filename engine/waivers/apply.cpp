// Applying waivers to a run: mark accepted findings, track expired and unused waivers, decide failure.
#include <algorithm>

#include "waivers/waivers.hpp"

namespace sancheck {
namespace {

bool Matches(const Waiver& w, const ScenarioResult& s, const ActivityResult& a, const Finding& f) {
  return w.scenario == s.scenario && (w.activity.empty() || w.activity == a.id) &&
         (w.rule.empty() || w.rule == f.rule);
}

}  // namespace

void ApplyWaivers(const std::vector<Waiver>& waivers, Date today, RunResult& run) {
  run.waivers.clear();
  for (const auto& w : waivers) {
    WaiverStatus st;
    st.waiver = w;
    st.state = w.expires < today ? WaiverState::kExpired : WaiverState::kUnused;
    run.waivers.push_back(std::move(st));
  }
  for (auto& s : run.scenarios) {
    for (auto& a : s.activities) {
      for (auto& f : a.findings) {
        f.waiver = -1;
        // Permitted findings are notes: there is nothing to waive.
        if (f.verdict == Verdict::kPermitted) continue;
        for (size_t i = 0; i < run.waivers.size(); ++i) {
          WaiverStatus& st = run.waivers[i];
          if (st.state == WaiverState::kExpired || !Matches(st.waiver, s, a, f)) continue;
          f.waiver = static_cast<int>(i);
          st.state = WaiverState::kApplied;
          ++st.findings;
          break;
        }
      }
    }
  }
  run.summary.waived = 0;
  for (const auto& s : run.scenarios) {
    for (const auto& a : s.activities) run.summary.waived += waivers::ActivityWaived(a) ? 1 : 0;
  }
}

Date WaiverClock(const RunResult& run) {
  if (run.generated.size() >= 10) {
    if (auto d = Date::Parse(std::string_view(run.generated).substr(0, 10))) return *d;
  }
  return Date::Today();
}

bool ActivityFails(const ActivityResult& a, const FailPolicy& policy) {
  return std::any_of(a.findings.begin(), a.findings.end(),
                     [&](const Finding& f) { return FindingFails(f, policy); });
}

bool waivers::ActivityWaived(const ActivityResult& a) {
  if (a.verdict == Verdict::kPermitted) return false;
  return std::all_of(a.findings.begin(), a.findings.end(), [](const Finding& f) {
    return f.verdict == Verdict::kPermitted || f.waiver >= 0;
  });
}

bool RunFails(const RunResult& run, const FailPolicy& policy) {
  if (policy.never) return false;
  for (const auto& w : run.waivers) {
    if (w.state == WaiverState::kExpired) return true;
  }
  for (const auto& s : run.scenarios) {
    for (const auto& a : s.activities) {
      if (ActivityFails(a, policy)) return true;
    }
  }
  return false;
}

Diagnostics WaiverDiagnostics(const RunResult& run) {
  Diagnostics d;
  for (const auto& st : run.waivers) {
    const Waiver& w = st.waiver;
    if (st.state == WaiverState::kExpired) {
      d.Error(w.pos, "waiver.expired",
              "waiver " + w.ticket + " expired on " + w.expires.ToString() +
                  ": its findings count again; renew it (new expiry, approval) or fix the scenario");
    } else if (st.state == WaiverState::kUnused) {
      d.Warning(w.pos, "waiver.unused",
                "waiver " + w.ticket + " matched no prohibited or review finding (scenario '" + w.scenario + "'" +
                    (w.activity.empty() ? "" : ", activity '" + w.activity + "'") +
                    (w.rule.empty() ? "" : ", rule '" + w.rule + "'") + "); remove it");
    }
  }
  return d;
}

std::string waivers::Describe(const Waiver& w) {
  return w.ticket + " (approved by " + w.approved_by + ", expires " + w.expires.ToString() + "): " + w.reason;
}

std::string_view waivers::WaiverStateName(WaiverState s) {
  switch (s) {
    case WaiverState::kApplied: return "applied";
    case WaiverState::kUnused: return "unused";
    case WaiverState::kExpired: return "expired";
  }
  return "unused";
}

}  // namespace sancheck

namespace sancheck {

std::optional<FailPolicy> FailPolicy::Parse(std::string_view text) {
  if (text == "never") return FailPolicy{Verdict::kProhibited, true};
  const auto v = ParseVerdict(text);
  if (!v || *v == Verdict::kPermitted) return std::nullopt;  // "permitted" would fail every run
  return FailPolicy{*v, false};
}

std::string_view FailPolicy::Name() const { return never ? "never" : VerdictName(fail_on); }

}  // namespace sancheck
