// The index's candidate search: query words to the listed terms they may pair with, then to names, bounded by weight.
#include <algorithm>
#include <array>
#include <bit>
#include <span>

#include "screen/alignment.hpp"
#include "screen/letter_filter.hpp"
#include "screen/name_index.hpp"
#include "screen/name_gather.hpp"
#include "screen/name_pairing.hpp"
#include "screen/near_cache.hpp"
#include "screen/term_keys.hpp"
#include "screen/typo_edits.hpp"

namespace sancheck::screen {
namespace {

// Term ids mapped to small values, cleared per use: the few hundred terms a query text is
// compared with, and the terms one query unit may pair with (to their place in `pairable`),
// where an array over every term of the list would miss the cache on each one (and take
// page faults to fill on the first query of a process).
class TermMap {
 public:
  void Clear() {
    if (keys_.size() != kInitial) {
      keys_.assign(kInitial, kEmpty);  // back to its first size: a large fill once must not cost every later one
      values_.resize(kInitial);
    } else {
      // Only the slots used: most uses hold a few terms, and refilling the whole table each time
      // (a query clears it for every word) showed in profiles of a batch screening names.
      for (const uint32_t i : used_) keys_[i] = kEmpty;
    }
    used_.clear();
    size_ = 0;
  }
  // The value of `t`, and whether it was absent (then given `v`).
  std::pair<uint32_t, bool> Emplace(uint32_t t, uint32_t v) {
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    const size_t mask = keys_.size() - 1;
    for (size_t i = (uint64_t{t} * 0x9E3779B97F4A7C15ull >> 40) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == t) return {values_[i], false};
      if (keys_[i] == kEmpty) {
        keys_[i] = t;
        values_[i] = v;
        used_.push_back(static_cast<uint32_t>(i));
        ++size_;
        return {v, true};
      }
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;  // never a term: term ids index 32-bit offsets
  static constexpr size_t kInitial = 1024;
  void Grow() {
    std::vector<uint32_t> old_keys(std::max(keys_.size() * 2, kInitial), kEmpty);
    std::vector<uint32_t> old_values(old_keys.size());
    old_keys.swap(keys_);
    old_values.swap(values_);
    used_.clear();
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] != kEmpty) Emplace(old_keys[i], old_values[i]);
    }
  }
  std::vector<uint32_t> keys_;
  std::vector<uint32_t> values_;
  std::vector<uint32_t> used_;  ///< the slots holding a term, to clear
  size_t size_ = 0;
};

// Per-thread scratch: Collect stays const and safe to call from several
// threads, and nothing is allocated per query once warm.
struct Scratch {
  std::vector<Part> parts;
  std::vector<TermRange> found;  ///< one unit's terms, before sorting into parts
  std::vector<TermRange> ranges;
  TermMap slots;  ///< the terms of the unit being looked up, to their place in `pairable`
  TermMap tried;  ///< terms already tried for the text being looked up
  std::vector<PairableTerm> pairable;  ///< one unit's terms, before sorting into tiers
  NearTermCache near;
  NameGatherer gatherer;
  std::vector<Pairing> rest;
};

// Whether a text of `len` letters with letter set `other` may be one slip from w (w_len letters,
// letter set `letters`) by what the two letter sets hold: a letter dropped or added leaves the
// longer side one letter the shorter lacks at most and the shorter none, two letters swapped
// none either way; `traded` (same length) lets one letter differ each way, a neighbouring key.
bool LettersAllowSlip(uint64_t letters, size_t w_len, uint64_t other, size_t len, bool traded = false) {
  if (len + 1 < w_len || len > w_len + 1) return false;
  const auto lacks_w = static_cast<size_t>(CountBits(letters & ~other));
  const auto lacks_other = static_cast<size_t>(CountBits(other & ~letters));
  return lacks_w <= size_t{len < w_len || traded} && lacks_other <= size_t{len > w_len || traded};
}

// The memo's kind for a word's initial pairs (ForEachInitialPair), apart from the Near kinds.
constexpr uint8_t kInitialKind = 0x80;

// How many kept words or runs ahead of the one read their details are fetched (ScanNear).
constexpr size_t kRunsAhead = 8;

}  // namespace

template <typename F>
void NameIndex::ScanNear(std::string_view w, bool korean, bool runs, F&& consider) const {
  if (w.size() < 2 || scan_starts.empty()) return;
  // Jaro-Winkler pairs words far apart, with its prefix bonus or letters
  // matched out of place: try every listed word of a compatible length, nearly
  // all ruled out by their letter sets and the start they share alone.
  const size_t lo_len = (w.size() * 2 + 2) / 3, hi_len = std::min<size_t>(w.size() * 3 / 2, 0xFF);
  const uint64_t letters = LetterSet(w);
  const LetterRepeats repeats = RepeatsOf(w);
  const uint32_t start = FirstBytes(w);
  // What the letter sets leave, the letters shared counting repeats may still rule out: most
  // listed words a long word or joined run reaches by letter set share its letters but not
  // their repeats (read from the few words left, not stored per word).
  auto shares_enough = [&](std::string_view term, uint64_t term_letters, size_t prefix) {
    return SharedLetters(letters, repeats, term_letters, RepeatsOf(term)) >=
           MatchesNeeded(w.size(), term.size(), prefix, kTokenCutoff);
  };
  // Within a length the words are sorted by their first bytes (PrepareScan): those
  // starting with another letter than w's get no prefix bonus, so they are held to
  // the plain resemblance, which rules out far more of them by their letter sets.
  thread_local std::vector<uint32_t> kept;
  // The words [from, to) of length `len`, sharing up to `prefix` first letters with w: the
  // letters each side may lack and still match enough of the other's at that prefix bonus; the
  // exact bonus is checked for the few left. A clerk's slip (PairBound) pairs whatever
  // Jaro-Winkler says: a letter dropped or added (one letter more on one side) or two swapped
  // (none).
  // A key struck beside the one meant (OneNeighbourKey) trades one letter for another: a word of the
  // same length lacking one of w's letters and having one w lacks.
  const bool neighbour_key = w.size() >= kNeighbourKeyMinLength;
  auto prefetch_word = [&](size_t k) {
    __builtin_prefetch(&scan_next[k]);
    __builtin_prefetch(&scan_terms[k]);
    __builtin_prefetch(&scan_kinds[k]);
  };
  auto scan = [&](size_t from, size_t to, size_t len, size_t prefix, bool slips) {
    const size_t needed = MatchesNeeded(w.size(), len, prefix, kTokenCutoff);
    const bool resembles = needed <= std::min(w.size(), len);
    if ((!resembles && !slips) || from == to) return;
    const bool traded = slips && neighbour_key && len == w.size();
    const size_t slip_lack_w = size_t{slips && (len < w.size() || traded)};
    const size_t slip_lack_term = size_t{slips && (len > w.size() || traded)};
    const size_t lack_w = std::max(resembles ? w.size() - needed : 0, slip_lack_w);
    const size_t lack_term = std::max(resembles ? len - needed : 0, slip_lack_term);
    if (kept.size() < to - from) kept.resize(to - from);
    const size_t n = FilterByLetters(scan_letters.data() + from, to - from, letters, lack_w, lack_term, kept.data());
    for (size_t i = 0; i < n; ++i) {
      if (i + kRunsAhead < n) prefetch_word(from + kept[i + kRunsAhead]);
      const size_t k = from + kept[i];
      const uint64_t other = scan_letters[k];
      bool may_slip = slips && LettersAllowSlip(letters, w.size(), other, len, traded);
      // Of a word of w's length with other letters, the one slip is a neighbouring key: asked
      // here, where it is one pass over the letters, so that the many words of the same length
      // differing in a letter or two are not all scored.
      if (may_slip && len == w.size() && other != letters) may_slip = OneNeighbourKey(w, ScanText(k, len));
      if (may_slip) {
        consider(scan_terms[k], ScanText(k, len), scan_kinds[k], other);
        continue;
      }
      const size_t shared = SharedPrefix(start, scan_next[k]);
      if (MayResemble(w.size(), letters, len, other, shared) && shares_enough(ScanText(k, len), other, shared)) {
        consider(scan_terms[k], ScanText(k, len), scan_kinds[k], other);
      }
    }
  };
  const uint32_t first = start >> 24;
  for (size_t len = lo_len; len <= hi_len; ++len) {
    const bool slips = len + 1 >= w.size() && len <= w.size() + 1;
    const auto from = scan_next.begin() + scan_starts[len], to = scan_next.begin() + scan_starts[len + 1];
    const auto same_lo = std::partition_point(from, to, [&](uint32_t f) { return (f >> 24) < first; });
    const auto same_hi = std::partition_point(same_lo, to, [&](uint32_t f) { return (f >> 24) == first; });
    auto at = [&](const uint32_t* it) { return static_cast<size_t>(it - scan_next.begin()); };
    scan(at(from), at(same_lo), len, 0, slips);
    scan(at(same_lo), at(same_hi), len, 4, slips);
    scan(at(same_hi), at(to), len, 0, slips);
  }
  // Joined runs (a million on a large list), by length and start as the words are: every run of
  // a compatible length is tried, those not sharing w's first three letters held to the closer
  // resemblance their shorter shared start allows (a clerk running listed words together may
  // slip in their first letters too: "jinghua" / "liang hua", "vladimirovich" / "vadim
  // igorovich"), so that nearly all are ruled out by their letter sets; a run of Korean
  // syllables, or any run a Korean word meets, is held to Align's closer resemblance.
  if (!runs || w.size() < 3) return;
  auto prefetch_run = [&](size_t k) {
    __builtin_prefetch(&run_keys[k]);
    __builtin_prefetch(&run_terms[k]);
    __builtin_prefetch(&run_fourth[k]);
    __builtin_prefetch(&run_repeats[k]);
  };
  const uint32_t start3 = start >> 8;  // w's first three bytes, as RunKey keeps a run's
  const auto fourth = static_cast<uint8_t>(start & 0xFF);  // of w
  // The runs [from, to) of length `len`, sharing at most `prefix` first letters with w.
  auto scan_runs = [&](size_t from, size_t to, size_t len, size_t prefix) {
    const size_t needed = MatchesNeeded(w.size(), len, prefix, kTokenCutoff);
    if (needed > std::min(w.size(), len) || from == to) return;
    if (kept.size() < to - from) kept.resize(to - from);
    const size_t n = FilterByLetters(run_letters.data() + from, to - from, letters, w.size() - needed, len - needed,
                                     kept.data());
    for (size_t i = 0; i < n; ++i) {
      // The runs kept are scattered over tables of a million: their details are fetched a few
      // runs ahead, so that the misses overlap rather than come one after another.
      if (i + kRunsAhead < n) prefetch_run(from + kept[i + kRunsAhead]);
      const size_t k = from + kept[i];
      const uint32_t run_start = run_keys[k] & 0xFFFFFF;
      const size_t shared = run_start == start3 ? (fourth != 0 && run_fourth[k] == fourth ? 4 : 3)
                                                : SharedPrefix(start, run_start << 8);
      if (!MayResemble(w.size(), letters, len, run_letters[k], shared)) continue;
      const uint32_t t = run_terms[k];
      if (SharedLetters(letters, repeats, run_letters[k], run_repeats[k]) <
          MatchesNeeded(w.size(), len, shared, kTokenCutoff)) {
        continue;
      }
      // Korean runs pair by the closer resemblance, or by one slip in what was written ("hao" /
      // "ha-ok": a letter dropped, added or doubled, two swapped), which leaves the longer side
      // one letter the other lacks at most, and the shorter none.
      if ((korean || (term_kinds[t] & kTermKorean)) &&
          !MayResemble(w.size(), letters, len, run_letters[k], shared, kKoreanCutoff)) {
        if (!LettersAllowSlip(letters, w.size(), run_letters[k], len)) continue;
      }
      consider(t, Term(t), term_kinds[t], run_letters[k]);
    }
  };
  for (size_t len = lo_len; len <= hi_len; ++len) {
    const auto from = std::lower_bound(run_keys.begin(), run_keys.end(), RunKey(std::string_view(), len));
    const auto to = std::partition_point(from, run_keys.end(), [&](uint32_t key) { return (key >> 24) == len; });
    // Those starting with w's first letter, and among them those starting with its first three.
    const auto one_lo = std::partition_point(from, to, [&](uint32_t key) { return (key >> 16 & 0xFF) < first; });
    const auto one_hi = std::partition_point(one_lo, to, [&](uint32_t key) { return (key >> 16 & 0xFF) == first; });
    const auto three_lo = std::partition_point(one_lo, one_hi, [&](uint32_t key) { return (key & 0xFFFFFF) < start3; });
    const auto three_hi = std::partition_point(three_lo, one_hi, [&](uint32_t key) { return (key & 0xFFFFFF) == start3; });
    auto at = [&](const uint32_t* it) { return static_cast<size_t>(it - run_keys.begin()); };
    scan_runs(at(from), at(one_lo), len, 0);
    scan_runs(at(one_lo), at(three_lo), len, 2);
    scan_runs(at(three_lo), at(three_hi), len, 4);
    scan_runs(at(three_hi), at(one_hi), len, 2);
    scan_runs(at(one_hi), at(to), len, 0);
  }
}

template <typename F>
void NameIndex::ForEachNearTerm(std::string_view w, Near near, F&& f) const {
  ForEachQueryKey(w, near != Near::kExact, [&](uint64_t key) {
    const auto [lo, hi] = TermsUnder(key);
    // Letter set 0 (no text has it): not at hand, made by the caller if it needs it.
    for (uint32_t k = lo; k < hi; ++k) f(key_terms[k], Term(key_terms[k]), term_kinds[key_terms[k]], uint64_t{0});
  });
  if (near == Near::kWord || near == Near::kKoreanWord) ScanNear(w, near == Near::kKoreanWord, true, f);
  if (near == Near::kRun) ScanNear(w, false, false, f);
}

template <typename F>
void NameIndex::ForEachInitialPair(std::string_view w, F&& f) const {
  // Align pairs a letter alone with a word of two letters or more it begins, on either side.
  if (w.empty()) return;
  if (w.size() > 1) {
    const std::string_view letter = w.substr(0, 1);
    const auto [lo, hi] = TermsUnder(HashText(letter));
    for (uint32_t k = lo; k < hi; ++k) {
      const uint32_t t = key_terms[k];
      if ((term_kinds[t] & kTermWord) && Term(t) == letter) f(t);
    }
    return;
  }
  if (scan_starts.empty()) return;
  // Every listed word of two letters or more starting with it: within a length, side by side.
  const auto first = static_cast<uint32_t>(static_cast<unsigned char>(w[0]));
  for (size_t len = 2; len + 1 < scan_starts.size(); ++len) {
    const auto from = scan_next.begin() + scan_starts[len], to = scan_next.begin() + scan_starts[len + 1];
    const auto lo = std::partition_point(from, to, [&](uint32_t s) { return (s >> 24) < first; });
    for (auto it = lo; it != to && (*it >> 24) == first; ++it) f(scan_terms[static_cast<size_t>(it - scan_next.begin())]);
  }
}

void NameIndex::NearTerms(std::string_view w, Near near, std::vector<uint32_t>& out) const {
  ForEachNearTerm(w, near, [&](uint32_t t, std::string_view, uint8_t, uint64_t) { out.push_back(t); });
}

void NameIndex::Collect(const NormalizedName& q, double floor, std::vector<uint32_t>& out) const {
  if (q.tokens.empty() || names.empty()) return;
  thread_local Scratch s;
  s.parts.clear();
  s.ranges.clear();
  std::array<float, kMaxTokens> weight{};  // of each query token
  for (size_t i = 0; i < q.tokens.size(); ++i) weight[i] = q.tokens[i].weight;
  // The terms each query word or joined run may pair with, found under a shared
  // key or by their start, kept with the most Align could give the pair and
  // split into parts by tier.
  auto find_terms = [&](uint16_t mask, std::span<const std::string_view> texts, Near near, bool korean,
                        std::string_view initial = {}) {
    const bool numeric = near == Near::kExact;
    s.slots.Clear();
    s.pairable.clear();
    auto merge = [&](std::span<const PairableTerm> terms) {
      for (const PairableTerm& p : terms) {
        const auto [slot, added] = s.slots.Emplace(p.term, static_cast<uint32_t>(s.pairable.size()));
        if (added) {
          s.pairable.push_back(p);
        } else {
          s.pairable[slot].sim = std::max(s.pairable[slot].sim, p.sim);
        }
      }
    };
    // Each text's terms, the best of the texts per term.
    for (const std::string_view text : texts) {
      if (text.empty()) continue;
      const auto kind = static_cast<uint8_t>(static_cast<uint8_t>(near) << 1 | (korean ? 1 : 0));
      merge(s.near.Get(serial, text, kind, [&](std::vector<PairableTerm>& out) {
        s.tried.Clear();
        const uint64_t letters = LetterSet(text);
        ForEachNearTerm(text, near, [&](uint32_t t, std::string_view term, uint8_t kinds, uint64_t term_letters) {
          if (!s.tried.Emplace(t, 0).second) return;
          const bool both_korean = korean && (kinds & kTermKorean) != 0;
          // A term that is a joined run somewhere, or a query run, pairs as JoinSim pairs it.
          const bool run = near == Near::kRun || (kinds & kTermJoin) != 0;
          const double sim = PairBound(text, letters, term, term_letters ? term_letters : LetterSet(term), numeric,
                                       both_korean, run);
          if (sim > 0) out.push_back(PairableTerm{t, static_cast<float>(sim)});
        });
      }));
    }
    // The initials Align pairs last, between words left unpaired beside two words paired otherwise
    // (not between two names all romanised Korean, which the index does not tell apart here:
    // kept, as a bound may be loose).
    if (!initial.empty()) {
      // What it finds hangs on the first letter and on whether that is the whole word: kept so,
      // not once per word of a batch.
      const bool alone = initial.size() == 1;
      const auto kind = static_cast<uint8_t>(kInitialKind | (alone ? 1 : 0));
      merge(s.near.Get(serial, initial.substr(0, 1), kind, [&](std::vector<PairableTerm>& out) {
        ForEachInitialPair(initial, [&](uint32_t t) { out.push_back(PairableTerm{t, kInitialSim}); });
      }));
    }
    // The unit's terms as name ranges, one part per tier: counted by tier in one pass, then
    // each written at its tier's place (in the order found, as a pass per tier would).
    s.found.clear();
    std::array<size_t, kTiers> in_tier{};
    for (const PairableTerm& p : s.pairable) {
      const auto tier = static_cast<uint8_t>(TierOf(p.sim));
      ++in_tier[tier];
      s.found.push_back(TermRange{name_starts[p.term], name_starts[p.term + 1],
                                  static_cast<float>(term_weights[p.term]) * kWeightUnit, tier});
    }
    float unit_weight = 0;
    for (uint32_t m = mask; m != 0; m &= m - 1) unit_weight += weight[static_cast<size_t>(std::countr_zero(m))];
    Part unit;
    unit.mask = mask;
    for (uint32_t m = mask; m != 0; m &= m - 1) {
      const auto i = static_cast<size_t>(std::countr_zero(m));
      unit.share[i] = unit_weight > 0 ? weight[i] / unit_weight : 1.0f;
    }
    std::array<size_t, kTiers> part_of{};  // each tier's place in s.parts
    std::array<size_t, kTiers> next{};     // where its next range goes in s.ranges
    size_t at = s.ranges.size();
    for (uint8_t tier = 0; tier < kTiers; ++tier) {
      if (in_tier[tier] == 0) continue;
      Part p = unit;
      p.tier = tier;
      p.first = next[tier] = at;
      p.count = in_tier[tier];
      at += in_tier[tier];
      part_of[tier] = s.parts.size();
      s.parts.push_back(p);
    }
    s.ranges.resize(at);
    for (const TermRange& r : s.found) {
      s.ranges[next[r.tier]++] = r;
      Part& p = s.parts[part_of[r.tier]];
      p.names += r.last - r.first;
      p.heaviest = std::max(p.heaviest, r.weight);
    }
  };
  // Each by the texts its like is filed under (WordTexts, RunTexts).
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    const NameToken& t = q.tokens[i];
    find_terms(static_cast<uint16_t>(1u << i), WordTexts(t), NearFor(t), (t.flags & kKoreanToken) != 0,
               t.numeric() || q.tokens.size() < 3 ? std::string_view() : std::string_view(t.raw));
  }
  WrittenRunBuffer buf;
  for (const JoinedTokens& jt : q.joins) {
    // A joined run meets a listed run written the same, or a listed word like it
    // ("chun ryong" / "chunryng").
    find_terms(jt.mask, RunTexts(q, jt, buf), Near::kRun, AllKorean(q, jt.mask));
  }

  const ScoreBound bound(weight, q.total_weight);
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
    if (bound(with, Pairing{}, -1) >= floor) break;
    rest[--essential] = with;
  }
  s.gatherer.Run(*this, GatherPlan{parts, s.ranges, rest, essential, floor, bound}, out);
}

}  // namespace sancheck::screen
