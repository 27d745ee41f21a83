// NameScreen::Status: the (name, country)'s candidates from the worker's own table or the shared cache, then the status policy as of the record's date.
#include "batch/name_screen.hpp"

namespace sancheck::batch {

const NameCache::Entry* NameScreen::Seen(uint64_t hash, std::string_view name, uint16_t country) const {
  const size_t mask = seen_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = seen_[i];
    if (slot.entry == nullptr) return nullptr;
    // The full hash first: the entry (and its name) is read only when it is very likely the one.
    if (slot.hash == hash && slot.entry->country == country && slot.entry->name == name) return slot.entry;
  }
}

void NameScreen::Remember(const NameCache::Entry& entry) {
  if (2 * (seen_count_ + 1) > seen_.size()) {
    std::vector<Slot> old(seen_.size() * 2);
    old.swap(seen_);
    seen_count_ = 0;
    for (const Slot& slot : old) {
      if (slot.entry) Remember(*slot.entry);
    }
  }
  const size_t mask = seen_.size() - 1;
  size_t i = entry.hash & mask;
  while (seen_[i].entry != nullptr) i = (i + 1) & mask;
  seen_[i] = {entry.hash, &entry};
  ++seen_count_;
}

judge::PartyStatus NameScreen::Status(std::string_view name, const expr::Known<Country>& country, Date date) {
  if (name.empty()) return {};
  const uint16_t code = country.known ? country.value.code : NameCache::kNoCountry;
  const uint64_t hash = NameCache::Hash(name, code);
  const NameCache::Entry* entry = Seen(hash, name, code);
  if (entry == nullptr) {
    entry = &cache_.Get(hash, name, code, [&] {
      screen::Query q;
      q.name = std::string(name);
      if (country.known) q.country = country.value;
      return judge::AllCandidates(screening_, q);
    });
    // Entries past the cache's bound live only until this thread's next miss: not remembered.
    if (entry->kept) Remember(*entry);
  }
  if (entry->candidates.empty()) return {};
  // A record names its party by name only: the name is also what a clearance names.
  return judge::StatusAsOf(screening_, entry->candidates, name, name, date, run_date_);
}

}  // namespace sancheck::batch
