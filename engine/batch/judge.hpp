// Judge: the batch front end's per-record step — the rules a record can meet (from the index), judged by JudgeRule.
#pragma once

#include <vector>

#include <memory>

#include "batch/name_screen.hpp"
#include "batch/record.hpp"
#include "batch/rule_index.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// One rule that fired on a record. `capped`: the rule has a cap and its
/// condition was true, so its verdict waits for the cap accounting.
struct Finding {
  uint32_t rank = 0;
  Verdict verdict = Verdict::kPermitted;
  bool undecided = false;  ///< the condition was unknown (a missing fact): review
  bool capped = false;
  /// The screening match behind the finding (party "exporter"/"importer"/"vessel"), for a rule that
  /// read a party's screening; null otherwise, so most findings allocate nothing.
  std::shared_ptr<const Match> match;
};

/// Per-thread: holds the scratch facts and candidate set it reuses.
class Judge {
 public:
  /// `order[rank]` indexes set.rules; with `use_index` false every supply rule is evaluated.
  /// With `screening` and `names` (the run's cache, shared by its workers), exporter and
  /// importer names, and the carrying vessel's IMO number, are screened (when some rule reads a
  /// designation); its clearances expire
  /// against `run_date`. `capped_only` judges only the rules with a cap (the pass that
  /// collects capped deliveries before counting them).
  Judge(const rules::RuleSet& set, const RuleIndex& index, const std::vector<uint32_t>& order, bool use_index,
        const judge::Screening* screening = nullptr, NameCache* names = nullptr, Date run_date = Date(),
        bool capped_only = false);

  /// A record's exporter and importer as its screening will look them up (hashed, their table
  /// slots asked for); empty when no name is screened.
  struct Parties {
    NameScreen::Party from, to;
  };

  /// Appends the record's findings in rank order, judged by judge::JudgeRule as
  /// scenario activities are; capped rules are marked for the cap accounting. `parties` are
  /// Prefetch(r)'s.
  void Run(const Record& r, const Parties& parties, std::vector<Finding>& out);
  void Run(const Record& r, std::vector<Finding>& out) { Run(r, Prefetch(r), out); }
  /// Asks for the memory a record judged soon will read: the rule index's (RuleIndex::Prefetch)
  /// and its parties' slots in the worker's name table (a table of every pair met, too large
  /// for the nearer caches: fetched while the records before it are judged, not at its turn).
  Parties Prefetch(const Record& r) const {
    if (use_index_) index_.Prefetch(r);
    Parties p;
    if (names_) {
      p.from = names_->Prepare(r.from_name, r.from);
      p.to = names_->Prepare(r.to_name, r.to);
    }
    return p;
  }

 private:
  std::shared_ptr<const Match> MatchOf(const rules::Rule& rule) const;
  /// The carrying vessel's status on `date` by its IMO number (none: not a party), into `out`.
  void VesselStatus(std::string_view imo, Date date, judge::PartyStatus& out);
  /// The record's parties (exporter, importer, carrying vessel) screened as of its date, into
  /// the judge's statuses; only with a name screen (names_).
  void ScreenParties(const Record& r, const Parties& parties);

  const rules::RuleSet& set_;
  const RuleIndex& index_;
  const std::vector<uint32_t>& order_;
  bool use_index_;
  bool capped_only_;
  const judge::Screening* screening_;  ///< null: no designation list (nothing is stale)
  RankSet candidates_;
  RecordFacts facts_;
  std::unique_ptr<NameScreen> names_;  ///< null when nothing is screened
  bool unscreened_ = false;            ///< rules read designations and no list is loaded
  std::vector<bool> screens_;          ///< by rank: the rule reads a designation
  judge::PartyStatus from_status_, to_status_;  ///< the record's screening, for findings' matches
  judge::PartyStatus vessel_status_;
  Date run_date_;
  /// The IMO numbers some listed vessel or company has (Screener::ImoNumbers): most records'
  /// vessels are told apart from them by a search of integers, not a lookup of text.
  std::vector<uint32_t> listed_imo_numbers_;
  /// The IMO numbers met that some listed vessel or company has, with their candidates: few
  /// (the list's own), so a search of a short vector.
  std::vector<std::pair<std::string, std::vector<screen::Candidate>>> listed_imos_;
};

}  // namespace sancheck::batch
