// Clearances: an analyst's record that a party is not the designated person or entity it resembles.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"

namespace sancheck::screen {

struct Clearance {
  std::string party;      ///< party name or party id, as in the scenario
  std::string reference;  ///< designation reference the party was cleared of (KPi.038)
  std::string reason;
  std::string cleared_by;
  Date expires;           ///< last day the clearance applies
  SourcePos pos;
};

std::vector<Clearance> ParseClearances(std::shared_ptr<const SourceFile> file, Diagnostics& diags);

enum class ClearanceState { kNone, kActive, kExpired };

struct ClearanceLookup {
  ClearanceState state = ClearanceState::kNone;
  const Clearance* clearance = nullptr;  ///< the applying one, or the latest expired one
};

/// The clearance of `reference` for the party known by `party_id` or `party_name`, as of
/// `as_of`. Names compare after folding (case, diacritics, punctuation). A clearance applies
/// up to and including its expiry date; after it the lookup reports it as expired, so a
/// report can say why a cleared match is back.
ClearanceLookup FindClearance(const std::vector<Clearance>& clearances, std::string_view party_id,
                              std::string_view party_name, std::string_view reference, Date as_of);

}  // namespace sancheck::screen
