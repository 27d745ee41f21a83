// Screening names for people and programs: query fields checked, candidates as text and JSON (CLI and server).
#include "report/screen_results.hpp"

#include <cstdio>

#include "common/imo_number.hpp"
#include "common/visible.hpp"
#include "report/lists_json.hpp"

namespace sancheck::report {

std::optional<screen::Query> MakeScreenQuery(const ScreenQueryText& text, Date as_of, std::string& error) {
  screen::Query q;
  q.name = text.name;
  if (!text.country.empty()) {
    q.country = Country::Parse(text.country);
    if (!q.country) {
      error = "country: unknown country code '" + text.country + "'";
      return std::nullopt;
    }
  }
  if (!text.born.empty()) {
    q.born = BirthDate::Parse(text.born);
    if (!q.born) {
      error = "born: expected a year (1960) or a date (1960-04-04) from 1900 to 2100, found '" + text.born + "'";
      return std::nullopt;
    }
    // A party born after the day screened for cannot be anyone listed: the year would contradict
    // every listed birth and drop a true match. A typo, refused rather than screened.
    if (q.born->year > as_of.Year()) {
      error = "born: " + text.born + " is after the day screened for (" + as_of.ToString() + ")";
      return std::nullopt;
    }
  }
  if (!text.kind.empty()) {
    q.kind = ParsePartyKind(text.kind);
    if (!q.kind) {
      error = "kind: unknown party kind '" + text.kind + "'";
      return std::nullopt;
    }
  }
  if (!text.imo.empty()) {
    if (text.imo.size() != 7 || text.imo.find_first_not_of("0123456789") != std::string::npos) {
      error = "imo: expected 7 digits, found '" + text.imo + "'";
      return std::nullopt;
    }
    // A digit mistyped would match no vessel: the number's own check digit tells.
    if (!IsImoNumber(text.imo)) {
      error = "imo: " + text.imo + " is not an IMO number (its check digit is wrong: a digit mistyped?)";
      return std::nullopt;
    }
    q.imo = text.imo;
  }
  return q;
}

ScreenOutcome ScreenQueries(const judge::Screening& screening, const std::vector<screen::Query>& queries,
                            Date as_of, double threshold) {
  ScreenOutcome out;
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const screen::Query& q : queries) {
    const auto candidates = screening.screener->Screen(q, as_of, threshold);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    // The query is the user's text, the names the lists': shown, never obeyed by a terminal.
    out.text += (q.name.empty() ? "IMO " + q.imo : Visible(q.name)) + "\n";
    if (candidates.empty()) out.text += "  no candidate at or above " + std::to_string(threshold).substr(0, 4) + "\n";
    for (const auto& c : candidates) {
      out.any_candidate = true;
      const screen::Designation& d = *c.designation;
      const std::string& list_name = screening.lists.at(d.list).name;
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", c.score);
      out.text += "  " + std::string(score) + "  " + std::string(screen::StrengthName(c.strength)) + "  " +
                  Visible(d.reference) + "  " + Visible(d.name) + " (" + Visible(list_name) + ", listed " +
                  d.listed_on.ToString() + ")\n" + "        matched \"" + Visible(c.matched_name) + "\": " +
                  Visible(c.why) + "\n";
      list.push_back({{"reference", d.reference},
                      {"name", d.name},
                      {"list", list_name},
                      {"regime", d.regime},
                      {"kind", screen::DesignationKindName(d.kind)},
                      {"listed_on", d.listed_on.ToString()},
                      {"score", c.score},
                      {"strength", screen::StrengthName(c.strength)},
                      {"matched_name", c.matched_name},
                      {"why", c.why}});
    }
    results.push_back({{"query", q.name}, {"candidates", list}});
  }
  out.json["as_of"] = as_of.ToString();
  out.json["designations_snapshot"] = screening.snapshot;
  out.json["lists"] = ListsJson(screening.lists);
  out.json["thresholds"] = {{"match", screen::Screener::kMatchThreshold},
                            {"possible", screen::Screener::kPossibleThreshold}};
  out.json["results"] = results;
  return out;
}

}  // namespace sancheck::report
