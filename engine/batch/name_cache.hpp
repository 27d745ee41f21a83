// NameCache: every candidate of each (name, country) a batch run screens, shared by its workers.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "screen/screener.hpp"

namespace sancheck::batch {

/// Ledgers repeat their counterparties: each (name, country) is screened once per run, by
/// whichever worker meets it first, and kept for all. Entries are never dropped while the
/// cache lives, so a worker may keep pointers to them (NameScreen's own table); past
/// kMaxEntries, new pairs are screened without being kept, which bounds memory on ledgers of
/// unique names. Thread-safe: 64 shards, each behind its own lock, held only to find or add an
/// entry, never while screening.
class NameCache {
 public:
  static constexpr size_t kMaxEntries = 200000;
  static constexpr uint16_t kNoCountry = 0xFFFF;

  struct Entry {
    uint64_t hash = 0;
    uint16_t country = kNoCountry;
    bool kept = false;  ///< false: a pair screened past the bound, valid until the thread's next Get
    std::string name;
    std::vector<screen::Candidate> candidates;
    bool unscreenable = false;  ///< judge::Unscreenable(name): the party's status is unknown
  };

  /// The hash Get takes, of the name's bytes and the country, without building a string.
  static uint64_t Hash(std::string_view name, uint16_t country);

  /// What screening a pair gives its entry: every candidate, and whether the name is
  /// unscreenable (judge::Unscreenable).
  struct Screened {
    std::vector<screen::Candidate> candidates;
    bool unscreenable = false;
  };

  /// The entry of (name, country) under `hash`, made with screen() (a Screened) when absent.
  template <class Screen>
  const Entry& Get(uint64_t hash, std::string_view name, uint16_t country, Screen&& screen) {
    Shard& shard = shards_[hash % kShards];
    {
      std::lock_guard<std::mutex> lock(shard.mutex);
      if (const Entry* e = Find(shard, hash, name, country)) return *e;
    }
    Screened screened = screen();
    auto made = std::make_unique<Entry>(
        Entry{hash, country, true, std::string(name), std::move(screened.candidates), screened.unscreenable});
    if (size_.load(std::memory_order_relaxed) >= kMaxEntries) {
      thread_local Entry scratch;
      scratch = std::move(*made);
      scratch.kept = false;
      return scratch;
    }
    std::lock_guard<std::mutex> lock(shard.mutex);
    // Another worker may have screened the same pair meanwhile: keep the first.
    if (const Entry* e = Find(shard, hash, name, country)) return *e;
    size_.fetch_add(1, std::memory_order_relaxed);
    return *shard.map.emplace(hash, std::move(made))->second;
  }

 private:
  static constexpr size_t kShards = 64;
  struct Shard {
    std::mutex mutex;
    std::unordered_multimap<uint64_t, std::unique_ptr<Entry>> map;
  };

  static const Entry* Find(Shard& shard, uint64_t hash, std::string_view name, uint16_t country);

  std::array<Shard, kShards> shards_;
  std::atomic<size_t> size_{0};
};

}  // namespace sancheck::batch
