// RunBatchOnText(): `sancheck batch` over records held in memory, results into a string (the server, the Python module).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "batch/pipeline.hpp"
#include "sancheck/checker.hpp"

namespace sancheck::batch {

/// Judges the records of `text` with the checker's packs, screening and clock, exactly as
/// `sancheck batch` judges a file named `name` (which bad records' error lines name), and
/// appends one result line per record to `results`. `options` says the rest (format, output,
/// threads, caps settled elsewhere); its inputs, screening and run date are set here. Returns
/// false (said on `diag`) when the run could not be done or gave up; `results` is then partial.
bool RunBatchOnText(const Checker& checker, BatchOptions options, std::string_view text, const std::string& name,
                    std::string& results, BatchReport& report, std::ostream& diag);

}  // namespace sancheck::batch
