// Greedy token alignment with joined runs; fixed-size buffers, no allocation per comparison.
#include "screen/alignment.hpp"

#include <algorithm>
#include <atomic>
#include <bit>

#include "screen/jaro_winkler.hpp"
#include "screen/typo_edits.hpp"

namespace sancheck::screen {
namespace {

constexpr size_t kStrictLength = 5;   // one romanised syllable: ryong, chong, kwang
// Longer romanised Korean words differing by a letter usually differ by a whole syllable
// (Taedong/Taesong, Kwangmyong/Kwangsong): they need a closer resemblance than other words.
// A clerk's slip (two adjacent letters swapped, a letter dropped or doubled) scores at least
// this: Jaro-Winkler's match window is too narrow to see a swap in a short word ("sko" / "sok").
constexpr double kSlipSim = 0.90;
constexpr size_t kMaxJoins = 2 * kMaxTokens;
constexpr size_t kMaxItems = kMaxTokens * kMaxTokens + 2 * kMaxTokens * kMaxJoins + kMaxJoins * kMaxJoins;

struct Item {
  float sim;
  float weight;
  uint16_t q_mask;
  uint16_t c_mask;
  bool slip;  ///< a Korean syllable slip, counted in Alignment::slips
  bool typo;  ///< AlignedPair::typo
};

// An upper bound of TokenSimilarity from letter sets: a letter of one string absent from the
// other can never match, which bounds the Jaro match count. Most pairs of different names
// fail this O(1) test, so the full Jaro-Winkler runs on few pairs. SimilarityBound rises with
// the matches, so reaching the cutoff is having at least the matches it needs; for lengths
// MatchesNeeded calls incompatible the bound is below both cutoffs (see LengthsCompatible).
bool MaybeSimilar(size_t len_a, uint64_t letters_a, size_t len_b, uint64_t letters_b, double cutoff,
                  size_t prefix = 4) {
  const auto miss_a = static_cast<size_t>(CountBits(letters_a & ~letters_b));
  const auto miss_b = static_cast<size_t>(CountBits(letters_b & ~letters_a));
  if (miss_a >= len_a || miss_b >= len_b) return false;
  const size_t matches = std::min(len_a - miss_a, len_b - miss_b);
  if (cutoff != kTokenCutoff && cutoff != kKoreanCutoff) return SimilarityBound(matches, len_a, len_b, prefix) >= cutoff;
  return matches >= MatchesNeeded(len_a, len_b, prefix, cutoff);
}

// Lengths too different to reach the cutoff once TokenSimilarity damps by the length ratio
// (sim <= ratio / 0.8, so ratio >= 0.8 * 0.84 > 2/3 is needed): skip the call.
bool LengthsCompatible(size_t a, size_t b) {
  const size_t lo = std::min(a, b), hi = std::max(a, b);
  return lo * 3 >= hi * 2;
}

// The fewest matches, worked out (see MatchesNeeded).
size_t FewestMatches(size_t len_a, size_t len_b, size_t prefix, double cutoff) {
  if (!LengthsCompatible(len_a, len_b)) return SIZE_MAX;
  for (size_t m = 1; m <= std::min(len_a, len_b); ++m) {
    if (SimilarityBound(m, len_a, len_b, prefix) >= cutoff) return m;
  }
  return SIZE_MAX;
}

// Greedy selection over `items` (sorted best first), extending `out`.
void Select(Item* items, size_t count, Alignment& out, double& covered) {
  std::sort(items, items + count, [](const Item& a, const Item& b) {
    if (a.sim != b.sim) return a.sim > b.sim;
    return a.weight > b.weight;
  });
  for (size_t k = 0; k < count && out.pair_count < out.pairs.size(); ++k) {
    const Item& it = items[k];
    if ((it.q_mask & out.q_used) || (it.c_mask & out.c_used)) continue;
    out.q_used = static_cast<uint16_t>(out.q_used | it.q_mask);
    out.c_used = static_cast<uint16_t>(out.c_used | it.c_mask);
    out.pairs[out.pair_count++] = AlignedPair{it.q_mask, it.c_mask, it.sim, it.typo};
    if (it.slip) ++out.slips;
    covered += static_cast<double>(it.sim) * static_cast<double>(it.weight);
  }
}

// A slip between two romanised syllables; one-letter syllables and swaps in two-letter ones
// ("ok" / "ko") make other syllables too often to count.
bool SyllableSlip(std::string_view a, std::string_view b) {
  const size_t shorter = std::min(a.size(), b.size());
  if (shorter < 2 || std::max(a.size(), b.size()) > shorter + 1) return false;
  return OneLetterDropped(a, b) || OneLetterDropped(b, a) || (shorter >= 3 && OneAdjacentSwap(a, b));
}

bool ShortKorean(const NameToken& t) { return (t.flags & kKoreanToken) && t.canon.size() <= kStrictLength; }

// Whether joined runs `qj` and `cj` are the same words, word for word: then the single pairs
// already say so, and a joined pair would only hide which spelling differed.
bool SameWords(const NormalizedName& q, uint16_t q_mask, const NormalizedName& c, uint16_t c_mask) {
  if (CountBits(q_mask) != CountBits(c_mask)) return false;
  size_t i = 0, j = 0;
  while (q_mask != 0) {
    while (!(q_mask & (1u << i))) ++i;
    while (!(c_mask & (1u << j))) ++j;
    if (q.tokens[i].canon != c.tokens[j].canon) return false;
    q_mask = static_cast<uint16_t>(q_mask & ~(1u << i));
    c_mask = static_cast<uint16_t>(c_mask & ~(1u << j));
  }
  return true;
}

// How a word pairs with words run together on the other side (0: not at all; `slip`: Korean
// syllables paired other than letter for letter, see the end). Korean syllables
// run together need the closer resemblance single Korean words need (kyongchol is not
// pyong-chol; chaohai is not chang-ha). Other words need the same letters but for one slip: a
// clerk runs words together or splits one, and a mere resemblance across a word break pairs
// unrelated names ("fu bin" / "fupi", "shahid wardak" / "shahidwror", "muhammad kuwari" /
// "muhamadmuhtar").
// Canonical forms may differ where the written ones agree ("adem" alone reads as romanised
// Korean, "ademyilmaz" does not): the word's written form is compared with the run's too.
double JoinSim(const NameToken& t, const NormalizedName& n, const JoinedTokens& j, bool korean, bool& slip) {
  slip = false;
  const double sim = std::min(TokenSimilarity(t.canon, j.canon, false), double{kVariantSim});
  WrittenRunBuffer buf;
  const std::string_view written = WrittenRun(n, j.mask, buf);
  for (const std::string_view a : {std::string_view(t.canon), std::string_view(t.raw)}) {
    for (const std::string_view b : {std::string_view(j.canon), std::string_view(j.whole), written}) {
      if (a == b) return kVariantSim;
    }
  }
  // A slip is the clerk's, in what was written: canonical forms one letter apart may be two
  // spellings apart ("fu bin" reads "fupin", one letter from the alias "Fupi").
  const std::string_view raw = t.raw;
  double best = 0;
  if (OneLetterDoubled(raw, written) || OneLetterDoubled(written, raw) || OneSlipApart(raw, written)) {
    best = std::max(sim, kSlipSim);
  }
  // Korean syllables run together also pair by the closer resemblance of romanisations.
  if (korean && sim >= kKoreanCutoff) best = std::max(best, sim);
  // Korean syllables paired so, not letter for letter, hold a syllable a letter off: counted as
  // the slip it is, as when the same syllables are written apart ("ko taehyun" / KO TAE HUN
  // reads as "ko tae-hyun", which is held for review), not a match.
  slip = korean && best > 0;
  return best;
}

}  // namespace

double SimilarityBound(size_t matches, size_t len_a, size_t len_b, size_t prefix) {
  const double la = static_cast<double>(len_a), lb = static_cast<double>(len_b);
  const double m = static_cast<double>(matches);
  if (m <= 0) return 0.0;
  const double jaro = (m / la + m / lb + 1.0) / 3.0;
  double bound = jaro + 0.1 * static_cast<double>(std::min<size_t>(prefix, 4)) * (1.0 - jaro);
  const double ratio = std::min(la, lb) / std::max(la, lb);
  if (ratio < 0.8) bound *= ratio / 0.8;
  return bound;
}

size_t MatchesNeeded(size_t len_a, size_t len_b, size_t prefix, double cutoff) {
  // For Align's two cutoffs and words under 64 letters each answer is worked out once per
  // process and kept: the index asks for hundreds of listed words per query word, and working
  // it out is a loop of divisions. 0: not worked out yet; 255: never.
  constexpr size_t kLengths = 64, kPrefixes = 5;
  const int which = cutoff == kTokenCutoff ? 0 : cutoff == kKoreanCutoff ? 1 : -1;
  if (which < 0 || len_a >= kLengths || len_b >= kLengths) return FewestMatches(len_a, len_b, prefix, cutoff);
  static std::array<std::atomic<uint8_t>, 2 * kLengths * kLengths * kPrefixes> known{};
  std::atomic<uint8_t>& slot =
      known[((static_cast<size_t>(which) * kLengths + len_a) * kLengths + len_b) * kPrefixes + std::min<size_t>(prefix, 4)];
  uint8_t v = slot.load(std::memory_order_relaxed);
  if (v == 0) {  // threads racing here store the same answer
    const size_t m = FewestMatches(len_a, len_b, prefix, cutoff);
    v = m == SIZE_MAX ? 255 : static_cast<uint8_t>(m);
    slot.store(v, std::memory_order_relaxed);
  }
  return v == 255 ? SIZE_MAX : v;
}

bool AllKorean(const NormalizedName& n, uint16_t mask) {
  for (size_t i = 0; i < n.tokens.size(); ++i) {
    if ((mask & (1u << i)) && !(n.tokens[i].flags & kKoreanToken)) return false;
  }
  return true;
}

bool StrictPair(const NameToken& a, const NameToken& b) {
  return (a.flags & b.flags & kKoreanToken) != 0 && std::max(a.canon.size(), b.canon.size()) <= kStrictLength;
}

namespace {

// Below this, the names after "abd" are other names (majid / malik 0.79), not spellings of one.
constexpr double kOtherNameAfterAbd = 0.85;

// The name after the "servant of" of an Arabic theophoric name, written as one word
// ("abdulmalik" -> "malik", "abdurrahman" -> "rahman", "abdullah" -> "lah"), or empty when the
// word has none: its vowels, then the article's "l" or the sun letter it became.
std::string_view AfterAbd(std::string_view w) {
  if (w.size() < 5 || w.substr(0, 3) != "abd") return {};
  size_t i = 3;
  while (i < w.size() && IsVowel(w[i])) ++i;
  if (i < w.size() && w[i] == 'l') {
    ++i;
  } else if (i + 1 < w.size() && w[i] == w[i + 1]) {
    ++i;
  }
  return w.substr(i);
}

double PlainSimilarity(std::string_view a, std::string_view b) {
  const double lo = static_cast<double>(std::min(a.size(), b.size()));
  const double hi = static_cast<double>(std::max(a.size(), b.size()));
  const double ratio = lo / hi;
  if (ratio < 0.5) return 0.0;
  double sim = JaroWinkler(a, b);
  if (ratio < 0.8) sim *= ratio / 0.8;
  return sim;
}

}  // namespace

double TokenSimilarity(std::string_view a, std::string_view b, bool numeric, bool strict) {
  if (a == b) return 1.0;
  if (numeric || strict || a.empty() || b.empty()) return 0.0;
  double sim = PlainSimilarity(a, b);
  // Two names "servant of" another of God's names are as alike as those names when these
  // plainly differ: the shared "abdul" lifts Jaro-Winkler by its prefix (abdulwahid / abdullah
  // 0.89, abdelmajid / abdulmalik 0.86), though Wahid is not Allah. Names alike after it
  // (abdulrahim / abdulrahman) and a clerk's slip anywhere (abdularhman) keep their resemblance.
  if (const std::string_view ra = AfterAbd(a), rb = AfterAbd(b); ra.size() >= 2 && rb.size() >= 2 && ra != rb) {
    const double after = PlainSimilarity(ra, rb);
    if (after < kOtherNameAfterAbd && !OneSlipApart(a, b) && !OneAdjacentSwap(a, b) && !OneNeighbourKey(a, b)) {
      sim = std::min(sim, after);
    }
  }
  if (sim < kSlipSim && a.size() >= 3 && OneAdjacentSwap(a, b)) sim = kSlipSim;  // "ok" / "ko": two syllables
  return sim;
}

double PairBound(std::string_view q, std::string_view term, bool numeric, bool korean, bool run) {
  return PairBound(q, LetterSet(q), term, LetterSet(term), numeric, korean, run);
}

double PairBound(std::string_view q, uint64_t q_letters, std::string_view term, uint64_t term_letters, bool numeric,
                 bool korean, bool run) {
  if (q == term) return 1.0;
  if (numeric || q.empty() || term.empty()) return 0.0;
  // Every way Align pairs two different words: a doubled letter, one slip in
  // words of two letters or more, or a resemblance; between Korean words a
  // resemblance only at kKoreanCutoff, and short syllables only by a slip.
  const bool slip = OneLetterDoubled(q, term) || OneLetterDoubled(term, q) ||
                    (std::min(q.size(), term.size()) >= 2 && OneSlipApart(q, term)) || OneNeighbourKey(q, term);
  double sim = 0;
  const bool strict = korean && !run && std::max(q.size(), term.size()) <= kStrictLength;
  if (!strict && MayResemble(q.size(), q_letters, term.size(), term_letters)) {
    sim = TokenSimilarity(q, term, false);
    if (korean && sim < kKoreanCutoff) sim = 0;
  }
  if (slip) sim = std::max(sim, kSlipSim);
  return sim >= kTokenCutoff ? sim : 0.0;
}

bool MayResemble(size_t len_a, uint64_t letters_a, size_t len_b, uint64_t letters_b, size_t prefix, double cutoff) {
  return LengthsCompatible(len_a, len_b) && MaybeSimilar(len_a, letters_a, len_b, letters_b, cutoff, prefix);
}

Alignment Align(const NormalizedName& q, const NormalizedName& c) {
  Alignment out;
  const size_t n = q.tokens.size(), m = c.tokens.size();
  if (n == 0 || m == 0) return out;
  std::array<Item, kMaxItems> items;
  size_t count = 0;
  auto add = [&](double sim, float weight, uint16_t qm, uint16_t cm, bool slip = false, bool typo = false) {
    if (sim >= kTokenCutoff && count < items.size()) {
      items[count++] = Item{static_cast<float>(sim), weight, qm, cm, slip, typo || slip};
    }
  };
  // Short words of a name that is not all romanised Korean only look like Korean syllables
  // ("kurdi", "sakim" in an Arabic name): a key struck beside the one meant is a slip in them
  // too, held for review as a Korean syllable's is. Between two Korean names it is another
  // syllable, another name (song / sonh).
  const bool korean_names = AllKorean(q, static_cast<uint16_t>((1u << n) - 1)) &&
                            AllKorean(c, static_cast<uint16_t>((1u << m) - 1));
  for (size_t i = 0; i < n; ++i) {
    const NameToken& qt = q.tokens[i];
    for (size_t j = 0; j < m; ++j) {
      const NameToken& ct = c.tokens[j];
      const auto qm = static_cast<uint16_t>(1u << i), cm = static_cast<uint16_t>(1u << j);
      if (qt.canon_hash == ct.canon_hash && qt.canon == ct.canon) {
        add(qt.raw_hash == ct.raw_hash ? 1.0 : double{kVariantSim}, qt.weight + ct.weight, qm, cm);
        continue;
      }
      if (qt.numeric() || ct.numeric()) continue;
      const float weight = qt.weight + ct.weight;
      // A Korean syllable paired with one a letter longer, shorter or swapped ("hwag" / "hwang",
      // "cho" / "choe") is a clerk's slip or another name: paired, and counted in `slips` so
      // that the screener keeps it for review.
      if (StrictPair(qt, ct)) {
        if (SyllableSlip(qt.raw, ct.raw) || SyllableSlip(qt.canon, ct.canon) ||
            (!korean_names && OneNeighbourKey(qt.raw, ct.raw))) {
          add(kSlipSim, weight, qm, cm, true);
        }
        continue;
      }
      const bool both_korean = (qt.flags & ct.flags & kKoreanToken) != 0;
      double sim = 0;
      if (LengthsCompatible(qt.canon.size(), ct.canon.size()) &&
          MaybeSimilar(qt.canon.size(), qt.letters, ct.canon.size(), ct.letters, kTokenCutoff)) {
        sim = TokenSimilarity(qt.canon, ct.canon, false);
      }
      // A class's canonical form stands for spellings far from a typo of one of them: "saeeq"
      // resembles the written "Saeed", not its class's "said". The written words are compared too.
      // Only a resemblance reaching the cutoff can count, which the letter sets rule out for most
      // pairs before Jaro-Winkler runs (Align scores every candidate: this is its hot loop).
      if ((qt.raw_hash != qt.canon_hash || ct.raw_hash != ct.canon_hash) && LengthsCompatible(qt.raw.size(), ct.raw.size()) &&
          MaybeSimilar(qt.raw.size(), LetterSet(qt.raw), ct.raw.size(), LetterSet(ct.raw),
                       both_korean ? kKoreanCutoff : kTokenCutoff)) {
        sim = std::max(sim, TokenSimilarity(qt.raw, ct.raw, false));
      }
      if (sim < kKoreanCutoff && both_korean) sim = 0;
      // A slip in the written words can hide behind canonical forms that differ more: "ledaer"
      // reads as romanised Korean and "leader" does not; "jnag" is no syllable, "jang" is. A
      // doubled letter counts in words of any length ("rii" / "ri"), a key struck beside the
      // one meant in words of four letters or more ("mubqrak", "pmar"). Between two words that
      // read as Korean it makes another syllable as often (taedong / taesong): not paired when
      // both names are all Korean, and held for review (a syllable slip) when one is not, since
      // many words of other names read as Korean too ("shipping", "tikriti").
      const bool doubled = OneLetterDoubled(qt.raw, ct.raw) || OneLetterDoubled(ct.raw, qt.raw);
      const bool slipped = doubled || (std::min(qt.raw.size(), ct.raw.size()) >= 3 && OneSlipApart(qt.raw, ct.raw));
      const bool neighbour = !slipped && !(both_korean && korean_names) && OneNeighbourKey(qt.raw, ct.raw);
      if (sim < kSlipSim && (slipped || neighbour)) {
        add(kSlipSim, weight, qm, cm, ShortKorean(qt) || ShortKorean(ct) || (neighbour && both_korean), true);
        continue;
      }
      add(sim, weight, qm, cm, false, slipped || neighbour);
    }
  }
  // Runs whose written letters agree but whose word breaks differ ("myongc-hin" / "myong-chin",
  // "chunr-yong" / "chun-ryong"): a hyphen or space typed one place off. Weighed with the
  // single pairs, so they win over a partial resemblance of one of their words.
  for (const JoinedTokens& qj : q.joins) {
    for (const JoinedTokens& cj : c.joins) {
      if (qj.whole_hash != cj.whole_hash || qj.whole != cj.whole || SameWords(q, qj.mask, c, cj.mask)) continue;
      add(kVariantSim, qj.weight + cj.weight, qj.mask, cj.mask);
    }
  }
  // A word one side writes whole and the other in two or three, the same letters ("albughanimi"
  // / "al-bughanimi", "nor-ullah" / "norullah"): a word break dropped or added. The run's words
  // read as one word (`whole`) when two: a word's canonical form is not its parts' joined
  // (romanised Korean letter rules read the whole word). Weighed with the
  // single pairs too, so that a word resembling only part of the run ("albughanimi" /
  // "bughanimi") does not take it first and leave the rest unpaired.
  for (size_t i = 0; i < n; ++i) {
    const NameToken& qt = q.tokens[i];
    if (qt.numeric()) continue;
    for (const JoinedTokens& cj : c.joins) {
      if (qt.canon != cj.canon && qt.canon != cj.whole) continue;
      add(kVariantSim, qt.weight + cj.weight, static_cast<uint16_t>(1u << i), cj.mask);
    }
  }
  for (const JoinedTokens& qj : q.joins) {
    for (size_t j = 0; j < m; ++j) {
      const NameToken& ct = c.tokens[j];
      if (ct.numeric() || (ct.canon != qj.canon && ct.canon != qj.whole)) continue;
      add(kVariantSim, qj.weight + ct.weight, qj.mask, static_cast<uint16_t>(1u << j));
    }
  }
  double covered = 0;
  Select(items.data(), count, out, covered);
  // Then joined runs, among what single tokens left unpaired: a token against 2-3 adjacent
  // tokens on the other side ("chunryong" / "chun ryong"). Single pairs go first because
  // TokenSimilarity's length damping keeps "chunryong" from pairing with "chun" alone.
  const uint16_t q_all = static_cast<uint16_t>((1u << n) - 1), c_all = static_cast<uint16_t>((1u << m) - 1);
  if (out.q_used == q_all || out.c_used == c_all) {
    const double total = static_cast<double>(q.total_weight) + static_cast<double>(c.total_weight);
    out.score = total > 0 ? covered / total : 0.0;
    return out;
  }
  count = 0;
  for (size_t i = 0; i < n; ++i) {
    const NameToken& qt = q.tokens[i];
    if (qt.numeric() || (out.q_used & (1u << i))) continue;
    for (const JoinedTokens& cj : c.joins) {
      if (cj.mask & out.c_used) continue;
      if (!LengthsCompatible(qt.canon.size(), cj.canon.size())) continue;
      if (!MaybeSimilar(qt.canon.size(), qt.letters, cj.canon.size(), cj.letters, kTokenCutoff)) continue;
      bool slip = false;
      const double sim = JoinSim(qt, c, cj, (qt.flags & kKoreanToken) || AllKorean(c, cj.mask), slip);
      add(sim, qt.weight + cj.weight, static_cast<uint16_t>(1u << i), cj.mask, slip);
    }
  }
  for (const JoinedTokens& qj : q.joins) {
    if (qj.mask & out.q_used) continue;
    for (size_t j = 0; j < m; ++j) {
      const NameToken& ct = c.tokens[j];
      if (ct.numeric() || (out.c_used & (1u << j))) continue;
      if (!LengthsCompatible(qj.canon.size(), ct.canon.size())) continue;
      if (!MaybeSimilar(qj.canon.size(), qj.letters, ct.canon.size(), ct.letters, kTokenCutoff)) continue;
      bool slip = false;
      const double sim = JoinSim(ct, q, qj, (ct.flags & kKoreanToken) || AllKorean(q, qj.mask), slip);
      add(sim, qj.weight + ct.weight, qj.mask, static_cast<uint16_t>(1u << j), slip);
    }
  }
  Select(items.data(), count, out, covered);
  // Last, an initial among the words still unpaired: a letter alone and a word of the other
  // side it begins ("Samuel P. Mudde" / SAMUEL PETER MUDDE). Not between romanised Korean names,
  // whose one-letter words are syllables ("I", "O"), and only beside two words paired otherwise:
  // an initial adds to a name, it is none ("F" is not the acronym FTB), and a surname with an
  // initial is half a name (`Ainab Ahmed` is not "Ahmed, A", `Ashraf Mishal` not HAJI M. ASHRAF).
  if (!korean_names && out.pair_count >= 2 && out.q_used != q_all && out.c_used != c_all) {
    count = 0;
    auto initial_of = [](const NameToken& a, const NameToken& b) {
      return a.raw.size() == 1 && !a.numeric() && b.raw.size() >= 2 && !b.numeric() && b.raw[0] == a.raw[0];
    };
    for (size_t i = 0; i < n; ++i) {
      if (out.q_used & (1u << i)) continue;
      for (size_t j = 0; j < m; ++j) {
        if (out.c_used & (1u << j)) continue;
        if (initial_of(q.tokens[i], c.tokens[j]) || initial_of(c.tokens[j], q.tokens[i])) {
          add(kInitialSim, q.tokens[i].weight + c.tokens[j].weight, static_cast<uint16_t>(1u << i),
              static_cast<uint16_t>(1u << j));
        }
      }
    }
    Select(items.data(), count, out, covered);
  }
  const double total = static_cast<double>(q.total_weight) + static_cast<double>(c.total_weight);
  out.score = total > 0 ? covered / total : 0.0;
  return out;
}

}  // namespace sancheck::screen
