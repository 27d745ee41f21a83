// Gathering one query's names: entries sorted by name, one pass summing each name's pairs, common parts searched, bounds applied.
#include "screen/name_gather.hpp"

#include <algorithm>
#include <cassert>
#include <bit>

#include "screen/id_sort.hpp"
#include "screen/name_index.hpp"

namespace sancheck::screen {
namespace {

// Whether the ascending ids[first, last) hold `id`: a binary search whose steps are
// conditional moves, not branches (which a search of names in no order mispredicts half the time).
bool Holds(const uint32_t* ids, uint32_t first, uint32_t last, uint32_t id) {
  const uint32_t* base = ids + first;
  size_t n = last - first;
  if (n == 0) return false;
  while (n > 1) {
    const size_t half = n / 2;
    base = base[half] <= id ? base + half : base;
    n -= half;
  }
  return *base == id;
}

// The heaviest of the part's terms name `id` has, or a negative number when
// none (each range ascending: binary search).
float WeightOfName(const Part& p, const std::vector<TermRange>& ranges, const Column<uint32_t>& ids, uint32_t id) {
  float found = -1;
  for (size_t r = p.first; r < p.first + p.count; ++r) {
    if (ranges[r].weight > found && Holds(ids.data(), ranges[r].first, ranges[r].last, id)) found = ranges[r].weight;
  }
  return found;
}

}  // namespace

void NameGatherer::FindSingles(const GatherPlan& plan, const Pairing& later) {
  for (size_t e = 0; e < plan.essential; ++e) {
    const Part& part = plan.parts[e];
    for (size_t r = part.first; r < part.first + part.count; ++r) {
      Pairing p;
      AddPair(p, part, plan.ranges[r].weight);
      single_ok_[r] = plan.bound(p, later, -1) >= plan.floor ? 1 : 0;
    }
  }
}

Pairing NameGatherer::PairingOf(const GatherPlan& plan, size_t k) const {
  if (!(state_[k] & kSingle)) return pool_[state_[k]];
  const uint32_t range = state_[k] & ~kSingle;
  Pairing p;
  AddPair(p, plan.parts[range_part_[range]], plan.ranges[range].weight);
  return p;
}

void NameGatherer::Materialize(const GatherPlan& plan, size_t k) {
  if (!(state_[k] & kSingle)) return;
  const Pairing p = PairingOf(plan, k);
  state_[k] = static_cast<uint32_t>(pool_.size());
  pool_.push_back(p);
}

void NameGatherer::Keep(const NameIndex& index, const GatherPlan& plan, const Pairing& later, bool weighed) {
  size_t kept = 0;
  uint32_t* const ids = ids_.data();
  uint32_t* const state = state_.data();
  const size_t n = ids_.size();
  if (!weighed) {
    // Most names pair one range, answered per range: the names kept are written in place
    // whatever the answer, so the loop does not branch on it.
    FindSingles(plan, later);
    for (size_t k = 0; k < n; ++k) {
      const uint32_t id = ids[k], st = state[k];
      const bool may = st & kSingle ? single_ok_[st & ~kSingle] != 0 : plan.bound(pool_[st], later, -1) >= plan.floor;
      ids[kept] = id;
      state[kept] = st;
      kept += may ? 1 : 0;
      if (marked_) present_[id >> 6] &= ~(uint64_t{!may} << (id & 63));
    }
  } else {
    // The weights are read a few names ahead: each read misses the cache on a large
    // list, and asked for together the misses overlap instead of queueing.
    constexpr size_t kAhead = 16;
    for (size_t k = 0; k < std::min(kAhead, n); ++k) __builtin_prefetch(&index.name_weights[ids[k]]);
    for (size_t k = 0; k < n; ++k) {
      const uint32_t id = ids[k];
      if (k + kAhead < n) __builtin_prefetch(&index.name_weights[ids[k + kAhead]]);
      // A name's own weight is read last, for the few left: on a large list each read is a
      // cache miss. It is stored rounded down to a quarter: the bound takes the whole quarter.
      const double cw = index.name_weights[id] * kWeightUnit;
      const bool may = plan.bound(PairingOf(plan, k), later, cw, kWeightUnit) >= plan.floor;
      if (may) {
        ids[kept] = id;
        state[kept++] = state[k];
      } else if (marked_) {
        Mark(id, false);
      }
    }
  }
  ids_.resize(kept);
  state_.resize(kept);
}

void NameGatherer::SearchPart(const NameIndex& index, const GatherPlan& plan, size_t e) {
  // By binary search in each of the part's name lists, or by one pass over them,
  // testing each name's bit, when that is cheaper (a common word has many near
  // spellings, each a list).
  const Part& p = plan.parts[e];
  size_t search_cost = 0;
  for (size_t r = p.first; r < p.first + p.count; ++r) {
    search_cost += ids_.size() * (1 + static_cast<size_t>(std::bit_width(plan.ranges[r].last - plan.ranges[r].first)));
  }
  if (p.names >= search_cost) {
    for (size_t k = 0; k < ids_.size(); ++k) {
      const float w = WeightOfName(p, plan.ranges, index.name_ids, ids_[k]);
      if (w < 0) continue;
      Materialize(plan, k);
      AddPair(pool_[state_[k]], p, w);
    }
    return;
  }
  if (!marked_) {
    for (const uint32_t id : ids_) Mark(id, true);
    marked_ = true;
  }
  // A name's place in ids_, without searching: the place of the first name in its word of
  // present_ (the names written backwards, the last written is the first) and the bits set
  // before its own in that word.
  if (word_first_.size() < present_.size()) word_first_.resize(present_.size());
  for (size_t k = ids_.size(); k-- > 0;) word_first_[ids_[k] >> 6] = static_cast<uint32_t>(k);
  for (size_t r = p.first; r < p.first + p.count; ++r) {
    for (uint32_t i = plan.ranges[r].first; i < plan.ranges[r].last; ++i) {
      const uint32_t id = index.name_ids[i];
      const uint64_t word = present_[id >> 6];
      if (!(word >> (id & 63) & 1)) continue;
      size_t k = word_first_[id >> 6] + static_cast<size_t>(CountBits(word & ((uint64_t{1} << (id & 63)) - 1)));
      // A bit left by a query cut short (see present_) misplaces the count: then searched for.
      if (k >= ids_.size() || ids_[k] != id) {
        const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
        if (it == ids_.end() || *it != id) continue;
        k = static_cast<size_t>(it - ids_.begin());
      }
      Materialize(plan, k);
      AddPair(pool_[state_[k]], p, plan.ranges[r].weight);
    }
  }
}

void NameGatherer::Run(const NameIndex& index, const GatherPlan& plan, std::vector<uint32_t>& out) {
  const auto& parts = plan.parts;
  const auto& ranges = plan.ranges;
  // An entry packs a name id and a range in 64 bits, and state_ a range or a pool position
  // beside the kSingle bit: both fit far beyond a query's few hundred ranges.
  assert(ranges.size() < kSingle && index.names.size() < kSingle);
  // The names of the essential parts in id order: one entry per name and range,
  // sorted, so each name's pairs are summed in one pass over neighbours.
  entries_.clear();
  range_part_.resize(ranges.size());
  if (single_ok_.size() < ranges.size()) single_ok_.resize(ranges.size(), 0);
  for (size_t e = 0; e < plan.essential; ++e) {
    for (size_t r = parts[e].first; r < parts[e].first + parts[e].count; ++r) {
      range_part_[r] = static_cast<uint32_t>(e);
      for (uint32_t i = ranges[r].first; i < ranges[r].last; ++i) entries_.push_back(uint64_t{index.name_ids[i]} << 32 | r);
    }
  }
  SortByUpper(entries_, sort_scratch_, static_cast<unsigned>(std::bit_width(index.names.size())));
  pool_.clear();
  // Only the names that may still reach the floor with the parts not gathered. A name pairing
  // one range is answered per range and written in place whatever the answer (no branch on it);
  // an entry past the last, of no name, ends the last name's run.
  const Pairing& later = plan.rest[plan.essential];
  FindSingles(plan, later);
  const size_t n = entries_.size();
  entries_.push_back(~uint64_t{0});
  ids_.resize(n);
  state_.resize(n);
  const uint64_t* const entries = entries_.data();
  uint32_t* const ids = ids_.data();
  uint32_t* const state = state_.data();
  size_t kept = 0;
  for (size_t k = 0; k < n;) {
    const auto id = static_cast<uint32_t>(entries[k] >> 32);
    if (static_cast<uint32_t>(entries[k + 1] >> 32) != id) {
      const auto r = static_cast<uint32_t>(entries[k]);
      ids[kept] = id;
      state[kept] = kSingle | r;
      kept += single_ok_[r];
      ++k;
      continue;
    }
    Pairing p;
    for (; static_cast<uint32_t>(entries[k] >> 32) == id; ++k) {
      const auto r = static_cast<uint32_t>(entries[k]);
      AddPair(p, parts[range_part_[r]], ranges[r].weight);
    }
    if (plan.bound(p, later, -1) >= plan.floor) {
      ids[kept] = id;
      state[kept++] = static_cast<uint32_t>(pool_.size());
      pool_.push_back(p);
    }
  }
  ids_.resize(kept);
  state_.resize(kept);
  // The common parts, rarest first, searched for the names left.
  const size_t present_words = (index.names.size() + 63) / 64;
  if (present_.size() < present_words) present_.resize(present_words, 0);
  marked_ = false;
  for (size_t e = plan.essential; e < parts.size() && !ids_.empty(); ++e) {
    SearchPart(index, plan, e);
    Keep(index, plan, plan.rest[e + 1], false);
  }
  Keep(index, plan, Pairing{}, true);
  if (marked_) {
    for (const uint32_t id : ids_) Mark(id, false);
  }
  out.insert(out.end(), ids_.begin(), ids_.end());
}

}  // namespace sancheck::screen
