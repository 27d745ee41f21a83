// ResultFormat: writes one JSONL result line per record into a byte buffer, with rule ids and citations precomputed.
#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "batch/judge.hpp"
#include "batch/raw_record.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// A growable byte buffer that keeps its capacity between chunks.
class OutBuf {
 public:
  /// Room for `n` more bytes; write them, then Commit().
  char* Reserve(size_t n) {
    if (size_ + n > data_.size()) data_.resize(std::max(data_.size() * 2, size_ + n));
    return data_.data() + size_;
  }
  void Commit(char* end) { size_ = static_cast<size_t>(end - data_.data()); }
  void Append(std::string_view s) {
    char* p = Reserve(s.size());
    std::memcpy(p, s.data(), s.size());
    size_ += s.size();
  }
  void Clear() { size_ = 0; }
  const char* data() const { return data_.data(); }
  size_t size() const { return size_; }

 private:
  std::vector<char> data_;
  size_t size_ = 0;
};

/// Index of a record's outcome in the summary counts.
enum Outcome : int { kOutProhibited = 0, kOutReview, kOutPermitted, kOutNoMatch, kOutError, kOutcomeCount };

struct FormatOptions {
  bool short_ids = false;   ///< "R01" instead of "pack/R01"
  bool citations = false;   ///< add "citations": [{rule, resolution, paragraph, text}]
  std::string no_match = "permitted";  ///< verdict written for a record no rule matched
};

class ResultFormat {
 public:
  ResultFormat(const rules::RuleSet& set, const std::vector<uint32_t>& order, const FormatOptions& options);

  /// {"id":…,"verdict":…,"rules":[…]} and a newline; returns the outcome.
  /// `date` is the record's: its findings cite the resolutions adopted by then.
  Outcome Append(OutBuf& out, std::string_view id, Date date, const Finding* findings, size_t count) const;
  /// {"id":…,"verdict":"error","rules":[],"error":{…}} for a record that could not be judged.
  void AppendError(OutBuf& out, const std::string& file, const RecordError& e) const;

  /// The id a rule is written with (sorting key of the output order).
  static std::string OutputId(const rules::Rule& rule, bool short_ids);

 private:
  std::vector<std::string> rule_json_;      ///< per rank: "\"R01\""
  /// A rule's citation objects as cited from `from` on (rules::CitationsOn), oldest first.
  struct CitationEpoch {
    Date from;
    std::string json;
  };
  const std::string& CitationsJson(uint32_t rank, Date date) const;

  std::vector<std::vector<CitationEpoch>> citation_json_;  ///< per rank
  bool citations_;
  std::string no_match_tail_;  ///< what follows the id in the line of a record no rule met
};

/// Appends `s` as the inside of a JSON string, escaped as JavaScript's
/// JSON.stringify does (", \, \b \f \n \r \t, other controls as \u00XX).
char* EscapeJson(char* p, std::string_view s);
std::string JsonString(std::string_view s);

}  // namespace sancheck::batch
