// Screening benchmark: precision and recall on the labelled evaluation set, and names screened per second.
//
// Usage: screen_bench <designations.yaml> <eval-set.csv> [--repetitions N] [--verbose]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "screen/designations_loader.hpp"
#include "screen/evaluation.hpp"
#include "screen/screener.hpp"

namespace {

using sancheck::screen::EvalCounts;

void PrintCounts(const char* label, double threshold, const EvalCounts& c) {
  std::printf("%-9s (score >= %.2f): precision %.3f  recall %.3f   [tp %d  fp %d  fn %d  tn %d]\n", label,
              threshold, c.Precision(), c.Recall(), c.true_positives, c.false_positives, c.false_negatives,
              c.true_negatives);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <designations.yaml> <eval-set.csv> [--repetitions N] [--verbose]\n", argv[0]);
    return 2;
  }
  int repetitions = 2000;
  bool verbose = false;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repetitions" && i + 1 < argc) {
      repetitions = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--verbose") {
      verbose = true;
    } else {
      std::fprintf(stderr, "unknown argument '%s'\n", arg.c_str());
      return 2;
    }
  }

  sancheck::Diagnostics diags;
  auto list = sancheck::screen::LoadDesignationList(sancheck::ReadSource(argv[1], diags), diags);
  auto eval_file = sancheck::ReadSource(argv[2], diags);
  if (diags.HasErrors() || !eval_file) {
    std::fputs(diags.RenderAll().c_str(), stderr);
    return 1;
  }
  const auto snapshot = sancheck::Date::Parse(list.snapshot);
  std::vector<sancheck::screen::EvalCase> cases;
  std::string error;
  if (!snapshot || !sancheck::screen::ParseEvalSet(eval_file->text, *snapshot, cases, error)) {
    std::fprintf(stderr, "%s: %s\n", argv[2], error.empty() ? "designations have no snapshot date" : error.c_str());
    return 1;
  }
  const size_t designations = list.entries.size();

  const auto build_start = std::chrono::steady_clock::now();
  const sancheck::screen::Screener screener(std::move(list.entries));
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - build_start).count();

  using S = sancheck::screen::Screener;
  const auto result = sancheck::screen::Evaluate(screener, cases);
  int positives = 0;
  for (const auto& c : cases) positives += c.expected.empty() ? 0 : 1;
  std::printf("designations: %zu (snapshot %s), index built in %.1f ms\n", designations, list.snapshot.c_str(),
              build_ms);
  std::printf("evaluation set: %zu names (%d expected to match, %zu expected not to)\n", cases.size(), positives,
              cases.size() - static_cast<size_t>(positives));
  PrintCounts("match", S::kMatchThreshold, result.at_match);
  PrintCounts("possible", S::kPossibleThreshold, result.at_possible);
  for (const auto& miss : result.misses) {
    if (!verbose && !miss.at_match) continue;
    std::printf("  %s line %d [%s] '%s' expected %s, got %s\n", miss.at_match ? "match   " : "possible", miss.row->line,
                miss.row->category.c_str(), miss.row->query.name.c_str(),
                miss.row->expected.empty() ? "nothing" : miss.row->expected.c_str(), miss.got.c_str());
  }

  // Throughput: every evaluation name screened against the whole list, repeatedly, on one core.
  // Wall time and this thread's CPU time: on a shared machine the CPU-time rate is the one
  // that measures the screener rather than the neighbours.
  size_t screened = 0, found = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (int r = 0; r < repetitions; ++r) {
    for (const auto& c : cases) {
      found += screener.Screen(c.query, c.as_of).size();
      ++screened;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("speed: %zu names against %zu designations (%zu candidates returned), one thread\n", screened,
              designations, found);
  std::printf("  wall time %.3f s = %.0f names/s; CPU time %.3f s = %.0f names/s\n", seconds,
              static_cast<double>(screened) / seconds, cpu_seconds, static_cast<double>(screened) / cpu_seconds);
  return 0;
}
