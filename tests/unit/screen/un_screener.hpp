// The screeners over the built-in UN lists (the DPRK entries and the vessels; every regime), built once.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/builtin_packs.hpp"
#include "screen/designations_loader.hpp"
#include "screen/list_snapshot.hpp"
#include "screen/screener.hpp"

namespace sancheck::screen {

/// The built-in lists, as the binary embeds them (snapshots), with the path of the list file
/// each was made from; empty when one does not read back.
inline std::vector<std::pair<std::string, DesignationList>> BuiltinLists() {
  std::vector<std::pair<std::string, DesignationList>> out;
  for (const auto& f : rules::BuiltinListSnapshots()) {
    Diagnostics diags;
    auto snap = ParseListSnapshot(
        std::make_shared<const SourceFile>(SourceFile{std::string(f.path), std::string(f.bytes)}), diags);
    if (!snap) return {};
    out.emplace_back(std::string(f.path), std::move(snap->list));
  }
  return out;
}

/// The DPRK entries of the built-in lists.
inline std::vector<Designation> BuiltinDprkDesignations() {
  std::vector<Designation> out;
  for (auto& [path, list] : BuiltinLists()) {
    for (auto& d : list.entries) {
      if (d.regime == "DPRK") out.push_back(std::move(d));
    }
  }
  return out;
}

inline const Screener& Un() {
  static const Screener* screener = new Screener(BuiltinDprkDesignations());
  return *screener;
}

/// Every entry of the built-in lists, all UN regimes.
inline const Screener& UnAllRegimes() {
  static const Screener* screener = [] {
    std::vector<Designation> all;
    for (auto& [path, list] : BuiltinLists()) {
      for (auto& d : list.entries) all.push_back(std::move(d));
    }
    return new Screener(std::move(all));
  }();
  return *screener;
}

/// The score of `reference` for a party named `name` (of `kind`, when given), screened against
/// every regime on the list's date (0: none at 0.5 or more).
inline double ScoreAgainstEveryRegime(const std::string& name, const std::string& reference,
                                      std::optional<PartyKind> kind = std::nullopt) {
  Query q;
  q.name = name;
  q.kind = kind;
  double score = 0;
  for (const Candidate& c : UnAllRegimes().Screen(q, *Date::Parse("2026-02-27"), 0.5)) {
    if (c.designation->reference == reference) score = std::max(score, c.score);
  }
  return score;
}

}  // namespace sancheck::screen
