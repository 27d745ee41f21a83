// NameCache's hash and lookup.
#include "batch/name_cache.hpp"

namespace sancheck::batch {

uint64_t NameCache::Hash(std::string_view name, uint16_t country) {
  // FNV-1a over the bytes, then the country: no allocation, one pass.
  uint64_t h = 1469598103934665603ull;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= country;
  h *= 1099511628211ull;
  return h ^ (h >> 29);
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
