// Rescreening counterparties after a list update: whose candidates were added, removed or changed.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/screening.hpp"
#include "report/screen_results.hpp"
#include "sancheck/diagnostics.hpp"

namespace sancheck::report {

/// A counterparty as its file gives it, and the query it screens as.
struct Counterparty {
  ScreenQueryText text;
  screen::Query query;
};

/// Reads a counterparties CSV (header `name,country,born,kind,imo`, any order, only `name`
/// required), to be screened as of `as_of` (MakeScreenQuery). Errors are positioned
/// ("rescreen.csv.*"); nullopt when there was any.
std::optional<std::vector<Counterparty>> ReadCounterparties(const std::shared_ptr<const SourceFile>& file, Date as_of,
                                                            Diagnostics& diags);

/// One candidate of a screening, as rescreening compares them (by list and reference).
struct RescreenCandidate {
  std::string reference;
  std::string name;
  std::string list;
  double score = 0;
  std::string strength;  ///< "match" / "possible"
};

struct RescreenChange {
  RescreenCandidate before;
  RescreenCandidate after;
};

/// A counterparty whose candidates differ between the two screenings.
struct RescreenParty {
  std::string name;
  std::string country;
  std::vector<RescreenCandidate> added;    ///< only in the new screening
  std::vector<RescreenCandidate> removed;  ///< only in the base screening
  std::vector<RescreenChange> changed;     ///< both, strength or score (by 0.01 or more) differs
};

struct RescreenResult {
  size_t counterparties = 0;
  std::vector<RescreenParty> changed;
  /// Something to look at: a candidate added or changed (removed ones alone are not).
  bool NeedsReview() const;
};

/// Screens every counterparty against both screenings (ScreenQueries: listed on or before
/// `as_of`, scores at or above `threshold`) and compares the candidates.
RescreenResult Rescreen(const judge::Screening& base, const judge::Screening& updated,
                        const std::vector<Counterparty>& counterparties, Date as_of, double threshold);

std::string RescreenText(const RescreenResult& result, const judge::Screening& base, const judge::Screening& updated);
nlohmann::ordered_json RescreenJson(const RescreenResult& result, const judge::Screening& base,
                                    const judge::Screening& updated);

}  // namespace sancheck::report
