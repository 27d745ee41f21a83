// RunBatchOnText(): the records as a memory stream (read twice when caps are counted), the results as a growing buffer.
#include "batch/memory_batch.hpp"

#include <cstdio>
#include <cstdlib>

#include "common/run_clock.hpp"
#include "judge/checker_impl.hpp"

namespace sancheck::batch {
namespace {

// No temporary file, nothing on disk: a request or a partition stays in memory.
struct MemoryStreams {
  std::FILE* in = nullptr;
  std::FILE* out = nullptr;
  char* results = nullptr;
  size_t results_size = 0;
  ~MemoryStreams() {
    if (in) std::fclose(in);
    if (out) std::fclose(out);
    std::free(results);
  }
};

}  // namespace

bool RunBatchOnText(const Checker& checker, BatchOptions options, std::string_view text, const std::string& name,
                    std::string& results, BatchReport& report, std::ostream& diag) {
  const Checker::Impl& impl = checker.impl();
  options.screening = impl.screening.get();
  options.run_date = DayOf(*impl.clock);
  // fmemopen refuses an empty buffer; no records, no results.
  if (text.empty()) return true;
  MemoryStreams streams;
  streams.in = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
  streams.out = open_memstream(&streams.results, &streams.results_size);
  if (!streams.in || !streams.out) {
    diag << "sancheck: error: cannot open memory streams\n";
    return false;
  }
  options.input_streams = {streams.in};
  options.output_stream = streams.out;
  const bool ok = RunBatch(*impl.set, options, {name}, "", report, diag);
  std::fflush(streams.out);
  results.append(streams.results, streams.results_size);
  return ok;
}

}  // namespace sancheck::batch
