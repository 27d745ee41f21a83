// NameScreen::Status: cached candidates per (name, country), then the shared status policy as of the record's date.
#include "batch/name_screen.hpp"

namespace sancheck::batch {

judge::PartyStatus NameScreen::Status(std::string_view name, const expr::Known<Country>& country, Date date) {
  if (name.empty()) return {};
  key_.assign(name);
  key_ += '\x1f';
  if (country.known) key_ += country.value.ToString();
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    if (cache_.size() >= kMaxCached) cache_.clear();
    screen::Query q;
    q.name = std::string(name);
    if (country.known) q.country = country.value;
    it = cache_.emplace(key_, judge::AllCandidates(screening_, q)).first;
  }
  if (it->second.empty()) return {};
  // A record names its party by name only: the name is also what a clearance names.
  return judge::StatusAsOf(screening_, it->second, name, name, date, run_date_);
}

}  // namespace sancheck::batch
