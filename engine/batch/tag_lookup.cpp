// TagLookup: open-addressing table built once per run, so tag lookups never build a std::string.
#include "batch/tag_lookup.hpp"

#include <algorithm>
#include <vector>

#include "common/strings.hpp"

namespace sancheck::batch {

size_t TagLookup::Hash(std::string_view s) {
  size_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

TagLookup::TagLookup(const expr::TagRegistry& registry) {
  const auto& names = registry.names();
  size_t size = 16;
  while (size < names.size() * 4) size *= 2;
  slots_.resize(size);
  mask_ = size - 1;
  for (const auto& name : names) {
    const int bit = registry.Find(name);
    if (bit < 0) continue;
    size_t i = Hash(name) & mask_;
    while (slots_[i].bit >= 0) i = (i + 1) & mask_;
    slots_[i] = {name, bit};
    sorted_.push_back(name);
  }
  std::sort(sorted_.begin(), sorted_.end());  // the hint does not depend on the hash order
}

int TagLookup::Find(std::string_view tag) const {
  size_t i = Hash(tag) & mask_;
  while (slots_[i].bit >= 0) {
    if (slots_[i].name == tag) return slots_[i].bit;
    i = (i + 1) & mask_;
  }
  return -1;
}

std::string TagLookup::DidYouMean(std::string_view tag) const { return sancheck::DidYouMean(tag, sorted_); }

}  // namespace sancheck::batch
