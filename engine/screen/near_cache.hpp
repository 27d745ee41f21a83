// Per-thread memo of the listed terms a query text may pair with: a batch screens the same words in many names.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "screen/normalize.hpp"

namespace sancheck::screen {

/// A listed term and the most Align could give it paired with the query text (PairBound).
struct PairableTerm {
  uint32_t term = 0;
  float sim = 0;
};

/// What NameIndex::Collect found for a query text, kept per thread (no locking) and per index
/// (by its serial number, never reused), so finding the near terms of a word — a scan of the
/// list's words — is paid once per distinct word, not once per name it appears in.
///
/// One flat table, not a map of strings to vectors: a batch asks it for every word of every
/// name it screens, mostly words met before, and a lookup is then one slot read (the text's
/// hash, where its text and terms lie) and one comparison of the text, where a node-based map
/// walked a chain of separately allocated nodes, each a cache miss (a tenth of screening a
/// batch's names). Texts and terms are appended to two pools. Bounded: emptied when it holds
/// kMaxTexts texts, kMaxTerms terms or kMaxTextBytes bytes of text.
class NearTermCache {
 public:
  static constexpr size_t kMaxTexts = size_t{1} << 16;
  static constexpr size_t kMaxTerms = size_t{1} << 22;  ///< 32 MiB of terms
  static constexpr size_t kMaxTextBytes = size_t{1} << 24;  ///< 16 MiB of texts (names of very long words)

  /// The terms for `text` looked up as `kind` in index `serial`, made by fill(out) (a cleared
  /// vector) when absent. Valid until the next Get.
  template <typename Fill>
  std::span<const PairableTerm> Get(uint64_t serial, std::string_view text, uint8_t kind, Fill&& fill) {
    if (count_ >= kMaxTexts || terms_.size() >= kMaxTerms || texts_.size() >= kMaxTextBytes || slots_.empty()) Reset();
    if (2 * (count_ + 1) > slots_.size()) Grow();
    const uint64_t hash = Hash(serial, text, kind);
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    for (; slots_[i].used; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.hash == hash && s.serial == serial && s.kind == kind && s.text_length == text.size() &&
          std::memcmp(texts_.data() + s.text_at, text.data(), text.size()) == 0) {
        return {terms_.data() + s.terms_at, s.terms_count};
      }
    }
    made_.clear();
    fill(made_);
    // A text too long for the slot's length field is not kept (no name word comes near).
    if (text.size() > UINT16_MAX) return made_;
    Slot& s = slots_[i];
    s.used = true;
    s.hash = hash;
    s.serial = serial;
    s.kind = kind;
    s.text_length = static_cast<uint16_t>(text.size());
    s.text_at = static_cast<uint32_t>(texts_.size());
    s.terms_at = static_cast<uint32_t>(terms_.size());
    s.terms_count = static_cast<uint32_t>(made_.size());
    texts_.insert(texts_.end(), text.begin(), text.end());
    terms_.insert(terms_.end(), made_.begin(), made_.end());
    ++count_;
    return {terms_.data() + s.terms_at, s.terms_count};
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t serial = 0;
    uint32_t text_at = 0;
    uint32_t terms_at = 0;
    uint32_t terms_count = 0;
    uint16_t text_length = 0;
    uint8_t kind = 0;
    bool used = false;
  };

  static uint64_t Hash(uint64_t serial, std::string_view text, uint8_t kind) {
    // FNV-1a spreads its low bits poorly over similar short texts: finished by MurmurHash3's
    // 64-bit mix, with the serial and kind folded in first.
    uint64_t h = HashText(text) ^ (serial * 0x9E3779B97F4A7C15ull) ^ (uint64_t{kind} << 56);
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 33);
  }

  // Small at first (a `check` screens a few names: a table sized for a batch would be pages
  // filled for nothing), doubled while it is at most half full, so probes stay short. The
  // pools keep their capacity.
  void Reset() {
    slots_.assign(kInitialSlots, Slot{});
    texts_.clear();
    terms_.clear();
    count_ = 0;
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.used) continue;
      size_t i = s.hash & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }
  static constexpr size_t kInitialSlots = 256;

  std::vector<Slot> slots_;           ///< open addressing, linear probing; a power of two
  std::vector<char> texts_;           ///< every kept text, end to end
  std::vector<PairableTerm> terms_;   ///< every kept text's terms, end to end
  std::vector<PairableTerm> made_;    ///< the terms fill() makes, before they are kept
  size_t count_ = 0;
};

}  // namespace sancheck::screen
