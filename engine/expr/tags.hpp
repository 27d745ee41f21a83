// TagRegistry: interns item tags into bit positions (built-in vocabulary plus pack-defined tags).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sancheck::expr {

class TagRegistry {
 public:
  TagRegistry();  ///< starts with the scenario format's tag vocabulary
  /// Bit position of `tag`, or -1 when unknown.
  int Find(std::string_view tag) const;
  /// Adds a pack-defined tag; returns its bit or -1 when the registry is full.
  int Add(const std::string& tag);
  bool IsBuiltin(std::string_view tag) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, int> index_;
  size_t builtin_count_ = 0;
};

}  // namespace sancheck::expr
