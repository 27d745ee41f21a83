// Evaluation-set parsing and precision/recall counting for the screener.
#include "screen/evaluation.hpp"

#include <cstdio>

namespace sancheck::screen {
namespace {

// Splits one CSV record starting at `pos`; handles quoted fields with doubled quotes and
// line breaks inside quotes. Advances `pos` past the record's line end.
std::vector<std::string> ReadRecord(std::string_view csv, size_t& pos) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (pos < csv.size()) {
    const char c = csv[pos++];
    if (quoted) {
      if (c == '"' && pos < csv.size() && csv[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::string Describe(const Candidate& c) {
  char score[16];
  std::snprintf(score, sizeof score, "%.3f", c.score);
  return c.designation->reference + " " + score + " (" + c.why + ")";
}

// Whether the expected designation is among the best candidates: designations sharing a name
// (KPe.057 FIRST OIL JV and KPe.069's alias "Care of First Oil JV") tie, and the order of a tie
// (by reference) says nothing about the screening.
bool ExpectedOnTop(const std::vector<Candidate>& candidates, const std::string& expected) {
  for (const Candidate& c : candidates) {
    if (c.score < candidates.front().score) break;
    if (c.designation->reference == expected) return true;
  }
  return false;
}

void Count(EvalCounts& counts, const EvalCase& row, const std::vector<Candidate>& candidates, double threshold,
           bool at_match, EvalResult& result) {
  const Candidate* top = candidates.empty() ? nullptr : &candidates.front();
  const bool flagged = top && top->score >= threshold;
  const bool right = flagged && ExpectedOnTop(candidates, row.expected);
  if (row.expected.empty()) {
    if (flagged) {
      ++counts.false_positives;
      result.misses.push_back({&row, Describe(*top), at_match});
    } else {
      ++counts.true_negatives;
    }
    return;
  }
  if (right) {
    ++counts.true_positives;
    return;
  }
  ++counts.false_negatives;
  if (flagged) ++counts.false_positives;
  result.misses.push_back({&row, top ? Describe(*top) : "nothing", at_match});
}

}  // namespace

double EvalCounts::Precision() const {
  const int flagged = true_positives + false_positives;
  return flagged == 0 ? 1.0 : static_cast<double>(true_positives) / flagged;
}

double EvalCounts::Recall() const {
  const int expected = true_positives + false_negatives;
  return expected == 0 ? 1.0 : static_cast<double>(true_positives) / expected;
}

std::string EvalCounts::Row() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "| %.3f | %.3f | %d | %d | %d | %d |", Precision(), Recall(), true_positives,
                false_positives, false_negatives, true_negatives);
  return buf;
}

bool ParseEvalSet(std::string_view csv, Date default_as_of, std::vector<EvalCase>& out, std::string& error) {
  size_t pos = 0;
  int line = 1;
  const auto header = ReadRecord(csv, pos);
  const std::vector<std::string> expected_header{"query", "country", "kind", "born", "imo",
                                                 "as_of", "expected", "category", "note"};
  if (header != expected_header) {
    error = "line 1: header must be query,country,kind,born,imo,as_of,expected,category,note";
    return false;
  }
  while (pos < csv.size()) {
    ++line;
    const auto f = ReadRecord(csv, pos);
    if (f.size() == 1 && f[0].empty()) continue;
    const std::string where = "line " + std::to_string(line) + ": ";
    if (f.size() != expected_header.size()) {
      error = where + "expected 9 fields, found " + std::to_string(f.size());
      return false;
    }
    EvalCase row;
    row.line = line;
    row.query.name = f[0];
    if (!f[1].empty()) {
      row.query.country = Country::Parse(f[1]);
      if (!row.query.country) {
        error = where + "bad country '" + f[1] + "'";
        return false;
      }
    }
    if (!f[2].empty()) {
      row.query.kind = ParsePartyKind(f[2]);
      if (!row.query.kind) {
        error = where + "bad kind '" + f[2] + "'";
        return false;
      }
    }
    if (!f[3].empty()) {
      row.query.born = BirthDate::Parse(f[3]);
      if (!row.query.born) {
        error = where + "bad born '" + f[3] + "'";
        return false;
      }
    }
    row.query.imo = f[4];
    row.as_of = default_as_of;
    if (!f[5].empty()) {
      auto d = Date::Parse(f[5]);
      if (!d) {
        error = where + "bad as_of '" + f[5] + "'";
        return false;
      }
      row.as_of = *d;
    }
    row.expected = f[6];
    row.category = f[7];
    row.note = f[8];
    out.push_back(std::move(row));
  }
  return true;
}

EvalResult Evaluate(const Screener& screener, const std::vector<EvalCase>& cases) {
  EvalResult result;
  for (const EvalCase& row : cases) {
    const auto candidates = screener.Screen(row.query, row.as_of, Screener::kPossibleThreshold);
    Count(result.at_match, row, candidates, Screener::kMatchThreshold, true, result);
    Count(result.at_possible, row, candidates, Screener::kPossibleThreshold, false, result);
  }
  return result;
}

}  // namespace sancheck::screen
