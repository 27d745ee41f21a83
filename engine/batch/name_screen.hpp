// NameScreen: a worker's screening of exporter and importer names, through the run's shared NameCache.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "batch/name_cache.hpp"
#include "expr/types.hpp"
#include "judge/screening.hpp"

namespace sancheck::batch {

/// Screens record parties by name and country: every candidate of a (name, country) comes
/// from the run's NameCache (screened once per run against the whole list); the status as of
/// each record's date then comes from judge::StatusAsOf, the policy scenario parties follow
/// too (every candidate listed by then, clearances). One per worker: its own table of every
/// entry it has met answers a pair seen before without taking the cache's lock; a fixed-size
/// table that let colliding pairs evict each other sent a third of the lookups to the lock.
class NameScreen {
 public:
  NameScreen(const judge::Screening& screening, NameCache& cache, Date run_date)
      : screening_(screening), cache_(cache), run_date_(run_date) {}

  /// What screening concludes about the party on `date` (designated: kTrue a match,
  /// kUnknown a possible match, kFalse none or not yet listed; `cleared` reported).
  judge::PartyStatus Status(std::string_view name, const expr::Known<Country>& country, Date date);

 private:
  struct Slot {
    uint64_t hash = 0;
    const NameCache::Entry* entry = nullptr;  ///< null: empty
  };

  /// The kept entry of (name, country) this worker met before, or null.
  const NameCache::Entry* Seen(uint64_t hash, std::string_view name, uint16_t country) const;
  /// Remembers a kept entry; the table doubles to stay at most half full.
  void Remember(const NameCache::Entry& entry);

  const judge::Screening& screening_;
  NameCache& cache_;
  Date run_date_;
  std::vector<Slot> seen_ = std::vector<Slot>(1024);  ///< open addressing, linear probing; a power of two
  size_t seen_count_ = 0;
};

}  // namespace sancheck::batch
