// NameScreen::Status: the (name, country)'s candidates from the front table or the shared cache, then the status policy as of the record's date.
#include "batch/name_screen.hpp"

namespace sancheck::batch {

judge::PartyStatus NameScreen::Status(std::string_view name, const expr::Known<Country>& country, Date date) {
  if (name.empty()) return {};
  const uint16_t code = country.known ? country.value.code : NameCache::kNoCountry;
  const uint64_t hash = NameCache::Hash(name, code);
  const NameCache::Entry*& slot = front_[hash & (kFront - 1)];
  const NameCache::Entry* entry = slot;
  if (entry == nullptr || entry->hash != hash || entry->country != code || entry->name != name) {
    entry = &cache_.Get(hash, name, code, [&] {
      screen::Query q;
      q.name = std::string(name);
      if (country.known) q.country = country.value;
      return judge::AllCandidates(screening_, q);
    });
    if (entry->kept) slot = entry;
  }
  if (entry->candidates.empty()) return {};
  // A record names its party by name only: the name is also what a clearance names.
  return judge::StatusAsOf(screening_, entry->candidates, name, name, date, run_date_);
}

}  // namespace sancheck::batch
