// NameScreen: a worker's screening of exporter and importer names, through the run's shared NameCache.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "batch/name_cache.hpp"
#include "expr/types.hpp"
#include "judge/screening.hpp"

namespace sancheck::batch {

/// Screens record parties by name and country: every candidate of a (name, country) comes
/// from the run's NameCache (screened once per run against the whole list); the status as of
/// each record's date then comes from judge::StatusAsOf, the policy scenario parties follow
/// too (every candidate listed by then, clearances). One per worker: a small front table of
/// the entries it met last answers most records without taking a lock.
class NameScreen {
 public:
  NameScreen(const judge::Screening& screening, NameCache& cache, Date run_date)
      : screening_(screening), cache_(cache), run_date_(run_date) {}

  /// What screening concludes about the party on `date` (designated: kTrue a match,
  /// kUnknown a possible match, kFalse none or not yet listed; `cleared` reported).
  judge::PartyStatus Status(std::string_view name, const expr::Known<Country>& country, Date date);

 private:
  static constexpr size_t kFront = size_t{1} << 16;  ///< a power of two: 512 KB, few collisions at 20,000 pairs

  const judge::Screening& screening_;
  NameCache& cache_;
  Date run_date_;
  std::array<const NameCache::Entry*, kFront> front_{};  ///< by hash, entries the cache keeps
};

}  // namespace sancheck::batch
