// Record: one shipment's checked values (dates, countries, HS interval, tag bits) and its fact layout.
#pragma once

#include <string_view>

#include "batch/raw_record.hpp"
#include "batch/tag_lookup.hpp"
#include "expr/types.hpp"
#include "judge/screening.hpp"

namespace sancheck::rules {
class RuleSet;
}

namespace sancheck::batch {

/// Which converted values the loaded rules can read. A value no rule reads is still checked,
/// so a bad one is the same error, but its text is not converted when the check alone can
/// vouch for it: the record then leaves it unknown, which nothing reads.
struct RecordNeeds {
  bool quantity = true;   ///< a condition reads item.quantity, or a cap counts it
  bool value_usd = true;  ///< a condition reads item.value_usd

  /// What the rules of `set` read (their programs' fields_read, their caps).
  static RecordNeeds Of(const rules::RuleSet& set);
};

/// A shipment record after its values were checked. The id views the
/// reader's buffer (or a copy the caller keeps alive).
struct Record {
  std::string_view id;
  Date date;
  expr::Known<Country> from, to;   ///< exporter and importer
  expr::Known<HsCode> hs;
  uint64_t hs_lo = 0, hs_hi = 0;
  expr::TagSet tags;
  expr::Known<double> quantity;
  expr::Known<Unit> unit;
  expr::Known<double> value_usd;
  std::string_view from_name, to_name;  ///< exporter and importer names, for screening
  std::string_view vessel_imo;          ///< the carrying vessel's 7-digit IMO number (checked), or empty

  /// Back to a new record's state, field by field: records are reused from chunk to chunk, and
  /// zeroing the whole struct compiles to a slow string instruction. A field added above is
  /// added here (a test binds every field and compares a reset record with a new one).
  void Reset() {
    id = {};
    date = {};
    from = {};
    to = {};
    hs = {};
    hs_lo = hs_hi = 0;
    tags.reset();
    quantity = {};
    unit = {};
    value_usd = {};
    from_name = to_name = {};
    vessel_imo = {};
  }
};

/// Checks the values of `raw` and fills `out`. Required: id and date. Missing
/// countries, HS code, quantity or value stay unknown (rules reading them
/// yield review); a value that is present but malformed is an error.
/// A tag no loaded pack knows and a unit sancheck does not know are errors,
/// as in scenario files. Numbers `needs` leaves out may stay unknown.
bool CheckRecord(const RawRecord& raw, const TagLookup& tags, Record& out, RecordError& err,
                 const RecordNeeds& needs = {});

/// The fields a rule guard reads (the countries, the HS code, the tags) into `out`, as
/// CheckRecord reads and checks them; false for the first that does not read, its error in
/// `err` when one is given (the caps gate, CapGate, asks for none).
bool ReadGuardFields(const RawRecord& raw, const TagLookup& tags, Record& out, RecordError* err);

/// Facts of one record as the evaluator reads them: a supply from the
/// exporter to the importer with one item. Reused from record to record:
/// Fill() rewrites only what a record sets.
class RecordFacts {
 public:
  RecordFacts();
  RecordFacts(const RecordFacts&) = delete;
  RecordFacts& operator=(const RecordFacts&) = delete;

  void Fill(const Record& r);
  /// Sets what screening found about the exporter, the importer and the carrying vessel (a
  /// party to the shipment, as a scenario activity's `vessel` is: parties.designated reads it).
  void SetScreening(const judge::PartyStatus& from, const judge::PartyStatus& to, const judge::PartyStatus& vessel);
  /// Whether the designation data is too old for the record's date (designations.stale).
  void SetStale(bool stale) { facts_.designations_stale = stale; }
  const expr::ActivityFacts& facts() const { return facts_; }
  const expr::ItemFacts& item() const { return item_; }

 private:
  expr::ActivityFacts facts_;
  expr::ItemFacts item_;
};

}  // namespace sancheck::batch
