// The façade: load rule packs once, then judge scenarios against them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"
#include "sancheck/result.hpp"
#include "sancheck/rules.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck {

namespace rules {
class RuleSet;
}

/// Options of a check. Defaults:
///   rule_paths  (empty)  the built-in packs; otherwise exactly these (the command line
///                        adds the built-in packs beside --rules unless --no-builtin)
///   as_of       (none)   activities without a date are judged as of today
///   clearances  (empty)  no screening clearances
struct CheckOptions {
  std::vector<std::string> rule_paths;
  std::optional<Date> as_of;
  std::string clearances_path;
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
  RunResult Check(const std::vector<Scenario>& scenarios,
                  std::optional<Date> as_of = std::nullopt) const;

  const std::vector<PackInfo>& packs() const;
  std::vector<RuleInfo> rules() const;
  const rules::RuleSet& rule_set() const { return *set_; }
  const CheckOptions& options() const { return options_; }

  struct Screening;  ///< designation screening state (engine/eval)

 private:
  Checker() = default;
  CheckOptions options_;
  std::unique_ptr<rules::RuleSet> set_;
  std::unique_ptr<Screening> screening_;
};

}  // namespace sancheck
