// Gathering one query's names: entries sorted by name, one pass summing each name's pairs, common parts searched, bounds applied.
#include "screen/name_gather.hpp"

#include <algorithm>
#include <cassert>
#include <bit>

#include "screen/id_sort.hpp"
#include "screen/name_index.hpp"

namespace sancheck::screen {
namespace {

// The heaviest of the part's terms name `id` has, or a negative number when
// none (each range ascending: binary search).
float WeightOfName(const Part& p, const std::vector<TermRange>& ranges, const Column<uint32_t>& ids, uint32_t id) {
  float found = -1;
  for (size_t r = p.first; r < p.first + p.count; ++r) {
    if (ranges[r].weight > found && std::binary_search(ids.begin() + ranges[r].first, ids.begin() + ranges[r].last, id)) {
      found = ranges[r].weight;
    }
  }
  return found;
}

}  // namespace

bool NameGatherer::SingleMay(const GatherPlan& plan, uint32_t range, const Pairing& later) {
  if (single_stamp_[range] != stage_) {
    Pairing p;
    AddPair(p, plan.parts[range_part_[range]], plan.ranges[range].weight);
    single_ok_[range] = plan.bound(p, later, -1) >= plan.floor ? 1 : 0;
    single_stamp_[range] = stage_;
  }
  return single_ok_[range] != 0;
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

void NameGatherer::NextStage() {
  if (++stage_ == 0) {  // wrapped: stale stamps could read as current
    std::fill(single_stamp_.begin(), single_stamp_.end(), 0);
    stage_ = 1;
  }
}

void NameGatherer::Keep(const NameIndex& index, const GatherPlan& plan, const Pairing& later, bool weighed) {
  NextStage();
  size_t kept = 0;
  // The weights are read a few names ahead: each read misses the cache on a large
  // list, and asked for together the misses overlap instead of queueing.
  constexpr size_t kAhead = 16;
  if (weighed) {
    for (size_t k = 0; k < std::min(kAhead, ids_.size()); ++k) __builtin_prefetch(&index.name_weights[ids_[k]]);
  }
  for (size_t k = 0; k < ids_.size(); ++k) {
    const uint32_t id = ids_[k];
    if (weighed && k + kAhead < ids_.size()) __builtin_prefetch(&index.name_weights[ids_[k + kAhead]]);
    bool may;
    if (!weighed) {
      may = state_[k] & kSingle ? SingleMay(plan, state_[k] & ~kSingle, later)
                                : plan.bound(pool_[state_[k]], later, -1) >= plan.floor;
    } else {
      // A name's own weight is read last, for the few left: on a large list each read is a
      // cache miss. It is stored rounded down to a quarter: the bound takes the whole quarter.
      const double cw = index.name_weights[id] * kWeightUnit;
      may = plan.bound(PairingOf(plan, k), later, cw, kWeightUnit) >= plan.floor;
    }
    if (may) {
      ids_[kept] = id;
      state_[kept++] = state_[k];
    } else if (marked_) {
      Mark(id, false);
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
  for (size_t r = p.first; r < p.first + p.count; ++r) {
    // A list ascends, so each name it shares with ids_ lies past the last one found.
    auto from = ids_.begin();
    for (uint32_t i = plan.ranges[r].first; i < plan.ranges[r].last; ++i) {
      const uint32_t id = index.name_ids[i];
      if (!(present_[id >> 6] >> (id & 63) & 1)) continue;
      from = std::lower_bound(from, ids_.end(), id);
      if (from == ids_.end()) break;
      if (*from != id) continue;
      const auto k = static_cast<size_t>(from - ids_.begin());
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
  if (single_stamp_.size() < ranges.size()) {
    single_stamp_.resize(ranges.size(), 0);
    single_ok_.resize(ranges.size(), 0);
  }
  for (size_t e = 0; e < plan.essential; ++e) {
    for (size_t r = parts[e].first; r < parts[e].first + parts[e].count; ++r) {
      range_part_[r] = static_cast<uint32_t>(e);
      for (uint32_t i = ranges[r].first; i < ranges[r].last; ++i) entries_.push_back(uint64_t{index.name_ids[i]} << 32 | r);
    }
  }
  SortByUpper(entries_, sort_scratch_, static_cast<unsigned>(std::bit_width(index.names.size())));
  ids_.clear();
  state_.clear();
  pool_.clear();
  NextStage();
  // Only the names that may still reach the floor with the parts not gathered.
  const Pairing& later = plan.rest[plan.essential];
  for (size_t k = 0; k < entries_.size();) {
    const auto id = static_cast<uint32_t>(entries_[k] >> 32);
    size_t end = k + 1;
    while (end < entries_.size() && static_cast<uint32_t>(entries_[end] >> 32) == id) ++end;
    if (end == k + 1) {
      const auto r = static_cast<uint32_t>(entries_[k]);
      if (SingleMay(plan, r, later)) {
        ids_.push_back(id);
        state_.push_back(kSingle | r);
      }
    } else {
      Pairing p;
      for (; k < end; ++k) {
        const auto r = static_cast<uint32_t>(entries_[k]);
        AddPair(p, parts[range_part_[r]], ranges[r].weight);
      }
      if (plan.bound(p, later, -1) >= plan.floor) {
        ids_.push_back(id);
        state_.push_back(static_cast<uint32_t>(pool_.size()));
        pool_.push_back(p);
      }
    }
    k = end;
  }
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
