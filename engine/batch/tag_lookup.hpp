// TagLookup: a flat, allocation-free map from a tag's text to its bit in a rule set's TagRegistry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/tags.hpp"

namespace sancheck::batch {

class TagLookup {
 public:
  explicit TagLookup(const expr::TagRegistry& registry);
  /// The tag's bit, or -1 for a tag no loaded pack knows.
  int Find(std::string_view tag) const;
  /// " (did you mean 'x'?)" for the closest known tag, or "" (for error messages only: it scans every tag).
  std::string DidYouMean(std::string_view tag) const;

 private:
  struct Slot {
    std::string name;
    int bit = -1;
  };
  std::vector<Slot> slots_;  ///< open addressing, size a power of two
  std::vector<std::string> sorted_;  ///< the known tags in order, for hints
  size_t mask_ = 0;
  static size_t Hash(std::string_view s);
};

}  // namespace sancheck::batch
