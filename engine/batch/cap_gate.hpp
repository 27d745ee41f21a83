// CapGate: whether a record may meet a capped rule, told before it is checked (or from a line's first bytes), so that the collecting pass reads few records.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "batch/raw_record.hpp"
#include "batch/record.hpp"
#include "batch/rule_index.hpp"
#include "batch/tag_lookup.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::batch {

/// The exporter's and importer's country codes (Country::code) a JSONL line's first bytes give,
/// when the line starts as generated ones do: `{"id":"…","date":"…","exporter_country":"XX",
/// "importer_country":"YY"`, with no backslash before the countries and XX, YY two capital
/// letters. A record such a line holds, if it holds one at all, has these two countries: a key
/// repeated later makes it a bad one (the reader fuzz target checks this on every line). False,
/// and nothing to trust, for any other line.
bool LeadingCountries(std::string_view line, uint16_t& from, uint16_t& to);

/// Caps are counted over the capped rules' findings alone, in a pass over every record before
/// the results are written. Most records can meet no capped rule: their countries, HS code and
/// tags already say so (a rule index of the capped rules only), and that pass then neither
/// checks the rest of such a record nor judges it. A record the gate passes is checked and
/// judged in full, as before; a bad record is never counted either way (the writing pass
/// reports it), so one whose country, HS code or tag does not read is left out.
class CapGate {
 public:
  /// Null when the set has no capped rule, or one that only a flagged party meets (telling
  /// that needs the parties screened: every record is then judged in full).
  static std::unique_ptr<CapGate> Make(const rules::RuleSet& set, const std::vector<uint32_t>& order);

  /// A worker's scratch: the fields the index reads, and its candidates.
  struct Local {
    Record rec;
    RankSet ranks;
  };
  Local MakeLocal() const;

  /// False only when `raw` surely meets no capped rule, or cannot be counted at all: a country,
  /// HS code or tag that does not read (CheckRecord would refuse the record).
  bool MayMeet(const RawRecord& raw, const TagLookup& tags, Local& local) const;

  /// Whether the gate can tell some JSONL lines apart by their first bytes (SurelyOut): every
  /// alternative of the capped rules' guards is filed under the exporter's or the importer's
  /// country (`to.country == KP or item.hs in [93]` has one that is not: then no line is).
  bool reads_countries_first() const { return reads_countries_first_; }
  /// True only when `line` (a JSONL line, without its '\n') surely meets no capped rule or is
  /// a bad record, told from its first bytes alone, before the line is mapped or read: its
  /// LeadingCountries have no capped rule, so MayMeet would say no as well. False for any other
  /// line.
  bool SurelyOut(std::string_view line) const;

 private:
  explicit CapGate(std::unique_ptr<RuleIndex> index)
      : index_(std::move(index)), reads_countries_first_(index_->every_alt_under_a_country()) {}
  std::unique_ptr<RuleIndex> index_;
  bool reads_countries_first_ = false;
};

}  // namespace sancheck::batch
