// NameScreen: per-thread screening of exporter and importer names against the designation list, with a cache.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "expr/types.hpp"
#include "screen/screener.hpp"

namespace sancheck::batch {

/// Screens record parties by name and country. Ledgers repeat their counterparties, so each
/// (name, country) is screened once against the whole list and the best candidate kept; the
/// listing date is compared with each record's date afterwards. Not thread-safe: one per worker.
class NameScreen {
 public:
  explicit NameScreen(const screen::Screener& screener) : screener_(screener) {}

  /// kTrue: a match listed on or before `date`; kUnknown: a possible match (review);
  /// kFalse: no candidate, or listed after `date`, or no name.
  Truth Status(std::string_view name, const expr::Known<Country>& country, Date date);

 private:
  struct Hit {
    bool found = false;
    bool possible = false;
    Date listed_on;
  };
  static constexpr size_t kMaxCached = 200000;  ///< bounds memory on ledgers of unique names

  const screen::Screener& screener_;
  std::unordered_map<std::string, Hit> cache_;
  std::string key_;
};

}  // namespace sancheck::batch
