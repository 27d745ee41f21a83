// RuleIndex: one guard alternative lives in one bucket (exporter, importer, tag, chapter or always).
#include "batch/rule_index.hpp"

namespace sancheck::batch {
namespace {

constexpr uint64_t kChapterSpan = 100'000'000;  // 10-digit codes per 2-digit chapter

bool MeetsChapter(const GuardAlt& g, int chapter) {
  const uint64_t lo = static_cast<uint64_t>(chapter) * kChapterSpan, hi = lo + kChapterSpan - 1;
  for (const auto& [a, b] : g.hs) {
    if (a <= hi && b >= lo) return true;
  }
  return false;
}

}  // namespace

void RuleIndex::AddToChapters(Buckets& b, uint32_t alt_id, const GuardAlt& g) {
  for (int ch = 0; ch <= kNoHs; ++ch) {
    // Without an HS constraint the alternative is met in every chapter, and by records without a code.
    if (!g.has_hs || (ch < kNoHs && MeetsChapter(g, ch))) b[static_cast<size_t>(ch)].push_back(alt_id);
  }
}

RuleIndex::RuleIndex(const rules::RuleSet& set, const std::vector<uint32_t>& order) {
  rank_count_ = order.size();
  from_slot_.fill(-1);
  to_slot_.fill(-1);
  const unsigned supply = 1U << static_cast<unsigned>(ActivityType::kSupply);
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    const rules::Rule& rule = set.rules[order[rank]];
    if (!(rule.applies_mask & supply)) continue;
    supply_ranks_.push_back(rank);
    ++stats_.rules;
    for (auto& g : GuardOf(rule.program).alts) alts_.push_back({rank, std::move(g)});
  }
  auto slot = [](std::array<int16_t, Country::kCount>& slots, std::vector<Buckets>& buckets, size_t c) {
    if (slots[c] < 0) {
      slots[c] = static_cast<int16_t>(buckets.size());
      buckets.emplace_back();
    }
    return static_cast<size_t>(slots[c]);
  };
  for (uint32_t id = 0; id < alts_.size(); ++id) {
    const GuardAlt& g = alts_[id].guard;
    if (g.has_from || g.has_to) {
      ++stats_.by_country;
      const bool from = g.has_from;
      const expr::CountrySet& cs = from ? g.from : g.to;
      for (size_t c = 0; c < cs.size(); ++c) {
        if (!cs.test(c)) continue;
        auto& slots = from ? from_slot_ : to_slot_;
        auto& buckets = from ? from_buckets_ : to_buckets_;
        const size_t s = slot(slots, buckets, c);
        AddToChapters(buckets[s], id, g);
      }
    } else if (g.has_tags) {
      ++stats_.by_tag;
      for (size_t t = 0; t < g.tags.size(); ++t) {
        if (g.tags.test(t)) by_tag_[t].push_back(id);
      }
    } else if (g.has_hs) {
      ++stats_.by_chapter;
      AddToChapters(by_chapter_, id, g);
    } else {
      ++stats_.always;
      always_.push_back(id);
    }
  }
}

bool RuleIndex::Holds(const Alt& a, const Record& r) const {
  const GuardAlt& g = a.guard;
  if (g.has_from && !g.from.test(r.from.value.code)) return false;
  if (g.has_to && !g.to.test(r.to.value.code)) return false;
  if (g.has_tags && (g.tags & r.tags).none()) return false;
  if (g.has_hs) {
    if (!r.hs.known) return false;
    bool meets = false;
    for (const auto& [lo, hi] : g.hs) {
      if (lo <= r.hs_hi && hi >= r.hs_lo) {
        meets = true;
        break;
      }
    }
    if (!meets) return false;
  }
  return true;
}

void RuleIndex::All(RankSet& out) const {
  for (uint32_t rank : supply_ranks_) out.Set(rank);
}

void RuleIndex::Candidates(const Record& r, RankSet& out) const {
  if (!r.from.known || !r.to.known) {
    All(out);
    return;
  }
  const size_t ch = r.hs.known ? static_cast<size_t>(r.hs_lo / kChapterSpan) : kNoHs;
  auto scan = [&](const std::vector<uint32_t>& ids) {
    for (uint32_t id : ids) {
      const Alt& a = alts_[id];
      if (Holds(a, r)) out.Set(a.rank);
    }
  };
  if (const int16_t s = from_slot_[r.from.value.code]; s >= 0) scan(from_buckets_[static_cast<size_t>(s)][ch]);
  if (const int16_t s = to_slot_[r.to.value.code]; s >= 0) scan(to_buckets_[static_cast<size_t>(s)][ch]);
  if (r.tags.any()) {
    for (size_t t = r.tags._Find_first(); t < r.tags.size(); t = r.tags._Find_next(t)) scan(by_tag_[t]);
  }
  scan(by_chapter_[ch]);
  scan(always_);
}

}  // namespace sancheck::batch
