// The index's candidate search: query words to the listed terms they may pair with, then to names, bounded by weight.
#include <algorithm>
#include <array>
#include <bit>

#include "screen/alignment.hpp"
#include "screen/letter_filter.hpp"
#include "screen/name_index.hpp"
#include "screen/name_marks.hpp"
#include "screen/near_cache.hpp"
#include "screen/term_keys.hpp"

namespace sancheck::screen {
namespace {

// Pairs are sorted into tiers by the most Align could give them (PairBound):
// a name whose words resemble the query's only loosely is ruled out by its
// weight without being scored. A tier's cap is the highest similarity in it.
constexpr size_t kTiers = 3;
constexpr std::array<double, kTiers> kTierFloor = {0.95, 0.90, 0.0};
constexpr std::array<float, kTiers> kTierCap = {1.0f, 0.95f, 0.90f};

size_t TierOf(double sim) {
  size_t t = 0;
  while (sim < kTierFloor[t]) ++t;
  return t;
}

// What a name pairs with the query so far: which query tokens, in which tier
// (tiers[t]: paired in tier t or better), and per query token the most listed
// weight its pairs can cover, times the tier's cap, for the score bound.
struct Pairing {
  std::array<uint16_t, kTiers> tiers{};
  std::array<float, kMaxTokens> listed{};
};

// The names one query word or joined run may pair with in one tier: the ranges
// of its terms in that tier.
struct Part {
  uint16_t mask = 0;            ///< the query tokens it covers
  uint8_t tier = 0;
  size_t names = 0;             ///< over all its terms (with repeats)
  size_t first = 0, count = 0;  ///< into the ranges
  float heaviest = 0;           ///< the most one of its terms weighs in a name
  std::array<float, kMaxTokens> share{};  ///< each token's share of the part's query weight
};

// One term's names (NameIndex::name_ids[first, last)) and the most the term
// weighs in a name.
struct TermRange {
  uint32_t first, last;
  float weight;
  uint8_t tier;
};

// Records that a name pairs the part's tokens through a term weighing `weight`:
// that listed weight is shared among the part's tokens as their query weight is.
void AddPair(Pairing& p, const Part& part, float weight) {
  const float cap = kTierCap[part.tier];
  for (size_t t = part.tier; t < kTiers; ++t) p.tiers[t] = static_cast<uint16_t>(p.tiers[t] | part.mask);
  for (uint32_t m = part.mask; m != 0; m &= m - 1) {
    const auto i = static_cast<size_t>(std::countr_zero(m));
    p.listed[i] = std::max(p.listed[i], cap * weight * part.share[i]);
  }
}

Pairing Union(const Pairing& a, const Pairing& b) {
  Pairing u;
  for (size_t t = 0; t < kTiers; ++t) u.tiers[t] = static_cast<uint16_t>(a.tiers[t] | b.tiers[t]);
  for (size_t i = 0; i < kMaxTokens; ++i) u.listed[i] = std::max(a.listed[i], b.listed[i]);
  return u;
}

// Per-thread scratch: Collect stays const and safe to call from several
// threads, and nothing is allocated per query once warm. Generation stamps
// replace clearing.
struct Scratch {
  std::vector<Part> parts;
  std::vector<TermRange> found;  ///< one unit's terms, before sorting into parts
  std::vector<TermRange> ranges;
  std::vector<uint32_t> term_stamps;
  std::vector<uint32_t> term_slots;  ///< where a stamped term is in `pairable`
  uint32_t term_generation = 0;
  std::vector<uint32_t> fill_stamps;  ///< terms already tried for the text being looked up
  uint32_t fill_generation = 0;
  std::vector<PairableTerm> pairable;  ///< one unit's terms, before sorting into tiers
  NearTermCache near;
  NameMarks<Pairing> marks;  ///< the names gathered, with what they pair
  std::vector<NameMarks<Pairing>::Slot*> touched;  ///< those still in the running
  std::vector<Pairing> rest;

  // A fresh stamp for `stamps`, sized `size`.
  static uint32_t Next(std::vector<uint32_t>& stamps, size_t size, uint32_t& generation) {
    if (stamps.size() < size) stamps.assign(size, 0);
    if (++generation == 0) {
      std::fill(stamps.begin(), stamps.end(), 0);
      generation = 1;
    }
    return generation;
  }
};

// The heaviest of the part's terms name `id` has, or a negative number when
// none (each range ascending: binary search).
float WeightOfName(const Part& p, const std::vector<TermRange>& ranges, const std::vector<uint32_t>& ids, uint32_t id) {
  float found = -1;
  for (size_t r = p.first; r < p.first + p.count; ++r) {
    if (ranges[r].weight > found && std::binary_search(ids.begin() + ranges[r].first, ids.begin() + ranges[r].last, id)) {
      found = ranges[r].weight;
    }
  }
  return found;
}

}  // namespace

template <typename F>
void NameIndex::ScanNear(std::string_view w, bool korean, bool runs, F&& consider) const {
  if (w.size() < 2 || scan_starts.empty()) return;
  // Jaro-Winkler pairs words far apart, with its prefix bonus or letters
  // matched out of place: try every listed word of a compatible length, nearly
  // all ruled out by their letter sets and the start they share alone.
  const size_t lo_len = (w.size() * 2 + 2) / 3, hi_len = std::min<size_t>(w.size() * 3 / 2, 0xFF);
  const uint64_t letters = LetterSet(w);
  const uint32_t start = FirstBytes(w);
  for (size_t len = lo_len; len <= hi_len; ++len) {
    // The letters each side may lack and still match enough of the other's, at
    // the largest prefix bonus; the exact bonus is checked for the few left. A
    // clerk's slip (PairBound) pairs whatever Jaro-Winkler says: a letter
    // dropped or added (one letter more on one side) or two swapped (none).
    const size_t needed = MatchesNeeded(w.size(), len, 4, kTokenCutoff);
    const bool resembles = needed <= std::min(w.size(), len);
    const bool slips = len + 1 >= w.size() && len <= w.size() + 1;
    if (!resembles && !slips) continue;
    const size_t lack_w = std::max(resembles ? w.size() - needed : 0, size_t{slips && len < w.size()});
    const size_t lack_term = std::max(resembles ? len - needed : 0, size_t{slips && len > w.size()});
    const size_t from = scan_starts[len], count = scan_starts[len + 1] - from;
    thread_local std::vector<uint32_t> kept;
    if (kept.size() < count) kept.resize(count);
    const size_t n = FilterByLetters(scan_letters.data() + from, count, letters, lack_w, lack_term, kept.data());
    for (size_t i = 0; i < n; ++i) {
      const size_t k = from + kept[i];
      const uint64_t other = scan_letters[k];
      const bool may_slip = slips && static_cast<size_t>(std::popcount(letters & ~other)) <= size_t{len < w.size()} &&
                            static_cast<size_t>(std::popcount(other & ~letters)) <= size_t{len > w.size()};
      if (may_slip || MayResemble(w.size(), letters, len, other, SharedPrefix(start, scan_next[k]))) {
        consider(scan_terms[k]);
      }
    }
  }
  // Joined runs are too many to scan whole (millions on a large list): those
  // sharing the first three letters (a clerk running listed words together
  // keeps their start), held to the closer resemblance Align asks of runs of
  // Korean syllables.
  if (!runs || w.size() < 3) return;
  const auto lo = std::lower_bound(run_keys.begin(), run_keys.end(), RunKey(w, lo_len));
  const auto hi = std::upper_bound(lo, run_keys.end(), RunKey(w, hi_len));
  const auto fourth = static_cast<uint8_t>(start & 0xFF);  // of w
  for (auto it = lo; it != hi; ++it) {
    const auto k = static_cast<size_t>(it - run_keys.begin());
    const size_t prefix = fourth != 0 && run_fourth[k] == fourth ? 4 : 3;
    const size_t len = *it & 0xFF;
    if (!MayResemble(w.size(), letters, len, run_letters[k], prefix)) continue;
    const uint32_t t = run_terms[k];
    if ((korean || (term_kinds[t] & kTermKorean)) && !MayResemble(w.size(), letters, len, run_letters[k], prefix, kKoreanCutoff)) {
      continue;
    }
    consider(t);
  }
}

template <typename F>
void NameIndex::ForEachNearTerm(std::string_view w, Near near, F&& f) const {
  ForEachQueryKey(w, near != Near::kExact, [&](uint64_t key) {
    const auto [lo, hi] = TermsUnder(key);
    for (uint32_t k = lo; k < hi; ++k) f(key_terms[k]);
  });
  if (near == Near::kWord || near == Near::kKoreanWord) ScanNear(w, near == Near::kKoreanWord, true, f);
  if (near == Near::kRun) ScanNear(w, false, false, f);
}

void NameIndex::NearTerms(std::string_view w, Near near, std::vector<uint32_t>& out) const {
  ForEachNearTerm(w, near, [&](uint32_t t) { out.push_back(t); });
}

void NameIndex::Collect(const NormalizedName& q, double floor, std::vector<uint32_t>& out) const {
  if (q.tokens.empty() || names.empty()) return;
  thread_local Scratch s;
  if (s.term_slots.size() < term_count()) s.term_slots.resize(term_count());
  s.parts.clear();
  s.ranges.clear();
  std::array<float, kMaxTokens> weight{};  // of each query token
  for (size_t i = 0; i < q.tokens.size(); ++i) weight[i] = q.tokens[i].weight;
  // The terms each query word or joined run may pair with, found under a shared
  // key or by their start, kept with the most Align could give the pair and
  // split into parts by tier.
  auto find_terms = [&](uint16_t mask, std::string_view a, std::string_view b, Near near, bool korean) {
    const bool numeric = near == Near::kExact;
    const uint32_t stamp = Scratch::Next(s.term_stamps, term_count(), s.term_generation);
    s.pairable.clear();
    // Each text's terms, the best of the two texts per term.
    for (const std::string_view text : {a, b}) {
      if (text.empty()) continue;
      const auto kind = static_cast<uint8_t>(static_cast<uint8_t>(near) << 1 | (korean ? 1 : 0));
      const auto& terms = s.near.Get(serial, text, kind, [&](std::vector<PairableTerm>& out) {
        const uint32_t seen = Scratch::Next(s.fill_stamps, term_count(), s.fill_generation);
        ForEachNearTerm(text, near, [&](uint32_t t) {
          if (s.fill_stamps[t] == seen) return;
          s.fill_stamps[t] = seen;
          const bool both_korean = korean && (term_kinds[t] & kTermKorean) != 0;
          const double sim = PairBound(text, Term(t), numeric, both_korean);
          if (sim > 0) out.push_back(PairableTerm{t, static_cast<float>(sim)});
        });
      });
      for (const PairableTerm& p : terms) {
        if (s.term_stamps[p.term] == stamp) {
          float& best = s.pairable[s.term_slots[p.term]].sim;
          best = std::max(best, p.sim);
          continue;
        }
        s.term_stamps[p.term] = stamp;
        s.term_slots[p.term] = static_cast<uint32_t>(s.pairable.size());
        s.pairable.push_back(p);
      }
    }
    s.found.clear();
    for (const PairableTerm& p : s.pairable) {
      s.found.push_back(TermRange{name_starts[p.term], name_starts[p.term + 1],
                                  static_cast<float>(term_weights[p.term]) * kWeightUnit,
                                  static_cast<uint8_t>(TierOf(p.sim))});
    }
    float unit_weight = 0;
    for (uint32_t m = mask; m != 0; m &= m - 1) unit_weight += weight[static_cast<size_t>(std::countr_zero(m))];
    for (uint8_t tier = 0; tier < kTiers; ++tier) {
      Part p;
      p.mask = mask;
      p.tier = tier;
      p.first = s.ranges.size();
      for (uint32_t m = mask; m != 0; m &= m - 1) {
        const auto i = static_cast<size_t>(std::countr_zero(m));
        p.share[i] = unit_weight > 0 ? weight[i] / unit_weight : 1.0f;
      }
      for (const TermRange& r : s.found) {
        if (r.tier != tier) continue;
        s.ranges.push_back(r);
        p.names += r.last - r.first;
        p.heaviest = std::max(p.heaviest, r.weight);
      }
      p.count = s.ranges.size() - p.first;
      if (p.count > 0) s.parts.push_back(p);
    }
  };
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    const NameToken& t = q.tokens[i];
    const std::string_view raw = t.raw != t.canon ? std::string_view(t.raw) : std::string_view();
    const bool korean = (t.flags & kKoreanToken) != 0;
    find_terms(static_cast<uint16_t>(1u << i), t.canon, raw, NearFor(t), korean);
  }
  for (const JoinedTokens& jt : q.joins) {
    const std::string_view whole = jt.whole != jt.canon ? std::string_view(jt.whole) : std::string_view();
    // A joined run meets a listed run written the same, or a listed word like it
    // ("chun ryong" / "chunryng").
    find_terms(jt.mask, jt.canon, whole, Near::kRun, AllKorean(q, jt.mask));
  }

  const double qw = q.total_weight;
  // The best score a name can reach with what it pairs and its weight `cw`
  // (unknown: as low as the listed weight it pairs, its best case). Align uses
  // each token once on either side, so its pairs cover at most the query weight
  // of their tokens at the pairs' caps, and at most the listed weight of the
  // terms they pair with, or the name's own weight.
  auto bound = [&](const Pairing& p, double cw) {
    double x = 0, y = 0;
    for (uint32_t m = p.tiers[kTiers - 1]; m != 0; m &= m - 1) {
      const auto i = static_cast<size_t>(std::countr_zero(m));
      size_t t = 0;
      while (!(p.tiers[t] & (1u << i))) ++t;
      x += kTierCap[t] * weight[i];
      y += p.listed[i];
    }
    if (cw < 0) cw = y;
    return (x + std::min(cw, y)) / (qw + cw);
  };
  const size_t n_parts = s.parts.size();
  auto& parts = s.parts;
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.names < b.names; });
  // The most common parts are not gathered while a name found by them alone
  // stays below the floor: their names are only searched for among the names
  // the rarer parts gathered. rest[e]: the most the parts from e on may pair.
  if (s.rest.size() < n_parts + 1) s.rest.resize(n_parts + 1);
  auto& rest = s.rest;
  rest[n_parts] = Pairing{};
  size_t essential = n_parts;
  while (essential > 0) {
    Pairing with = rest[essential];
    AddPair(with, parts[essential - 1], parts[essential - 1].heaviest);
    if (bound(with, -1) >= floor) break;
    rest[--essential] = with;
  }
  size_t expected = 0;
  for (size_t e = 0; e < essential; ++e) expected += parts[e].names;
  s.marks.Reset(expected);
  s.touched.clear();
  for (size_t e = 0; e < essential; ++e) {
    const Part& p = parts[e];
    for (size_t r = p.first; r < p.first + p.count; ++r) {
      for (uint32_t i = s.ranges[r].first; i < s.ranges[r].last; ++i) {
        bool added = false;
        auto& slot = s.marks.Upsert(name_ids[i], added);
        if (added) s.touched.push_back(&slot);
        AddPair(slot.value, p, s.ranges[r].weight);
      }
    }
  }
  // The names that may still reach the floor with the parts not yet searched.
  // A name's own weight (rounded down: the bound stays a bound) is read last,
  // for the few left: on a large list each read is a cache miss.
  auto keep_if = [&](const Pairing& later, bool weighed) {
    size_t kept = 0;
    for (auto* slot : s.touched) {
      const double cw = weighed ? name_weights[slot->id] * kWeightUnit : -1.0;
      if (bound(Union(slot->value, later), cw) >= floor) s.touched[kept++] = slot;
    }
    s.touched.resize(kept);
  };
  keep_if(rest[essential], false);
  // Search the common parts, rarest first, for the names left: by binary
  // search in each of the part's name lists, or by one pass over them when
  // that is cheaper (a common word has many near spellings, each a list).
  for (size_t e = essential; e < n_parts && !s.touched.empty(); ++e) {
    const Part& p = parts[e];
    size_t search_cost = 0;
    for (size_t r = p.first; r < p.first + p.count; ++r) {
      search_cost += s.touched.size() * (1 + static_cast<size_t>(std::bit_width(s.ranges[r].last - s.ranges[r].first)));
    }
    if (p.names < search_cost) {
      for (size_t r = p.first; r < p.first + p.count; ++r) {
        for (uint32_t i = s.ranges[r].first; i < s.ranges[r].last; ++i) {
          if (auto* slot = s.marks.Find(name_ids[i])) AddPair(slot->value, p, s.ranges[r].weight);
        }
      }
    } else {
      for (auto* slot : s.touched) {
        const float w = WeightOfName(p, s.ranges, name_ids, slot->id);
        if (w >= 0) AddPair(slot->value, p, w);
      }
    }
    keep_if(rest[e + 1], false);
  }
  keep_if(Pairing{}, true);
  for (const auto* slot : s.touched) out.push_back(slot->id);
}

}  // namespace sancheck::screen
