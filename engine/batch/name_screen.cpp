// NameScreen::Status: the (name, country)'s candidates from the worker's own table or the shared cache, then the status policy as of the record's date.
#include "batch/name_screen.hpp"

#include <algorithm>
#include <cstring>

namespace sancheck::batch {

NameScreen::Party NameScreen::Prepare(std::string_view name, const expr::Known<Country>& country) const {
  Party p;
  p.name = name;
  if (name.empty()) return p;
  p.country = country.known ? country.value.code : NameCache::kNoCountry;
  p.hash = NameCache::Hash(name, p.country);
  __builtin_prefetch(&seen_[p.hash & (seen_.size() - 1)]);
  return p;
}

const NameScreen::Slot* NameScreen::Seen(const Party& p) const {
  const size_t mask = seen_.size() - 1;
  const size_t inline_bytes = std::min(p.name.size(), kInline);
  for (size_t i = p.hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = seen_[i];
    if (slot.entry == nullptr) return nullptr;
    if (slot.hash != p.hash || slot.country != p.country || slot.length != p.name.size() ||
        std::memcmp(slot.head, p.name.data(), inline_bytes) != 0) {
      continue;
    }
    // A name longer than the slot holds: the rest is compared with the entry's copy.
    if (p.name.size() <= kInline || slot.entry->name == p.name) return &slot;
  }
}

void NameScreen::Remember(const NameCache::Entry& entry) {
  // A name too long for a slot's length field is still found: by the shared cache, each time.
  // (Entries past the cache's bound are never remembered, so the table holds at most
  // NameCache::kMaxEntries slots in use.)
  if (entry.name.size() > UINT16_MAX) return;
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
  Slot& slot = seen_[i];
  slot.hash = entry.hash;
  slot.entry = &entry;
  slot.country = entry.country;
  slot.length = static_cast<uint16_t>(entry.name.size());
  slot.candidates = !entry.candidates.empty() || entry.unscreenable;  // either: the entry is read
  std::memcpy(slot.head, entry.name.data(), std::min(entry.name.size(), kInline));
  ++seen_count_;
}

std::vector<screen::Candidate> NameScreen::Screen(std::string_view name, std::optional<Country> country,
                                                  bool* unscreenable) const {
  screen::Query q;
  q.name = std::string(name);
  q.country = country;
  return judge::AllCandidates(screening_, q, unscreenable);
}

const NameCache::Entry& NameScreen::CountryFree(std::string_view name) {
  return cache_.Get(NameCache::Hash(name, NameCache::kNoCountry), name, NameCache::kNoCountry, [&] {
    // Whether the name holds a word is read from its screening (once per distinct name: each
    // country's entry takes this answer). A name with a candidate is screenable, whatever its
    // script (a name in Hangul is found by its romanised keys).
    NameCache::Screened out;
    bool no_words = false;
    out.candidates = Screen(name, std::nullopt, &no_words);
    out.unscreenable = out.candidates.empty() && no_words;
    return out;
  });
}

void NameScreen::Status(const Party& p, Date date, judge::PartyStatus& out) {
  out.Clear();
  if (p.name.empty()) return;
  const NameCache::Entry* entry = nullptr;
  if (const Slot* slot = Seen(p)) {
    if (!slot->candidates) return;  // most parties: answered without reading the entry
    entry = slot->entry;
  } else {
    // A party of no known country is the name's country-free entry itself.
    entry = p.country == NameCache::kNoCountry ? &CountryFree(p.name) : &cache_.Get(p.hash, p.name, p.country, [&] {
      // A party's country never adds a candidate (Screener::Screen): it drops one, or caps its
      // score or lifts a cap, the cap being above the possible threshold. So a name with no
      // candidate screened without a country has none with any: a name met under many
      // countries is screened once, and again under each only when it has a candidate.
      const NameCache::Entry& free = CountryFree(p.name);
      if (free.candidates.empty()) return NameCache::Screened{{}, free.unscreenable};
      return NameCache::Screened{Screen(p.name, Country{p.country}), false};
    });
    // Entries past the cache's bound live only until this thread's next miss: not remembered.
    if (entry->kept) Remember(*entry);
  }
  if (entry->unscreenable) {  // fail closed, as a scenario's party
    out = judge::Unscreened();
    return;
  }
  if (entry->candidates.empty()) return;
  // A record names its party by name only: the name is also what a clearance names.
  out = judge::StatusAsOf(screening_, entry->candidates, p.name, p.name, date, run_date_);
}

}  // namespace sancheck::batch
