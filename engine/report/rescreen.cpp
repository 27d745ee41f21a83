// Rescreening counterparties after a list update: whose candidates were added, removed or changed.
#include "report/rescreen.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "common/strings.hpp"
#include "lists/csv_table.hpp"
#include "lists/import_text.hpp"
#include "report/lists_json.hpp"
#include "screen/entry_checks.hpp"

namespace sancheck::report {
namespace {

constexpr std::array<std::string_view, 5> kColumns = {"name", "country", "born", "kind", "imo"};

// A score change below this is noise, not a change.
constexpr double kScoreStep = 0.01;

using Key = std::pair<std::string, std::string>;  // list, reference

std::vector<std::map<Key, RescreenCandidate>> CandidatesOf(const judge::Screening& screening,
                                                           const std::vector<screen::Query>& queries, Date as_of,
                                                           double threshold) {
  std::vector<std::map<Key, RescreenCandidate>> out;
  if (!screening.screener) {
    out.resize(queries.size());
    return out;
  }
  const ScreenOutcome outcome = ScreenQueries(screening, queries, as_of, threshold);
  for (const auto& result : outcome.json["results"]) {
    auto& found = out.emplace_back();
    for (const auto& c : result["candidates"]) {
      RescreenCandidate rc{c["reference"].get<std::string>(), c["name"].get<std::string>(),
                           c["list"].get<std::string>(), c["score"].get<double>(), c["strength"].get<std::string>()};
      Key key{rc.list, rc.reference};
      found.emplace(std::move(key), std::move(rc));
    }
  }
  return out;
}

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", score);
  return text;
}

std::string CandidateText(const RescreenCandidate& c) {
  return Score(c.score) + "  " + c.strength + "  " + c.reference + "  " + c.name + " (" + c.list + ")";
}

nlohmann::ordered_json CandidateJson(const RescreenCandidate& c) {
  return {{"reference", c.reference}, {"name", c.name}, {"list", c.list}, {"score", c.score}, {"strength", c.strength}};
}

std::string ListsText(const judge::Screening& screening) {
  std::string out;
  for (const ListInfo& l : screening.lists) {
    out += (out.empty() ? "" : ", ") + l.name + (l.snapshot.empty() ? "" : " " + l.snapshot);
  }
  return out.empty() ? "no list" : out;
}

}  // namespace

std::optional<std::vector<Counterparty>> ReadCounterparties(const std::shared_ptr<const SourceFile>& file, Date as_of,
                                                            Diagnostics& diags) {
  const int errors = diags.error_count();
  auto rows = lists::ReadCsvTable(file, diags, "rescreen.csv.");
  if (!rows) return std::nullopt;
  if (rows->empty()) {
    diags.Error(SourcePos{file, 1, 1}, "rescreen.csv.missing_column",
                "the file is empty: the first line names the columns (name,country,born,kind,imo)");
    return std::nullopt;
  }
  std::array<int, kColumns.size()> column;
  column.fill(-1);
  const lists::CsvRow& header = rows->front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const lists::CsvField& f = header.fields[i];
    const auto it = std::find(kColumns.begin(), kColumns.end(), f.text);
    if (it == kColumns.end()) {
      diags.Error(lists::PosOf(file, f), "rescreen.csv.unknown_column",
                  "unknown column '" + f.text + "'" + DidYouMean(f.text, kColumns) +
                      " (the columns are name, country, born, kind, imo)");
      continue;
    }
    int& slot = column[static_cast<size_t>(it - kColumns.begin())];
    if (slot >= 0) diags.Error(lists::PosOf(file, f), "rescreen.csv.duplicate_column", "column '" + f.text + "' appears twice");
    slot = static_cast<int>(i);
  }
  if (column[0] < 0) {
    diags.Error(SourcePos{file, header.line, 1}, "rescreen.csv.missing_column", "the header has no 'name' column");
  }
  if (diags.error_count() != errors) return std::nullopt;

  std::vector<Counterparty> out;
  for (size_t r = 1; r < rows->size(); ++r) {
    const lists::CsvRow& row = (*rows)[r];
    if (row.fields.size() != header.fields.size()) {
      diags.Error(SourcePos{file, row.line, 1}, "rescreen.csv.bad_csv",
                  "expected " + std::to_string(header.fields.size()) + " fields as in the header, found " +
                      std::to_string(row.fields.size()));
      continue;
    }
    auto text_of = [&](size_t c) -> std::string {
      return column[c] < 0 ? std::string() : std::string(lists::Trimmed(row.fields[static_cast<size_t>(column[c])].text));
    };
    auto pos_of = [&](size_t c) { return lists::PosOf(file, row.fields[static_cast<size_t>(column[c])]); };
    Counterparty cp;
    cp.text = ScreenQueryText{text_of(0), text_of(1), text_of(2), text_of(3), text_of(4)};
    if (cp.text.name.empty() && cp.text.imo.empty()) {
      diags.Error(pos_of(0), "rescreen.csv.missing_name", "a counterparty needs a name (or, for a vessel, an imo)");
      continue;
    }
    // A name that holds nothing to match would be "unchanged" under any list: refused, as
    // `sancheck screen` refuses it.
    if (!cp.text.name.empty()) {
      if (std::string p = screen::NameProblem(cp.text.name); !p.empty()) {
        diags.Error(pos_of(0), "rescreen.csv.bad_name", "the name " + p);
        continue;
      }
    }
    std::string error;
    auto query = MakeScreenQuery(cp.text, as_of, error);
    if (!query) {
      const std::string field = error.substr(0, error.find(':'));
      const auto it = std::find(kColumns.begin(), kColumns.end(), field);
      diags.Error(it == kColumns.end() ? SourcePos{file, row.line, 1} : pos_of(static_cast<size_t>(it - kColumns.begin())),
                  "rescreen.csv.bad_value", error);
      continue;
    }
    cp.query = std::move(*query);
    out.push_back(std::move(cp));
  }
  if (diags.error_count() != errors) return std::nullopt;
  // A header alone (a cut export) would report no change: nothing was rescreened.
  if (out.empty()) {
    diags.Error(SourcePos{file, header.line, 1}, "rescreen.csv.no_counterparty",
                "the file has its header line and no counterparty");
    return std::nullopt;
  }
  return out;
}

bool RescreenResult::NeedsReview() const {
  for (const auto& p : changed) {
    if (!p.added.empty() || !p.changed.empty()) return true;
  }
  return false;
}

RescreenResult Rescreen(const judge::Screening& base, const judge::Screening& updated,
                        const std::vector<Counterparty>& counterparties, Date as_of, double threshold) {
  std::vector<screen::Query> queries;
  queries.reserve(counterparties.size());
  for (const auto& cp : counterparties) queries.push_back(cp.query);
  const auto before = CandidatesOf(base, queries, as_of, threshold);
  const auto after = CandidatesOf(updated, queries, as_of, threshold);
  RescreenResult result;
  result.counterparties = counterparties.size();
  for (size_t i = 0; i < counterparties.size(); ++i) {
    RescreenParty party;
    party.name = counterparties[i].text.name.empty() ? "IMO " + counterparties[i].text.imo : counterparties[i].text.name;
    party.country = counterparties[i].text.country;
    for (const auto& [key, was] : before[i]) {
      const auto it = after[i].find(key);
      if (it == after[i].end()) {
        party.removed.push_back(was);
      } else if (it->second.strength != was.strength || std::abs(it->second.score - was.score) >= kScoreStep - 1e-9) {
        party.changed.push_back({was, it->second});
      }
    }
    for (const auto& [key, now] : after[i]) {
      if (!before[i].count(key)) party.added.push_back(now);
    }
    if (!party.added.empty() || !party.removed.empty() || !party.changed.empty()) {
      result.changed.push_back(std::move(party));
    }
  }
  return result;
}

std::string RescreenText(const RescreenResult& result, const judge::Screening& base, const judge::Screening& updated) {
  std::string out = "base: " + ListsText(base) + "\nnew:  " + ListsText(updated) + "\n";
  for (const auto& p : result.changed) {
    out += "\n" + p.name + (p.country.empty() ? "" : " (" + p.country + ")") + "\n";
    for (const auto& c : p.added) out += "  added    " + CandidateText(c) + "\n";
    for (const auto& c : p.removed) out += "  removed  " + CandidateText(c) + "\n";
    for (const auto& c : p.changed) {
      out += "  changed  " + c.after.reference + "  " + c.after.name + " (" + c.after.list + "): " + Score(c.before.score) +
             " " + c.before.strength + " -> " + Score(c.after.score) + " " + c.after.strength + "\n";
    }
  }
  out += "\n" + std::to_string(result.counterparties) + " counterparties, " + std::to_string(result.changed.size()) +
         " changed, " + std::to_string(result.counterparties - result.changed.size()) + " unchanged\n";
  return out;
}

nlohmann::ordered_json RescreenJson(const RescreenResult& result, const judge::Screening& base,
                                    const judge::Screening& updated) {
  nlohmann::ordered_json changed = nlohmann::ordered_json::array();
  for (const auto& p : result.changed) {
    nlohmann::ordered_json added = nlohmann::ordered_json::array();
    nlohmann::ordered_json removed = nlohmann::ordered_json::array();
    nlohmann::ordered_json amended = nlohmann::ordered_json::array();
    for (const auto& c : p.added) added.push_back(CandidateJson(c));
    for (const auto& c : p.removed) removed.push_back(CandidateJson(c));
    for (const auto& c : p.changed) {
      amended.push_back({{"reference", c.after.reference}, {"before", CandidateJson(c.before)}, {"after", CandidateJson(c.after)}});
    }
    changed.push_back({{"name", p.name},
                       {"country", p.country.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.country)},
                       {"added", added},
                       {"removed", removed},
                       {"changed", amended}});
  }
  nlohmann::ordered_json out;
  out["format"] = "sancheck-rescreen/1";
  out["base"] = ListsJson(base.lists);
  out["new"] = ListsJson(updated.lists);
  out["counterparties"] = result.counterparties;
  out["changed"] = changed;
  return out;
}

}  // namespace sancheck::report
