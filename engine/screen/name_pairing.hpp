// What a listed name pairs with a query while the index gathers it: parts by tier, pairings and their score bound.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "screen/normalize.hpp"

namespace sancheck::screen {

// Pairs are sorted into tiers by the most Align could give them (PairBound):
// a name whose words resemble the query's only loosely is ruled out by its
// weight without being scored. A tier's cap is the highest similarity in it.
inline constexpr size_t kTiers = 3;
inline constexpr std::array<double, kTiers> kTierFloor = {0.95, 0.90, 0.0};
inline constexpr std::array<float, kTiers> kTierCap = {1.0f, 0.95f, 0.90f};

inline size_t TierOf(double sim) {
  size_t t = 0;
  while (sim < kTierFloor[t]) ++t;
  return t;
}

/// What a name pairs with the query so far: which query tokens, in which tier
/// (tiers[t]: paired in tier t or better), and per query token the most listed
/// weight its pairs can cover, times the tier's cap, for the score bound.
struct Pairing {
  std::array<uint16_t, kTiers> tiers{};
  std::array<float, kMaxTokens> listed{};
};

/// The names one query word or joined run may pair with in one tier: the ranges
/// of its terms in that tier.
struct Part {
  uint16_t mask = 0;            ///< the query tokens it covers
  uint8_t tier = 0;
  size_t names = 0;             ///< over all its terms (with repeats)
  size_t first = 0, count = 0;  ///< into the ranges
  float heaviest = 0;           ///< the most one of its terms weighs in a name
  std::array<float, kMaxTokens> share{};  ///< each token's share of the part's query weight
};

/// One term's names (NameIndex::name_ids[first, last)) and the most the term
/// weighs in a name.
struct TermRange {
  uint32_t first, last;
  float weight;
  uint8_t tier;
};

/// Records that a name pairs the part's tokens through a term weighing `weight`:
/// that listed weight is shared among the part's tokens as their query weight is.
inline void AddPair(Pairing& p, const Part& part, float weight) {
  const float cap = kTierCap[part.tier];
  for (size_t t = part.tier; t < kTiers; ++t) p.tiers[t] = static_cast<uint16_t>(p.tiers[t] | part.mask);
  for (uint32_t m = part.mask; m != 0; m &= m - 1) {
    const auto i = static_cast<size_t>(std::countr_zero(m));
    p.listed[i] = std::max(p.listed[i], cap * weight * part.share[i]);
  }
}

/// The best score a name can reach with what it pairs and its weight `cw`
/// (negative when unknown: as low as the listed weight it pairs, its best case).
/// Align uses each token once on either side, so its pairs cover at most the
/// query weight of their tokens at the pairs' caps, and at most the listed weight
/// of the terms they pair with, or the name's own weight.
class ScoreBound {
 public:
  ScoreBound(const std::array<float, kMaxTokens>& weight, double query_weight) : weight_(weight), qw_(query_weight) {}

  /// The bound of `p` joined with `with` (what parts not yet searched may add),
  /// taken without building the union: this runs for every name gathered.
  /// `cw_slack`: the name's weight is only known to lie in [cw, cw + cw_slack) (stored rounded
  /// down). The bound rises with cw up to y and falls past it, so the largest over that range is
  /// taken at the point of it nearest y: rounding down alone could drop a name that scores.
  double operator()(const Pairing& p, const Pairing& with, double cw, double cw_slack = 0) const {
    const uint32_t best = p.tiers[0] | with.tiers[0], good = p.tiers[1] | with.tiers[1];
    double x = 0, y = 0;
    for (uint32_t m = p.tiers[kTiers - 1] | with.tiers[kTiers - 1]; m != 0; m &= m - 1) {
      const auto i = static_cast<size_t>(std::countr_zero(m));
      const size_t t = (best >> i & 1) ? 0 : (good >> i & 1) ? 1 : 2;
      x += kTierCap[t] * weight_[i];
      y += std::max(p.listed[i], with.listed[i]);
    }
    cw = cw < 0 ? y : std::clamp(y, cw, cw + cw_slack);
    return (x + std::min(cw, y)) / (qw_ + cw);
  }

 private:
  std::array<float, kMaxTokens> weight_;
  double qw_;
};
static_assert(kTiers == 3, "ScoreBound picks a token's tier from the first two tiers' masks");

}  // namespace sancheck::screen
