// HsBuckets: an alternative's HS intervals cut into whole chapters and the headings at their ends.
#include "batch/hs_buckets.hpp"

#include <algorithm>

namespace sancheck::batch {
namespace {

constexpr uint64_t kChapterSpan = 100'000'000;  // 10-digit codes per 2-digit chapter
constexpr uint64_t kHeadingSpan = 1'000'000;    // 10-digit codes per 4-digit heading
constexpr uint64_t kLastCode = 100 * kChapterSpan - 1;

}  // namespace

void HsBuckets::File(uint32_t key, Entry e) {
  // One alternative's intervals may meet a key twice (ids arrive in increasing order): one
  // entry, exact when either interval makes it so.
  auto& list = build_[key];
  if (!list.empty() && (list.back().alt & ~kExact) == (e.alt & ~kExact)) {
    list.back().alt |= e.alt & kExact;
    return;
  }
  list.push_back(e);
}

void HsBuckets::Add(uint32_t alt_id, uint32_t rank, const GuardAlt& g, bool rest_exact) {
  build_all_.push_back({rank, alt_id});
  const uint32_t exact = rest_exact ? kExact : 0;
  if (!g.has_hs) {
    File(kAnyKey, {rank, alt_id | exact});
    return;
  }
  for (auto [lo, hi] : g.hs) {
    hi = std::min(hi, kLastCode);
    if (lo > hi) continue;
    for (uint64_t ch = lo / kChapterSpan; ch <= hi / kChapterSpan; ++ch) {
      const uint64_t first = ch * kChapterSpan, last = first + kChapterSpan - 1;
      if (lo <= first && hi >= last) {
        File(kChapterKey + static_cast<uint32_t>(ch), {rank, alt_id | exact});
        continue;
      }
      // Part of a chapter: the headings it meets, exact where it covers the whole heading.
      for (uint64_t h = std::max(lo, first) / kHeadingSpan; h <= std::min(hi, last) / kHeadingSpan; ++h) {
        const bool whole = lo <= h * kHeadingSpan && hi >= (h + 1) * kHeadingSpan - 1;
        File(static_cast<uint32_t>(h), {rank, alt_id | (whole ? exact : 0)});
      }
    }
  }
}

void HsBuckets::Finish() {
  auto lay = [&](const std::vector<Entry>& list) {
    Span s{static_cast<uint32_t>(entries_.size()), 0};
    entries_.insert(entries_.end(), list.begin(), list.end());
    s.end = static_cast<uint32_t>(entries_.size());
    return s;
  };
  all_ = lay(build_all_);
  auto chapter = [&](uint32_t ch) -> Chapter& {
    if (chapter_slot_[ch] == 0) {
      chapters_.emplace_back();
      chapter_slot_[ch] = static_cast<uint8_t>(chapters_.size());
    }
    return chapters_[chapter_slot_[ch] - 1U];
  };
  // Keys sort as headings (ascending, so by chapter), then whole chapters, then "any code".
  for (const auto& [key, list] : build_) {
    if (key == kAnyKey) {
      any_ = lay(list);
    } else if (key >= kChapterKey) {
      chapter(key - kChapterKey).whole = lay(list);
    } else {
      Chapter& c = chapter(key / 100);
      if (c.heads_begin == c.heads_end) c.heads_begin = c.heads_end = static_cast<uint32_t>(heads_.size());
      heads_.push_back({key % 100, lay(list)});
      c.heads_end = static_cast<uint32_t>(heads_.size());
    }
  }
  build_.clear();
  build_all_.clear();
  build_all_.shrink_to_fit();
}

HsReach HsBuckets::Reach() const {
  HsReach r;
  if (any_.begin != any_.end) r.Set(HsReach::kAny);
  if (all_.begin != all_.end) r.Set(HsReach::kAll);
  for (uint32_t ch = 0; ch < chapter_slot_.size(); ++ch) {
    if (chapter_slot_[ch] == 0) continue;
    const Chapter& c = chapters_[chapter_slot_[ch] - 1U];
    if (c.whole.begin != c.whole.end) r.Set(ch);
    for (uint32_t i = c.heads_begin; i < c.heads_end; ++i) r.Set(HsReach::HeadingBit(ch, heads_[i].heading));
  }
  return r;
}

}  // namespace sancheck::batch
