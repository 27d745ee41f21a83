// Screening policy shared by every front end: candidates per party once, status as of each activity's date.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_set.hpp"
#include "sancheck/file_reader.hpp"
#include "sancheck/result.hpp"
#include "sancheck/scenario.hpp"
#include "screen/clearances.hpp"
#include "screen/screener.hpp"

namespace sancheck::judge {

/// What screening concluded about one party on one date.
struct PartyStatus {
  Truth designated = Truth::kFalse;  ///< kUnknown for a possible match
  bool cleared = false;              ///< a match an analyst cleared (still reported)
  std::optional<Match> match;
};

/// The designation lists of the loaded packs and the analyst's clearances.
struct Screening {
  std::string snapshot;  ///< date(s) of the designation lists, empty when no pack has one
  std::optional<Date> oldest_snapshot;  ///< the oldest list's date
  int stale_after_days = 180;           ///< an activity later than this after the snapshot: stale data

  /// The designation data is too old to screen an activity of `date` (designations.stale).
  bool StaleFor(Date date) const {
    return oldest_snapshot && date.days - oldest_snapshot->days > stale_after_days;
  }
  std::unique_ptr<screen::Screener> screener;  ///< null when no pack has a designation list
  std::vector<ListInfo> lists;  ///< indexed by screen::Designation::list
  std::vector<screen::Clearance> clearances;
};

/// `files`, when given, is where the clearances file is read from (else the disk).
std::unique_ptr<Screening> LoadScreening(const rules::RuleSet& set, const std::string& clearances_path,
                                         Diagnostics& diags, const FileReader* files = nullptr);

/// Every designation `q` could be, whatever its listing date, best first. A party is
/// screened once; StatusAsOf() then reads the candidates as of each activity's date.
std::vector<screen::Candidate> AllCandidates(const Screening& screening, const screen::Query& q);

/// The status of a party on `date`: every candidate listed on or before that date is
/// considered, best first. A candidate cleared on `run_date` is set aside (and reported
/// if nothing else applies); the first remaining match makes the party designated, a
/// possible match makes it unknown (review). `party_id` and `party_name` find clearances.
PartyStatus StatusAsOf(const Screening& screening, const std::vector<screen::Candidate>& candidates,
                       std::string_view party_id, std::string_view party_name, Date date, Date run_date);

/// A designation the scenario states itself (`designated: KPi.038`): it applies from its
/// listing date like any other; a reference the list does not know is taken at its word.
PartyStatus StatedStatus(const Screening& screening, const Party& p, Date date);

}  // namespace sancheck::judge
