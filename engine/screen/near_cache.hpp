// Per-thread memo of the listed terms a query text may pair with: a batch screens the same words in many names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sancheck::screen {

/// A listed term and the most Align could give it paired with the query text (PairBound).
struct PairableTerm {
  uint32_t term = 0;
  float sim = 0;
};

/// What NameIndex::Collect found for a query text, kept per thread (no locking) and per index
/// (by its serial number, never reused), so finding the near terms of a word — a scan of the
/// list's words — is paid once per distinct word, not once per name it appears in. Bounded:
/// emptied when it holds kMaxTexts texts.
class NearTermCache {
 public:
  static constexpr size_t kMaxTexts = size_t{1} << 16;

  /// The terms for `text` looked up as `kind` in index `serial`, made by fill(out) when absent.
  template <typename Fill>
  const std::vector<PairableTerm>& Get(uint64_t serial, std::string_view text, uint8_t kind, Fill&& fill) {
    if (map_.size() >= kMaxTexts) map_.clear();
    // The index's serial and the kind first (fixed width), then the text.
    key_.assign(reinterpret_cast<const char*>(&serial), sizeof serial);
    key_ += static_cast<char>(kind);
    key_.append(text);
    auto [it, added] = map_.try_emplace(key_);
    if (added) fill(it->second);
    return it->second;
  }

 private:
  std::unordered_map<std::string, std::vector<PairableTerm>> map_;
  std::string key_;
};

}  // namespace sancheck::screen
