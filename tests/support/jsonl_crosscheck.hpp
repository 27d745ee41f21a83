// Cross-check of the JSONL reader's two paths, for the tests and the fuzz target: whatever the fast path reads, the strict scanner reads the same.
#pragma once

#include <string>
#include <string_view>

#include "batch/tag_lookup.hpp"

namespace sancheck::batch {

/// How one line fared, and the first disagreement between the ways of reading it.
struct CrossCheck {
  bool fast = false;     ///< the fast path read the line
  bool read = false;     ///< ParseJsonLine read it (else: a positioned error)
  std::string mismatch;  ///< empty when every check held
};

/// Reads `line` (one line, no '\n') three times, each on its own copy: with the fast path
/// alone, with the strict scanner alone, and with ParseJsonLine. Checks that the fast path
/// leaves the lines it declines untouched and reads only lines the scanner reads into the same record
/// (texts, columns, tags); that ParseJsonLine gives the scanner's record or error, column
/// and message included; and that CheckRecord finds the same for the record read either way
/// (the fast path's ASCII hint skips UTF-8 validation) and with numbers no rule reads left
/// unconverted (the same error, or the same values but for those numbers).
CrossCheck CrossCheckJsonLine(std::string_view line, const TagLookup& tags);

}  // namespace sancheck::batch
