// NameScreen: per-thread screening of exporter and importer names against the designation list, with a cache.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "expr/types.hpp"
#include "judge/screening.hpp"

namespace sancheck::batch {

/// Screens record parties by name and country. Ledgers repeat their counterparties, so each
/// (name, country) is screened once against the whole list and every candidate kept; the
/// status as of each record's date then comes from judge::StatusAsOf, the policy scenario
/// parties follow too (every candidate listed by then, clearances). Not thread-safe: one per worker.
class NameScreen {
 public:
  NameScreen(const judge::Screening& screening, Date run_date) : screening_(screening), run_date_(run_date) {}

  /// What screening concludes about the party on `date` (designated: kTrue a match,
  /// kUnknown a possible match, kFalse none or not yet listed; `cleared` reported).
  judge::PartyStatus Status(std::string_view name, const expr::Known<Country>& country, Date date);

 private:
  static constexpr size_t kMaxCached = 200000;  ///< bounds memory on ledgers of unique names

  const judge::Screening& screening_;
  Date run_date_;
  std::unordered_map<std::string, std::vector<screen::Candidate>> cache_;
  std::string key_;
};

}  // namespace sancheck::batch
