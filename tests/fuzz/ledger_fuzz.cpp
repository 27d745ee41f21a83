// Fuzz target for the cap ledger reader: any text is read or rejected with a position; what is read is sane.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "batch/ledger_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  auto file = std::make_shared<SourceFile>(SourceFile{"ledger.json", std::string(reinterpret_cast<const char*>(data), size)});
  batch::LedgerTotals totals;
  Diagnostics diags;
  const bool ok = batch::ParseLedger(file, totals, diags);
  if (!ok && (diags.items().empty() || diags.items().front().pos.line < 1)) std::abort();  // errors are positioned
  for (const auto& [rule, periods] : totals) {
    for (const auto& [period, amount] : periods) {
      // Whatever is accepted can be counted against a cap.
      if (!std::isfinite(amount) || amount < 0 || (period != 0 && (period < 1900 || period > 9999))) std::abort();
    }
  }
  diags.RenderAll();
  return 0;
}
