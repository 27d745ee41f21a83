// ScenarioParties: a scenario's parties screened once each, their status read as of each activity's date.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "judge/screening.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::judge {

/// Screening a scenario costs one list search per party that some activity names,
/// however many activities name it: the candidates are kept and only their listing
/// dates are compared with each activity's date. Statuses are indexed like
/// Scenario::parties; after Refresh() only the activity's own parties are current.
class ScenarioParties {
 public:
  ScenarioParties(const Screening& screening, const Scenario& s, Date run_date);

  /// Brings the statuses of the parties `a` names up to date for `date`.
  void Refresh(const Activity& a, Date date);
  const std::vector<PartyStatus>& status() const { return status_; }
  /// Every designation party `party` (a valid index) could be, whatever its listing date:
  /// screened on first use, as Refresh() screens it.
  const std::vector<screen::Candidate>& Candidates(int party);

 private:
  void RefreshOne(int party, Date date);

  const Screening& screening_;
  const Scenario& scenario_;
  Date run_date_;
  std::vector<std::optional<std::vector<screen::Candidate>>> candidates_;
  std::vector<int8_t> unscreenable_;  ///< per party: -1 not yet known, else Unscreenable(name)
  std::vector<PartyStatus> status_;
};

}  // namespace sancheck::judge
