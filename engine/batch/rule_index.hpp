// RuleIndex: buckets a rule set's guards by country, tag, HS chapter and heading, so a record meets only rules that can match it.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "batch/hs_buckets.hpp"
#include "batch/program_guard.hpp"
#include "batch/record.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// A set of rule ranks (positions in the index's rule order) that reads back
/// in ascending order. Reused from record to record: reading and Clear() touch
/// only the words between the first and the last that were set, so a large
/// rule set costs a record no more than the rules it meets.
class RankSet {
 public:
  void Reset(size_t count) {
    words_.assign((count + 63) / 64, 0);
    lo_ = words_.size();
    hi_ = 0;
  }
  void Set(uint32_t rank) {
    const size_t i = rank >> 6;
    words_[i] |= uint64_t{1} << (rank & 63);
    lo_ = std::min(lo_, i);
    hi_ = std::max(hi_, i + 1);
  }
  bool Empty() const { return lo_ >= hi_; }
  void Clear() {
    for (size_t i = lo_; i < hi_; ++i) words_[i] = 0;
    lo_ = words_.size();
    hi_ = 0;
  }
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = lo_; i < hi_; ++i) {
      for (uint64_t w = words_[i]; w != 0; w &= w - 1) f(static_cast<uint32_t>(i * 64 + __builtin_ctzll(w)));
    }
  }

 private:
  std::vector<uint64_t> words_;
  size_t lo_ = 0, hi_ = 0;  ///< the words that may be non-zero: [lo_, hi_)
};

struct IndexStats {
  size_t rules = 0;        ///< rules that apply to supplies
  size_t always = 0;       ///< alternatives every record meets
  size_t by_country = 0;   ///< alternatives bucketed by exporter or importer country (then tag, HS)
  size_t by_tag = 0;       ///< by tag (then HS), no country
  size_t by_chapter = 0;   ///< by HS chapter and heading alone
  size_t by_screening = 0; ///< met only when screening flags a party (no country)
};

class RuleIndex {
 public:
  /// `order[rank]` is the position in set.rules of the rule evaluated rank-th
  /// (the output order). Rules that do not apply to supplies are left out.
  RuleIndex(const rules::RuleSet& set, const std::vector<uint32_t>& order);

  /// Adds the ranks of the rules whose guard holds for `r`, but for the rules only a flagged
  /// party meets (see FlaggedCandidates). A record without an exporter or importer country
  /// meets every rule (its conditions may be unknown). Reads the buckets of the record's two
  /// countries, its tags and its HS heading only.
  void Candidates(const Record& r, RankSet& out) const;
  /// Rules no country settles that only a flagged party meets (parties.designated, ...): a
  /// caller adds them when screening flags one of the record's parties, and for most records
  /// does not. screening_gated(): the index has such rules.
  void FlaggedCandidates(const Record& r, RankSet& out) const;
  bool screening_gated() const { return screening_gated_; }
  /// Whether every alternative is filed under a country (none without one, none met only when a
  /// party is flagged): a record with both countries, neither of which has a bucket
  /// (HasExporterBucket, HasImporterBucket), then has no candidate at all, flagged or not.
  bool every_alt_under_a_country() const { return !any_without_country_ && !screening_gated_; }
  bool HasExporterBucket(uint16_t code) const { return from_slot_[code] >= 0; }
  bool HasImporterBucket(uint16_t code) const { return to_slot_[code] >= 0; }
  /// Asks for what Candidates(r) reads first, so that it is in cache when `r` is judged a
  /// couple of records later: the records stream through the cache and push the index out.
  void Prefetch(const Record& r) const {
    if (!r.from.known || !r.to.known) return;
    if (const int16_t s = from_slot_[r.from.value.code]; s >= 0) __builtin_prefetch(&plain_reach_[static_cast<size_t>(s)]);
    if (const int16_t s = to_slot_[r.to.value.code]; s >= 0) __builtin_prefetch(&plain_reach_[static_cast<size_t>(s)]);
  }
  /// Every rule that applies to supplies (the index switched off).
  void All(RankSet& out) const;

  size_t rank_count() const { return rank_count_; }
  const IndexStats& stats() const { return stats_; }

 private:
  struct Alt {
    uint32_t rank;
    GuardAlt guard;
  };
  /// The buckets under one country on one side (or under no country): alternatives without a
  /// tag constraint, and per tag those that need it. Indexes into tables_, -1 for none.
  struct Root {
    int32_t plain = -1;
    std::vector<std::pair<uint32_t, int32_t>> tagged;  ///< (tag, table): few tags per root
  };

  bool Holds(const Alt& a, const Record& r) const;
  Root& RootOf(std::array<int16_t, Country::kCount>& slots, size_t country);
  void File(Root& root, uint32_t alt_id);
  int32_t NewTable();
  void Scan(size_t root, const Record& r, const HsKey& key, RankSet& out) const;

  size_t rank_count_ = 0;
  std::vector<uint32_t> supply_ranks_;
  std::vector<Alt> alts_;
  std::vector<HsBuckets> tables_;
  /// [0]: no country; [kFlaggedRoot]: no country, met only when screening flags a party; then
  /// one per (side, country) some guard names.
  std::vector<Root> roots_;
  static constexpr size_t kFlaggedRoot = 1;
  bool screening_gated_ = false;
  std::vector<HsReach> plain_reach_;  ///< per root, its plain table's (nothing when it has none)
  bool any_without_country_ = false;  ///< roots_[0] holds something: most packs name a country in every rule
  std::array<int16_t, Country::kCount> from_slot_{}, to_slot_{};  ///< country -> roots_, -1 for none
  IndexStats stats_;
};

}  // namespace sancheck::batch
