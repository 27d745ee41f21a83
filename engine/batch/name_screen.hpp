// NameScreen: a worker's screening of exporter and importer names, through the run's shared NameCache.
#pragma once

#include <cstdint>
#include <optional>
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
/// pair it has met answers a pair seen before without taking the cache's lock, and mostly
/// from one cache line (a fixed-size table that let colliding pairs evict each other sent a
/// third of the lookups to the lock; entries and their names read through pointers were two
/// more cache misses a lookup).
class NameScreen {
 public:
  NameScreen(const judge::Screening& screening, NameCache& cache, Date run_date)
      : screening_(screening), cache_(cache), run_date_(run_date) {}

  /// A party's name and country, hashed, with its table slot already being fetched: made
  /// when a record is read, used by Status() after the rule index is searched.
  struct Party {
    std::string_view name;
    uint16_t country = NameCache::kNoCountry;
    uint64_t hash = 0;
  };
  Party Prepare(std::string_view name, const expr::Known<Country>& country) const;

  /// What screening concludes about the party on `date` (designated: kTrue a match,
  /// kUnknown a possible match, kFalse none or not yet listed; `cleared` reported), written
  /// into `out`, the caller's reused status (cleared first).
  void Status(const Party& party, Date date, judge::PartyStatus& out);
  judge::PartyStatus Status(std::string_view name, const expr::Known<Country>& country, Date date) {
    judge::PartyStatus status;
    Status(Prepare(name, country), date, status);
    return status;
  }

 private:
  /// One cache line: the pair's hash, country and the first bytes of its name, so that most
  /// lookups compare the name without leaving the slot. At most the cache's kMaxEntries pairs
  /// are remembered, so a worker's table stays under 32 MiB (48 MiB while it grows).
  static constexpr size_t kInline = 43;  // 21 bytes of fields before it: 64 in all
  struct alignas(64) Slot {
    uint64_t hash = 0;
    const NameCache::Entry* entry = nullptr;  ///< null: empty
    uint16_t country = 0;
    uint16_t length = 0;                      ///< of the name
    bool candidates = false;                  ///< the entry has candidates or is unscreenable (read only then)
    char head[kInline] = {};                  ///< the name's first kInline bytes
  };
  static_assert(sizeof(Slot) == 64, "a slot is one cache line");

  /// Every candidate of the name, as a party of `country` (none: unknown); `unscreenable`, when
  /// given, set to judge::Unscreenable(name).
  std::vector<screen::Candidate> Screen(std::string_view name, std::optional<Country> country,
                                        bool* unscreenable = nullptr) const;
  /// The name's entry as a party of no known country, screened once for the run (past the
  /// cache's bound, valid only until this thread's next miss: read it at once).
  const NameCache::Entry& CountryFree(std::string_view name);
  /// The slot of the pair this worker met before, or null.
  const Slot* Seen(const Party& p) const;
  void Remember(const NameCache::Entry& entry);

  const judge::Screening& screening_;
  NameCache& cache_;
  Date run_date_;
  std::vector<Slot> seen_ = std::vector<Slot>(1024);  ///< open addressing, linear probing; a power of two
  size_t seen_count_ = 0;
};

}  // namespace sancheck::batch
