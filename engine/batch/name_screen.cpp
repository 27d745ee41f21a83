// NameScreen::Status: cached best candidate per (name, country), then the listing date against the record's.
#include "batch/name_screen.hpp"

namespace sancheck::batch {

Truth NameScreen::Status(std::string_view name, const expr::Known<Country>& country, Date date) {
  if (name.empty()) return Truth::kFalse;
  key_.assign(name);
  key_ += '\x1f';
  if (country.known) key_ += country.value.ToString();
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    if (cache_.size() >= kMaxCached) cache_.clear();
    screen::Query q;
    q.name = std::string(name);
    if (country.known) q.country = country.value;
    // Screened against the whole list once; the listing date is checked per record below.
    const auto candidates = screener_.Screen(q, Date::FromCivil(9999, 12, 31));
    Hit hit;
    if (!candidates.empty()) {
      hit.found = true;
      hit.possible = candidates.front().strength == screen::Strength::kPossible;
      hit.listed_on = candidates.front().designation->listed_on;
    }
    it = cache_.emplace(key_, hit).first;
  }
  const Hit& hit = it->second;
  if (!hit.found || date < hit.listed_on) return Truth::kFalse;
  return hit.possible ? Truth::kUnknown : Truth::kTrue;
}

}  // namespace sancheck::batch
