// RuleIndex: buckets a rule set's guards by country, HS chapter and tag, so a record meets only rules that can match it.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "batch/program_guard.hpp"
#include "batch/record.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// A set of rule ranks (positions in the index's rule order) that reads back
/// in ascending order. Reused from record to record: Clear() touches only the
/// words that were set.
class RankSet {
 public:
  void Reset(size_t count) { words_.assign((count + 63) / 64, 0); }
  void Set(uint32_t rank) {
    words_[rank >> 6] |= uint64_t{1} << (rank & 63);
    any_ = true;
  }
  bool Empty() const { return !any_; }
  void Clear() {
    if (!any_) return;
    for (auto& w : words_) w = 0;
    any_ = false;
  }
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t i = 0; i < words_.size(); ++i) {
      for (uint64_t w = words_[i]; w != 0; w &= w - 1) f(static_cast<uint32_t>(i * 64 + __builtin_ctzll(w)));
    }
  }

 private:
  std::vector<uint64_t> words_;
  bool any_ = false;
};

struct IndexStats {
  size_t rules = 0;        ///< rules that apply to supplies
  size_t always = 0;       ///< alternatives every record meets
  size_t by_country = 0;   ///< alternatives bucketed by exporter or importer country and HS chapter
  size_t by_tag = 0;
  size_t by_chapter = 0;
};

class RuleIndex {
 public:
  /// `order[rank]` is the position in set.rules of the rule evaluated rank-th
  /// (the output order). Rules that do not apply to supplies are left out.
  RuleIndex(const rules::RuleSet& set, const std::vector<uint32_t>& order);

  /// Adds the ranks of the rules whose guard holds for `r`. A record without
  /// an exporter or importer country meets every rule (its conditions may be unknown).
  void Candidates(const Record& r, RankSet& out) const;
  /// Every rule that applies to supplies (the index switched off).
  void All(RankSet& out) const;

  size_t rank_count() const { return rank_count_; }
  const IndexStats& stats() const { return stats_; }

 private:
  static constexpr int kNoHs = 100;  ///< the chapter bucket of a record without an HS code
  using Buckets = std::array<std::vector<uint32_t>, 101>;  ///< alternative ids per HS chapter

  struct Alt {
    uint32_t rank;
    GuardAlt guard;
  };

  bool Holds(const Alt& a, const Record& r) const;
  void AddToChapters(Buckets& b, uint32_t alt_id, const GuardAlt& g);

  size_t rank_count_ = 0;
  std::vector<uint32_t> supply_ranks_;
  std::vector<Alt> alts_;
  std::vector<uint32_t> always_;
  std::array<int16_t, Country::kCount> from_slot_{}, to_slot_{};
  std::vector<Buckets> from_buckets_, to_buckets_;
  std::array<std::vector<uint32_t>, expr::kMaxTags> by_tag_;
  Buckets by_chapter_;
  IndexStats stats_;
};

}  // namespace sancheck::batch
