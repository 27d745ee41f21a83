// The outcome of a check: findings per activity, verdicts per activity and scenario, and the run's audit data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/rules.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {

/// A designation-screening hit behind a finding.
struct Match {
  std::string party;      ///< party id in the scenario
  std::string reference;  ///< "KPi.038"
  std::string name;       ///< the listed name that matched
  std::string list;       ///< the list it is on ("un-dprk"); empty for a designation the scenario states
  std::string regime;     ///< the list entry's regime ("DPRK", an OFAC programme...)
  double score = 0;
  bool possible = false;  ///< below the match threshold: review, not prohibited
  std::string why;
  std::string cleared_by; ///< a clearance applied (reported, never hidden)
  std::string clearance_note;
};

/// A CI waiver (`--waivers FILE`): accepts named findings until an expiry date.
/// Distinct from the legal exemptions of scenario files: it changes whether a
/// run fails, never a verdict.
struct Waiver {
  std::string scenario;  ///< scenario id
  std::string activity;  ///< activity id; empty: every activity of the scenario
  std::string rule;      ///< namespaced rule id; empty: every rule
  std::string reason;
  std::string approved_by;
  std::string ticket;
  Date expires;          ///< last day the waiver applies
  SourcePos pos;
};

enum class WaiverState : uint8_t {
  kApplied,  ///< in force and matched at least one finding
  kUnused,   ///< in force but matched no finding
  kExpired,  ///< past its expiry date: waives nothing and fails the run
};

struct WaiverStatus {
  Waiver waiver;
  WaiverState state = WaiverState::kUnused;
  int findings = 0;  ///< findings it waived
};

struct Finding {
  std::string rule;  ///< namespaced rule id
  Verdict verdict = Verdict::kPermitted;
  int item = -1;     ///< index into the activity's items, -1 for the whole activity
  std::string item_description;
  std::vector<Citation> citations;
  std::string message;
  std::vector<std::string> exemptions;  ///< how the activity could be lawful, if at all
  std::optional<Exemption> exemption_claimed;  ///< set when a claimed exemption turned this into review
  std::string exemption_note;  ///< why a claimed exemption does or does not change this finding
  bool undecided = false;  ///< the condition could not be decided from the file
  std::optional<Match> match;
  std::string cap_note;    ///< running total against a cap
  SourcePos pos;           ///< the activity, or the item
  int waiver = -1;         ///< index into RunResult::waivers when a waiver accepted it
};

/// A party as the activity names it, for the report's facts: who it is, not how it screened
/// (a finding's `match` says that).
struct FactParty {
  std::string role;  ///< "from", "to", "person", "vessel", "party"
  std::string id;
  std::string name;
  Country country;
  PartyKind kind = PartyKind::kCompany;
};

/// The facts a verdict rests on, copied from the scenario by the judging core so that a
/// report can show them beside the findings without reading the file again.
struct JudgedFacts {
  std::vector<FactParty> parties;  ///< in role order (the vessel among them), then joint-venture parties
  std::vector<Item> items;
  std::vector<Country> via;
  std::optional<Exemption> exemption;
  std::string serves;  ///< `for:` activity id; empty when it serves none
};

struct ActivityResult {
  std::string id;
  ActivityType type = ActivityType::kSupply;
  Date date;
  Verdict verdict = Verdict::kPermitted;
  std::vector<Finding> findings;  ///< sorted by rule id, then item
  SourcePos pos;
  JudgedFacts facts;  ///< last, so that brace initialisers written before it still hold
};

struct ScenarioResult {
  std::string file;
  std::string scenario;
  std::string title;
  std::string sha256;
  Verdict verdict = Verdict::kPermitted;
  std::vector<ActivityResult> activities;
};

struct Summary {
  int scenarios = 0;
  int activities = 0;
  int prohibited = 0;
  int review = 0;
  int permitted = 0;
  /// Activities counted above as prohibited or review whose every such finding
  /// is waived (they keep their verdict; they no longer fail the run).
  int waived = 0;
};

/// A designation list screening used: what an auditor needs to find the same file again.
struct ListInfo {
  std::string name;      ///< "un-dprk", "un-consolidated", "ofac-sdn", an own list's name
  std::string snapshot;  ///< the list's own generation date
  std::string source;
  std::string format;    ///< un-xml, ofac-csv, csv; empty for a hand-written list
  std::string sha256;    ///< of the list file as loaded
  size_t entries = 0;
  bool builtin = false;  ///< part of a built-in pack
};

struct RunResult {
  std::vector<PackInfo> packs;
  std::vector<ListInfo> lists;  ///< every designation list screened against
  std::vector<ScenarioResult> scenarios;
  Summary summary;
  std::optional<Date> as_of;
  std::string designations_snapshot;
  /// Days from the (oldest) designation list's snapshot to the day of the run; negative when
  /// the snapshot is dated after it (a fixed clock). Absent without a designation list.
  std::optional<int> designations_age_days;
  std::string generated;  ///< ISO 8601 UTC; fixed by SOURCE_DATE_EPOCH
  std::vector<RuleInfo> rules_fired;  ///< every rule with a finding, sorted by id
  std::vector<WaiverStatus> waivers;  ///< in the waivers file's order; empty without --waivers
  /// SHA-256 over the inputs' SHA-256s and the as-of date (ReportId): the same inputs give the
  /// same id whenever the report is generated, so a signed report can be matched to its rerun.
  std::string report_id;
  std::string prepared_by;  ///< sign-off names; empty when not given
  std::string reviewed_by;

  Verdict Worst() const;
};

}  // namespace sancheck
