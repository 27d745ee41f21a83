// The façade: load rule packs once, then judge scenarios against them.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sancheck/clock.hpp"
#include "sancheck/diagnostics.hpp"
#include "sancheck/file_reader.hpp"
#include "sancheck/result.hpp"
#include "sancheck/rules.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {

/// Options of a check. Defaults:
///   rule_paths  (empty)  the built-in packs; otherwise exactly these (the command line
///                        adds the built-in packs beside --rules unless --no-builtin)
///   as_of       (none)   activities without a date are judged as of today
///   clearances  (empty)  no screening clearances
///   clock       (null)   the system clock; it dates the report and expires clearances
///   files       (null)   read rule_paths and clearances_path from the disk; a FileReader
///                        (e.g. MemoryFileReader) supplies them from memory instead
///   designations_max_age_days (180)  an activity dated later than this after the
///                        designation list's snapshot reads designations.stale as true
struct CheckOptions {
  std::vector<std::string> rule_paths;
  std::optional<Date> as_of;
  std::string clearances_path;
  std::shared_ptr<const Clock> clock;
  std::shared_ptr<const FileReader> files;
  int designations_max_age_days = 180;
  /// Designation lists screened beside the packs' own (YAML list files, see `sancheck lists import`).
  std::vector<std::string> lists;
};

/// Holds compiled rule packs. Immutable after Load(), so one Checker may judge
/// from several threads at once. Not copyable: packs are compiled once.
class Checker {
 public:
  static std::unique_ptr<Checker> Load(const CheckOptions& options, Diagnostics& diags);
  ~Checker();
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  /// `as_of` overrides the options' date for this run (rule tests carry their own).
  /// Call Validate() first: a scenario it refuses is still judged fail-closed (a tag test
  /// on an item with an unknown tag is undecided, so review), never silently permitted.
  RunResult Check(const std::vector<Scenario>& scenarios,
                  std::optional<Date> as_of = std::nullopt) const;

  /// Reports, positioned, what the scenarios name that the loaded packs do not know
  /// (an item tag no pack uses, an exemption kind no pack defines): such a scenario
  /// must not be judged, since an unknown word would silently match no rule.
  void Validate(std::span<const Scenario> scenarios, Diagnostics& diags) const;

  const std::vector<PackInfo>& packs() const;
  std::vector<RuleInfo> rules() const;
  const CheckOptions& options() const;

  struct Impl;  ///< the compiled packs and screening state (internal)
  const Impl& impl() const { return *impl_; }

 private:
  Checker();
  std::unique_ptr<Impl> impl_;
};

}  // namespace sancheck
