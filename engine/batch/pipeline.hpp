// RunBatch(): streams shipment records through reader, index, evaluator and writer on worker threads.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/result_format.hpp"
#include "batch/rule_index.hpp"
#include "rules/rule_set.hpp"
#include "judge/screening.hpp"

namespace sancheck::batch {

enum class InputFormat { kAuto, kJsonl, kCsv };

/// Bound on one record's bytes (a JSONL line, a CSV record): a longer one is
/// reported at its line and skipped without being held in memory.
inline constexpr size_t kDefaultMaxRecordBytes = size_t{1} << 20;

/// A capped delivery of a run, for caps counted across runs that are one input cut in pieces
/// (a cluster's partitions): each piece's deliveries are collected, all of them are settled
/// in one place (SettleCapDeliveries), and each piece is judged with its decisions.
struct CapDelivery {
  uint64_t ordinal = 0;  ///< the record's position among its run's records (blank lines not counted)
  std::string rule;      ///< the capped rule's id
  Date date;
  std::optional<double> quantity;
  std::optional<Unit> unit;
  Verdict verdict = Verdict::kReview;  ///< the decision, once settled
  bool undecided = false;              ///< the quantity could not be counted
};

struct BatchOptions {
  InputFormat format = InputFormat::kAuto;  ///< auto: .csv files are CSV, everything else JSONL
  FormatOptions output;
  bool use_index = true;
  int threads = 2;                  ///< threads that parse, judge and format chunks (the calling thread is one)
  int64_t max_errors = 1000;        ///< give up after this many bad records; negative: never
  size_t max_record_bytes = kDefaultMaxRecordBytes;  ///< a longer record is a bad record, read no further
  bool preload = false;             ///< read and parse everything, then judge, then write (split timing)
  bool progress = false;            ///< a progress line on standard error
  size_t chunk_bytes = size_t{256} << 10;
  int in_flight = 6;                ///< chunks held at once: bounds memory in streaming mode
  std::string ledger_path;          ///< cap totals read before and written after the run
  const judge::Screening* screening = nullptr;  ///< screens party names when set (the packs' designation list)
  Date run_date;                    ///< the day of the run: clearances expire against it
  /// Per input, a stream read in its place (a server's request body, from fmemopen): it must
  /// be seekable, since caps read the records twice. Empty: the inputs are files.
  std::vector<std::FILE*> input_streams;
  /// Results go here instead of to `output` (open_memstream for a server); null: `output`.
  std::FILE* output_stream = nullptr;
  /// The number of the first input's first line, when it is a piece of a larger file that
  /// starts there: bad records' positions are then those of the whole file.
  int64_t first_line = 1;
  /// Set: the run only collects its capped deliveries here (in input order, undecided) and
  /// writes no result (streaming mode).
  std::vector<CapDelivery>* collect_caps = nullptr;
  /// Set: caps were settled outside the run; each capped finding gets the decision listed
  /// for its record and rule, and the run collects nothing (streaming mode).
  const std::vector<CapDelivery>* settled_caps = nullptr;
};

struct BatchReport {
  int64_t counts[kOutcomeCount] = {};  ///< by Outcome
  int64_t records = 0;                  ///< judged records plus bad ones
  bool stopped = false;                 ///< gave up: more than max_errors bad records
  double parse_s = 0, eval_s = 0, write_s = 0;  ///< preload mode only
  size_t caps_settled = 0;              ///< capped deliveries counted (in date order)
  IndexStats index;
};

/// Decides `deliveries` (in input order: the pieces' collected deliveries one after the other) as
/// one run over the whole input would: in date order, ties in input order, on top of `carried`.
/// Each delivery's `rule` must be a capped rule of `set`; false (said on `diag`) otherwise.
bool SettleCapDeliveries(const rules::RuleSet& set, std::vector<CapDelivery>& deliveries, std::ostream& diag,
                         const std::map<std::string, std::map<int, double>>& carried = {});

/// Judges every record of `inputs` ("-" is standard input) and writes one
/// result line per record, in input order, to `output` ("" or "-": standard
/// output). Bad records are positioned on `diag` and written as error lines.
/// Returns false when the run could not be done (unreadable input, a bad CSV
/// header, write failure, ledger error; said on `diag`) or gave up.
bool RunBatch(const rules::RuleSet& set, const BatchOptions& options, const std::vector<std::string>& inputs,
              const std::string& output, BatchReport& report, std::ostream& diag);

}  // namespace sancheck::batch
