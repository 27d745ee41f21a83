// ReferenceTable: a list's designations found by their reference, in one flat array built at load.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace sancheck::screen {

/// Designation ids by reference. Open addressing over one array of 64-bit slots (a hash's top
/// half beside the id): a list of a million entries is filed in a few tens of milliseconds,
/// where a node per entry cost a tenth of the list's load. The references themselves are not
/// copied: `reference_of(id)` gives them back, for the few slots whose hash halves agree.
class ReferenceTable {
 public:
  /// Files `count` ids, 0..count-1; a reference already filed keeps its first id.
  template <typename ReferenceOf>
  void Build(uint32_t count, ReferenceOf&& reference_of) {
    size_t capacity = 16;
    while (capacity < size_t{count} * 2) capacity *= 2;
    slots_.assign(capacity, 0);
    for (uint32_t id = 0; id < count; ++id) {
      const std::string_view ref = reference_of(id);
      const uint64_t h = Hash(ref);
      for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
        if (slots_[i] == 0) {
          slots_[i] = (h & kHashHalf) | (uint64_t{id} + 1);
          break;
        }
        if ((slots_[i] & kHashHalf) == (h & kHashHalf) && reference_of(Id(slots_[i])) == ref) break;
      }
    }
  }

  /// The id filed under `reference`, or -1.
  template <typename ReferenceOf>
  int64_t Find(std::string_view reference, ReferenceOf&& reference_of) const {
    if (slots_.empty()) return -1;
    const uint64_t h = Hash(reference);
    for (size_t i = h & (slots_.size() - 1); slots_[i] != 0; i = (i + 1) & (slots_.size() - 1)) {
      if ((slots_[i] & kHashHalf) == (h & kHashHalf) && reference_of(Id(slots_[i])) == reference) {
        return Id(slots_[i]);
      }
    }
    return -1;
  }

 private:
  static constexpr uint64_t kHashHalf = 0xFFFFFFFF00000000ull;
  static uint64_t Hash(std::string_view s) {
    // Mixed so that the low bits (the slot) and the top half (the check) are both spread.
    uint64_t h = std::hash<std::string_view>{}(s);
    h ^= h >> 29;
    return h * 0x9E3779B97F4A7C15ull;
  }
  static uint32_t Id(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }
  std::vector<uint64_t> slots_;  ///< 0: empty; else hash's top half | id + 1
};

}  // namespace sancheck::screen
