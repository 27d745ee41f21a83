// A per-query set of listed names with a small value each: open addressing, cleared by a generation stamp.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace sancheck::screen {

/// The names a query has gathered, each with a value `V` (what it pairs so far). A hash table
/// sized to the query, not an array over the whole list: a query touches a few thousand of a
/// million names, and random reads into million-entry arrays miss the cache on each.
template <typename V>
class NameMarks {
 public:
  struct Slot {
    uint32_t generation = 0;
    uint32_t id = 0;
    V value{};
  };

  /// Empties the set for a query that will hold at most `expected` names.
  void Reset(size_t expected) {
    const size_t capacity = std::bit_ceil(std::max<size_t>(64, expected * 2));
    if (slots_.size() < capacity) {
      slots_.assign(capacity, Slot{});
      generation_ = 0;
    }
    mask_ = capacity - 1;
    if (++generation_ == 0) {  // wrapped: stale stamps could read as current
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }

  /// The slot of `id`, added (value V{}) when absent; `added` says which.
  Slot& Upsert(uint32_t id, bool& added) {
    for (size_t i = Hash(id);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = Slot{generation_, id, V{}};
        added = true;
        return s;
      }
      if (s.id == id) {
        added = false;
        return s;
      }
    }
  }

  /// The slot of `id`, or null.
  Slot* Find(uint32_t id) {
    for (size_t i = Hash(id);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) return nullptr;
      if (s.id == id) return &s;
    }
  }

 private:
  size_t Hash(uint32_t id) const { return (static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull >> 32) & mask_; }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t generation_ = 0;
};

}  // namespace sancheck::screen
