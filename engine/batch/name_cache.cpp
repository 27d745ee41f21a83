// NameCache's hash and lookup.
#include "batch/name_cache.hpp"

#include <cstring>

namespace sancheck::batch {

uint64_t NameCache::Hash(std::string_view name, uint16_t country) {
  // Eight bytes at a time, each word mixed by a multiply and a shift (byte at a time, this was
  // 3 % of a batch run: every record hashes two names); the length and country go in first. A
  // multiply carries bits only upwards: the last word's high bytes reach the low bits, which
  // pick a table slot, through the finaliser (names differing in their last letters).
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = (name.size() << 16 | country) * kMul;
  auto mix = [&](uint64_t word) {
    h = (h ^ word) * kMul;
    h ^= h >> 32;
  };
  auto word_at = [&](size_t at) {
    uint64_t word;
    std::memcpy(&word, name.data() + at, 8);
    return word;
  };
  size_t i = 0;
  for (; i + 8 <= name.size(); i += 8) mix(word_at(i));
  if (i < name.size()) {
    // The last bytes: the name's last eight (overlapping words already mixed), a fixed-size
    // read rather than a copy of a few bytes; shorter names byte by byte.
    if (name.size() >= 8) {
      mix(word_at(name.size() - 8));
    } else {
      uint64_t word = 0;
      for (; i < name.size(); ++i) word = word << 8 | static_cast<unsigned char>(name[i]);
      mix(word);
    }
  }
  // The MurmurHash3 64-bit finaliser: every input bit reaches every output bit.
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

const NameCache::Entry* NameCache::Find(Shard& shard, uint64_t hash, std::string_view name, uint16_t country) {
  const auto [first, last] = shard.map.equal_range(hash);
  for (auto it = first; it != last; ++it) {
    const Entry& e = *it->second;
    if (e.country == country && e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace sancheck::batch
