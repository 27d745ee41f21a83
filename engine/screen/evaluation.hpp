// Labelled evaluation of the screener: reads the evaluation set and counts precision and recall.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "screen/screener.hpp"

namespace sancheck::screen {

/// One labelled row: a query, the date it is screened as of, and the designation it should
/// match (empty: it should match nothing).
struct EvalCase {
  Query query;
  Date as_of;
  std::string expected;
  std::string category;
  std::string note;
  int line = 0;
};

/// Parses the CSV (header: query,country,kind,born,imo,as_of,expected,category,note; RFC 4180
/// quoting). An empty as_of means `default_as_of`. Returns false and sets `error` on a bad row.
bool ParseEvalSet(std::string_view csv, Date default_as_of, std::vector<EvalCase>& out, std::string& error);

struct EvalCounts {
  int true_positives = 0;   ///< the expected designation is the top candidate (or tied with it)
  int false_positives = 0;  ///< a candidate where none was expected, or the wrong one on top
  int false_negatives = 0;  ///< expected designation not on top (or nothing found)
  int true_negatives = 0;
  double Precision() const;
  double Recall() const;
  /// "| precision | recall | tp | fp | fn | tn |", as docs/screening.md tabulates them.
  std::string Row() const;
};

struct EvalMiss {
  const EvalCase* row = nullptr;
  std::string got;  ///< reference and score of the top candidate, or "nothing"
  bool at_match = false;  ///< wrong at the match threshold (else only at the possible one)
};

struct EvalResult {
  EvalCounts at_match;     ///< top candidate scoring >= kMatchThreshold counts as flagged
  EvalCounts at_possible;  ///< top candidate scoring >= kPossibleThreshold counts as flagged
  std::vector<EvalMiss> misses;
};

EvalResult Evaluate(const Screener& screener, const std::vector<EvalCase>& cases);

}  // namespace sancheck::screen
