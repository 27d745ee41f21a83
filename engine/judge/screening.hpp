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

class ListReadAhead;

/// What screening concluded about one party on one date.
struct PartyStatus {
  Truth designated = Truth::kFalse;  ///< kUnknown for a possible match
  bool cleared = false;              ///< a match an analyst cleared (still reported)
  std::optional<Match> match;
  /// An entry of another list (another UN regime, OFAC, an own list): never a UN DPRK
  /// designation, always someone's to review. kUnknown for a possible match.
  Truth listed = Truth::kFalse;
  expr::TagSet listed_under;        ///< regime tags of those entries that the packs know
  std::optional<Match> listed_match;

  /// Screening flagged the party: some fact a clean party reads as false (designated, listed,
  /// cleared, listed_under; see AddPartyScreening) is not. The batch index skips the rules that
  /// read only those facts for records whose parties are not flagged (GuardAlt::needs_flag).
  bool Flagged() const {
    return designated != Truth::kFalse || cleared || listed != Truth::kFalse || listed_under.any();
  }
  /// Back to a clean party's status. Nearly every party a batch meets is clean already: then
  /// nothing is written (the status is large, and zeroing it per record showed in profiles).
  void Clear() {
    if (Flagged() || match || listed_match) *this = PartyStatus{};
  }
};

/// A party no list could screen (none is loaded): designated and listed are unknown, so a rule
/// reading them gives review, never a silent "not designated".
/// A party's name gives screening nothing to match (punctuation, marks or invisible characters
/// alone, or generic words only): its status is Unscreened(), never a clear. An empty name is
/// not given at all, and is not this.
bool Unscreenable(std::string_view name);

inline PartyStatus Unscreened() {
  PartyStatus st;
  st.designated = Truth::kUnknown;
  st.listed = Truth::kUnknown;
  return st;
}

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
  /// Per designation (screener order): its regime's tag bit, -1 when no pack knows the tag.
  std::vector<int16_t> regime_tag;
  /// Per designation: whether it is a UN DPRK designation (feeds `designated`) or another list's.
  std::vector<bool> dprk;
  std::vector<screen::Clearance> clearances;
};

/// The tag a list entry's regime goes by in conditions (`parties.listed_under`): "un-" and the
/// regime for lists imported from the UN XML ("un-al-qaida"), "ofac" for OFAC's SDN list,
/// "ofac-non-sdn" for its consolidated non-SDN list (regime lists::kOfacConsolidatedRegime: not
/// blocking), "own-list" for any other list (an own CSV, a hand-written list).
std::string RegimeTag(std::string_view list_format, std::string_view regime);

/// Where screening's data comes from besides the packs' own lists.
struct ScreeningSources {
  std::string clearances_path;
  std::vector<std::string> list_paths;  ///< `--lists`: more designation lists
  const FileReader* files = nullptr;    ///< when given, files are read from it (else the disk)
  ListReadAhead* read_ahead = nullptr;  ///< the packs' lists, when already being read (LoadPacksAndScreening)
};

std::unique_ptr<Screening> LoadScreening(const rules::RuleSet& set, const ScreeningSources& sources,
                                         Diagnostics& diags);

/// A run's packs and its screening.
struct PacksAndScreening {
  std::unique_ptr<rules::RuleSet> set;  ///< null when the packs do not load
  std::unique_ptr<Screening> screening;  ///< null when the packs do not load
};

/// LoadRuleSet then LoadScreening, the packs' lists read on a second thread while their
/// conditions compile (ListReadAhead; it sets `options.on_parsed`). Errors go to `diags`.
PacksAndScreening LoadPacksAndScreening(const std::vector<std::string>& pack_paths, rules::LoadOptions options,
                                        ScreeningSources sources, Diagnostics& diags);

/// Every designation `q` could be, whatever its listing date, best first. A party is
/// screened once; StatusAsOf() then reads the candidates as of each activity's date.
/// `unscreenable`, when given, is set to Unscreenable(q.name), read from the screening itself.
std::vector<screen::Candidate> AllCandidates(const Screening& screening, const screen::Query& q,
                                             bool* unscreenable = nullptr);

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
