// HsBuckets: the guard alternatives of one index key, split by HS chapter and heading.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <vector>

#include "batch/program_guard.hpp"
#include "batch/record.hpp"

namespace sancheck::batch {

/// Where a record's HS code falls, worked out once per record for every bucket it visits.
struct HsKey {
  enum Kind : uint8_t { kNone, kHeading, kWide };  ///< no code; within one heading; spans headings
  Kind kind = kNone;
  uint16_t chapter = 0;  ///< 0..99
  uint16_t heading = 0;  ///< 0..99 within the chapter

  static HsKey Of(const Record& r) {
    constexpr uint64_t kHeadingSpan = 1'000'000;  // 10-digit codes per 4-digit heading
    HsKey k;
    if (!r.hs.known) return k;
    const uint64_t heading = r.hs_lo / kHeadingSpan;
    k.kind = (r.hs_hi / kHeadingSpan == heading && heading < 10000) ? kHeading : kWide;
    k.chapter = static_cast<uint16_t>(heading / 100 % 100);
    k.heading = static_cast<uint16_t>(heading % 100);
    return k;
  }
};

/// Which HS keys a table may hold alternatives for, in one cache line: a record whose key it
/// rules out passes the table by without reading it. In a large pack each country's rules name
/// a few headings, so most records meet none of them, and reading a table's directory only to
/// find it empty was most of a record's index time. It may say yes wrongly (headings share
/// bits), never no wrongly.
struct alignas(64) HsReach {
  static constexpr uint32_t kBits = 512;
  static constexpr uint32_t kAny = 100;       ///< alternatives without an HS constraint
  static constexpr uint32_t kAll = 101;       ///< any alternative at all (a code spanning headings)
  static constexpr uint32_t kHeadings = 102;  ///< bits 0..99: chapters with whole-chapter alternatives
  static uint32_t HeadingBit(uint32_t chapter, uint32_t heading) {
    return kHeadings + (chapter * 100 + heading) % (kBits - kHeadings);
  }
  void Set(uint32_t bit) { words[bit / 64] |= uint64_t{1} << (bit % 64); }
  bool Test(uint32_t bit) const { return (words[bit / 64] >> (bit % 64) & 1) != 0; }
  bool Meets(const HsKey& key) const {
    switch (key.kind) {
      case HsKey::kNone: return Test(kAny);
      case HsKey::kHeading: return Test(kAny) || Test(key.chapter) || Test(HeadingBit(key.chapter, key.heading));
      case HsKey::kWide: return Test(kAll);
    }
    return true;
  }
  std::array<uint64_t, kBits / 64> words{};
};

/// Alternatives filed under the HS headings and whole chapters their intervals meet, so a
/// record meets only those its code can satisfy. Built with Add() and Finish(); read-only then,
/// and read without allocating: one flat entry array, spans into it, sparse directories.
class HsBuckets {
 public:
  /// Calls f(rank, alt_id, exact) for the alternatives a record with `key` can meet. `exact`:
  /// the bucket implies the alternative holds, so the caller need not check it. A record whose
  /// code spans headings (a chapter-level code) gets every alternative, none exact.
  template <typename F>
  void ForEach(const HsKey& key, F&& f) const {
    auto scan = [&](Span s) {
      for (uint32_t i = s.begin; i < s.end; ++i) {
        f(entries_[i].rank, entries_[i].alt & ~kExact, (entries_[i].alt & kExact) != 0);
      }
    };
    switch (key.kind) {
      case HsKey::kNone: scan(any_); break;
      case HsKey::kHeading: {
        scan(any_);
        const uint8_t slot = chapter_slot_[key.chapter];
        if (slot == 0) break;
        const Chapter& c = chapters_[slot - 1U];
        scan(c.whole);
        for (uint32_t i = c.heads_begin; i < c.heads_end && heads_[i].heading <= key.heading; ++i) {
          if (heads_[i].heading == key.heading) scan(heads_[i].span);
        }
        break;
      }
      case HsKey::kWide: scan(all_); break;
    }
  }

  /// Files alternative `alt_id` of rule `rank`: under every chapter its HS intervals cover whole
  /// and every heading they meet in part; with no HS constraint, under "any code" (met by records
  /// without one too). `rest_exact`: a record looking in this bucket meets the alternative's
  /// other constraints, so only the HS part can leave it unsure.
  void Add(uint32_t alt_id, uint32_t rank, const GuardAlt& g, bool rest_exact);
  /// Lays the lists out flat. Call once, after the last Add().
  void Finish();
  /// The keys ForEach may call back for (after Finish()).
  HsReach Reach() const;

 private:
  static constexpr uint32_t kExact = 0x8000'0000U;  ///< flag in Entry::alt
  struct Entry {
    uint32_t rank, alt;
  };
  struct Span {
    uint32_t begin = 0, end = 0;
  };
  struct Head {
    uint32_t heading = 0;  ///< 0..99 within its chapter
    Span span;
  };
  struct Chapter {
    Span whole;                               ///< alternatives met by every code of the chapter
    uint32_t heads_begin = 0, heads_end = 0;  ///< its headings with alternatives, in heads_, ascending
  };
  static constexpr uint32_t kAnyKey = 20000, kChapterKey = 10000;  ///< build keys; headings are 0..9999

  void File(uint32_t key, Entry e);

  std::map<uint32_t, std::vector<Entry>> build_;  ///< key -> entries, until Finish()
  std::vector<Entry> build_all_;
  std::vector<Entry> entries_;
  Span any_, all_;
  // Sparse, so that many keys' buckets stay in cache: a byte per chapter, records for the
  // chapters and headings that have alternatives.
  std::array<uint8_t, 100> chapter_slot_{};  ///< 0: none; else 1 + index in chapters_
  std::vector<Chapter> chapters_;
  std::vector<Head> heads_;
};

}  // namespace sancheck::batch
