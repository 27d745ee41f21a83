// The built-in tag vocabulary of the scenario format and the registry that interns tags.
#include "expr/tags.hpp"

#include "expr/types.hpp"

namespace sancheck::expr {

TagRegistry::TagRegistry() {
  static constexpr const char* kBuiltin[] = {
      "arms", "ammunition", "small-arms", "missile", "ballistic-missile", "missile-technology",
      "nuclear", "nuclear-propulsion", "chemical", "biological", "dual-use", "satellite",
      "space-launch", "submarine", "warship", "aircraft", "helicopter", "vessel", "aviation-fuel",
      "rocket-fuel", "luxury", "food", "medicine", "humanitarian", "agricultural",
      "petroleum-refined", "petroleum-crude", "condensate", "coal", "iron", "iron-ore", "seafood",
      "textiles", "machinery", "electrical", "vehicles", "metals", "gold", "rare-earths", "wood",
      "earth-stone", "statues", "cash"};
  for (const char* t : kBuiltin) Add(t);
  builtin_count_ = names_.size();
}

int TagRegistry::Find(std::string_view tag) const {
  const auto it = index_.find(std::string(tag));
  return it == index_.end() ? -1 : it->second;
}

int TagRegistry::Add(const std::string& tag) {
  if (const int existing = Find(tag); existing >= 0) return existing;
  if (names_.size() >= static_cast<size_t>(kMaxTags)) return -1;
  const int bit = static_cast<int>(names_.size());
  names_.push_back(tag);
  index_.emplace(tag, bit);
  return bit;
}

bool TagRegistry::IsBuiltin(std::string_view tag) const {
  const int bit = Find(tag);
  return bit >= 0 && static_cast<size_t>(bit) < builtin_count_;
}

}  // namespace sancheck::expr
