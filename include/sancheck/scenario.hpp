// The scenario model: parties and activities as written in a scenario file (spec: scenario format v1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"

namespace sancheck {

enum class PartyKind : uint8_t {
  kState, kGovernment, kMilitary, kCompany, kBank, kIndividual, kVessel, kOrganisation
};
enum class ActivityType : uint8_t {
  kSupply, kService, kTravel, kEmployment, kJointVenture, kLaunch, kNuclearTest, kPortCall,
  kShipToShip
};
enum class ServiceKind : uint8_t {
  kTechnicalAssistance, kTraining, kScientificCooperation, kMaintenance, kFinancial, kBanking,
  kInsurance, kInvestment, kCrew, kBunkering, kFlagging, kChartering, kClassification, kTransport,
  kMilitaryDemonstration, kProperty, kBrokering, kOther
};
enum class Unit : uint8_t { kPcs, kKg, kT, kL, kBbl, kM3, kMWh };
inline constexpr Unit kLastUnit = Unit::kMWh;
enum class Vehicle : uint8_t { kBallisticMissile, kSatelliteLauncher, kCruiseMissile };
enum class ExemptionKind : uint8_t {
  kCommitteeApproval, kHumanitarian, kMedical, kRajinKhasan, kDiplomatic, kOther
};

/// A year of birth, or a full date of birth.
struct BirthDate {
  int year = 0;
  std::optional<Date> date;

  /// The one reading of a date of birth everywhere (scenario files, designation lists, the
  /// command line): a year "1960" or a date "1960-04-04", in 1900..2100; nullopt otherwise.
  static std::optional<BirthDate> Parse(std::string_view text);
};

struct Party {
  std::string id;
  std::string name;
  Country country;
  PartyKind kind = PartyKind::kCompany;
  std::vector<std::string> aliases;
  std::optional<BirthDate> born;
  std::string imo;         ///< 7 digits, vessels only; empty when absent
  std::string designated;  ///< designation reference stated in the file; empty when absent
  SourcePos pos;
};

struct Item {
  std::string description;
  std::optional<HsCode> hs;
  std::vector<std::string> tags;
  std::optional<double> quantity;
  std::optional<Unit> unit;
  std::optional<double> value_usd;
  std::optional<Country> origin;  ///< as written; the evaluator defaults it to the supplier's
  SourcePos pos;
  std::vector<SourcePos> tag_pos;  ///< where each of `tags` is written, for "unknown tag" errors
};

/// A claimed exemption. `name` is the kind as written, resolved against the
/// exemption kinds the loaded packs define (rules::CheckExemptionClaims);
/// `kind` is its generic family for conditions (`exemption == humanitarian`):
/// the family of that name, `other` for a pack's own kinds.
struct Exemption {
  ExemptionKind kind = ExemptionKind::kOther;
  std::string name;
  std::string reference;
  SourcePos pos;  ///< the kind as written
};

/// Party references are indices into Scenario::parties (-1 when absent).
struct Activity {
  std::string id;
  ActivityType type = ActivityType::kSupply;
  std::optional<Date> date;
  std::string description;
  std::vector<Country> via;
  int vessel = -1;
  std::optional<Exemption> exemption;

  int from = -1;
  int to = -1;
  int person = -1;
  std::vector<int> parties;          ///< joint-venture parties
  std::vector<Item> items;           ///< supply / ship-to-ship items, or a service's subject
  std::optional<ServiceKind> service;
  std::optional<double> amount_usd;
  std::optional<double> workers;
  std::optional<Vehicle> vehicle;
  std::optional<Country> destination;
  std::optional<Country> port_country;
  /// `for:` — the activity of the same scenario this one serves (a payment, insurance or
  /// transport for a supply): index into Scenario::activities, -1 when it serves none.
  int serves = -1;
  SourcePos pos;
};

struct Scenario {
  std::string file;  ///< path as given (or "-" for standard input)
  std::string sha256;  ///< of the whole file
  std::string id;
  std::string title;
  std::optional<Date> date;
  std::string description;
  std::vector<std::string> sources;
  std::vector<Party> parties;  ///< in file order
  std::vector<Activity> activities;
  SourcePos pos;

  int FindParty(std::string_view party_id) const;  ///< -1 when absent
};

// Names as written in scenario files, for loaders and reports.
std::string_view PartyKindName(PartyKind k);
std::string_view ActivityTypeName(ActivityType t);
std::string_view ServiceKindName(ServiceKind s);
std::string_view UnitName(Unit u);
std::string_view VehicleName(Vehicle v);
std::string_view ExemptionKindName(ExemptionKind e);
std::optional<PartyKind> ParsePartyKind(std::string_view s);
std::optional<ActivityType> ParseActivityType(std::string_view s);
std::optional<ServiceKind> ParseServiceKind(std::string_view s);
std::optional<Unit> ParseUnit(std::string_view s);
std::optional<Vehicle> ParseVehicle(std::string_view s);
std::optional<ExemptionKind> ParseExemptionKind(std::string_view s);

/// A file a folder search found but did not read as a scenario: `what` it is ("a waivers
/// file") and the top-level `key` that told so.
struct SkippedFile {
  std::string path;
  std::string what;
  std::string key;
};

/// How LoadScenarios searches folders. Hidden files and folders, rule-pack folders and
/// *.test.yaml are never searched; a file whose top-level keys make it a waivers, clearances,
/// rule-test, designation-list or rule-pack file is set aside; any other YAML file is read as
/// a scenario (and is an error when it is not one). Files named explicitly are always read.
struct ScenarioSearch {
  /// Globs of paths relative to the folder given, left out (fnmatch with FNM_PATHNAME:
  /// `*` does not cross a '/'; a folder that matches is left out whole).
  std::vector<std::string> exclude;
  /// When set, receives the files set aside, so that a caller can say so.
  std::vector<SkippedFile>* skipped = nullptr;
};

/// Reads scenario files (a file, a folder searched recursively for *.yaml /
/// *.yml, or "-" for standard input). Errors are appended to `diags`; the
/// returned scenarios are complete only when `diags` has no errors.
std::vector<Scenario> LoadScenarios(const std::vector<std::string>& paths, Diagnostics& diags,
                                    const ScenarioSearch& search = {});
/// Parses one scenario file's text (several YAML documents allowed).
std::vector<Scenario> ParseScenarioText(const std::string& path, std::string text,
                                        Diagnostics& diags);
/// Reports each scenario whose id an earlier one of `scenarios` already has (LoadScenarios
/// does this; callers that parse texts themselves call it on everything one run judges).
void CheckUniqueScenarioIds(const std::vector<Scenario>& scenarios, Diagnostics& diags);

}  // namespace sancheck
