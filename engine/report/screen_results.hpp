// Screening names for people and programs: query fields checked, candidates as text and JSON (CLI and server).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "judge/screening.hpp"
#include "screen/screener.hpp"

namespace sancheck::report {

/// A query as a user writes it: every field text, empty when not given.
struct ScreenQueryText {
  std::string name;
  std::string country;  ///< ISO alpha-2
  std::string born;     ///< a year or a date
  std::string kind;     ///< a party kind
  std::string imo;      ///< 7 digits
};

/// The query the screener takes for screening as of `as_of`, or nullopt with `error` naming the
/// bad field ("country: unknown country code 'XX'"); callers prefix where it came from. A birth
/// after `as_of` and an IMO number failing its check digit are bad fields.
std::optional<screen::Query> MakeScreenQuery(const ScreenQueryText& text, Date as_of, std::string& error);

/// What screening some queries found: `sancheck screen`'s text and JSON, and whether any had a candidate.
struct ScreenOutcome {
  nlohmann::ordered_json json;
  std::string text;
  bool any_candidate = false;
};

/// Screens each query (listed on or before `as_of`, scores at or above `threshold`).
ScreenOutcome ScreenQueries(const judge::Screening& screening, const std::vector<screen::Query>& queries,
                            Date as_of, double threshold);

}  // namespace sancheck::report
