// The cap ledger file (`batch --ledger`): locked for the whole run, read strictly with positions, replaced atomically.
#pragma once

#include <map>
#include <string>

#include "sancheck/diagnostics.hpp"

namespace sancheck::batch {

/// Totals per rule id and period (a year, or 0 for "whole").
using LedgerTotals = std::map<std::string, std::map<int, double>>;

/// The capped rules of a run: rule id → whether the cap counts over the whole run
/// (`period: whole`) rather than by year. A ledger may name only these, with their periods.
using CappedRules = std::map<std::string, bool, std::less<>>;

/// One run's hold on a ledger file. Open() takes an exclusive flock on
/// "<path>.lock" (a file that stays, so that every run locks the same inode
/// even though the ledger itself is replaced by rename) and keeps it until
/// destruction, so two runs on one ledger take turns instead of losing updates.
class LedgerFile {
 public:
  LedgerFile() = default;
  LedgerFile(const LedgerFile&) = delete;
  LedgerFile& operator=(const LedgerFile&) = delete;
  ~LedgerFile();

  /// Locks the ledger and reads it: {"caps": {"<rule id>": {"<year>|whole": amount}}}.
  /// A missing file is an empty ledger; one that exists but cannot be read,
  /// is not UTF-8, has duplicate or unknown keys, a period that is not a
  /// year (1900-9999) or "whole", or an amount that is negative or not a
  /// finite number is an error; so is, given `capped`, a rule id that is not a capped rule
  /// of the run (a misspelt id would carry nothing) or a period of another kind than its
  /// cap's. False after reporting to `diags`.
  bool Open(const std::string& path, LedgerTotals& totals, Diagnostics& diags, const CappedRules* capped = nullptr);

  /// Writes `totals` to a temporary file and renames it over the ledger
  /// (still under the lock). Returns an error message or "".
  std::string Save(const LedgerTotals& totals) const;

 private:
  std::string path_;
  int lock_fd_ = -1;
};

/// Parses ledger text (the format above); false after reporting positioned errors.
bool ParseLedger(const std::shared_ptr<const SourceFile>& file, LedgerTotals& totals, Diagnostics& diags,
                 const CappedRules* capped = nullptr);

}  // namespace sancheck::batch
