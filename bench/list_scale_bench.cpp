// List-scale benchmark: snapshot load time and memory, indexed and exhaustive queries per second, index recall.
//
// Usage: list_scale_bench <list.bin|list.yaml> <queries.txt> [--exhaustive N] [--term-recall N] [--threshold T] [--slowest N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/files.hpp"
#include "screen/list_snapshot.hpp"
#include "screen/alignment.hpp"
#include "screen/screener.hpp"

namespace {

using sancheck::screen::Screener;

// Resident and peak resident memory of this process, in MB (Linux /proc).
std::pair<double, double> MemoryMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  double rss = 0, peak = 0;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) rss = std::atof(line.c_str() + 6) / 1024.0;
    if (line.rfind("VmHWM:", 0) == 0) peak = std::atof(line.c_str() + 6) / 1024.0;
  }
  return {rss, peak};
}

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Term recall: for every word of the first `count` queries, the listed terms it may pair with
// (PairBound) found under its keys, against all such terms found by trying every term.
// Prints the pairs the keys miss.
void TermRecall(const sancheck::screen::NameIndex& x, const std::vector<sancheck::screen::Query>& queries, size_t count) {
  using namespace sancheck::screen;
  size_t expected = 0, found = 0, shown = 0;
  std::vector<uint8_t> seen(x.term_count());
  for (size_t i = 0; i < std::min(count, queries.size()); ++i) {
    const NormalizedName n = NormalizeName(queries[i].name);
    for (const NameToken& t : n.tokens) {
      if (t.numeric()) continue;
      std::fill(seen.begin(), seen.end(), 0);
      std::vector<uint32_t> near;
      x.NearTerms(t.canon, NameIndex::NearFor(t), near);
      x.NearTerms(t.raw, NameIndex::NearFor(t), near);
      for (uint32_t term : near) seen[term] = 1;
      for (uint32_t term = 0; term < x.term_count(); ++term) {
        // As Align holds pairs to the Korean cutoff: two Korean words, or a word and a joined
        // run when either is Korean.
        const uint8_t kinds = x.term_kinds[term];
        const bool run_only = (kinds & kTermJoin) && !(kinds & kTermWord);
        const bool query_korean = (t.flags & kKoreanToken) != 0, term_korean = (kinds & kTermKorean) != 0;
        const bool korean = run_only ? (query_korean || term_korean) : (query_korean && term_korean);
        if (PairBound(t.canon, x.Term(term), false, korean) <= 0 && PairBound(t.raw, x.Term(term), false, korean) <= 0) {
          continue;
        }
        ++expected;
        if (seen[term]) {
          ++found;
        } else if (shown++ < 40) {
          std::printf("  term missed: '%s' -> '%s'\n", t.canon.c_str(), std::string(x.Term(term)).c_str());
        }
      }
    }
  }
  std::printf("term recall (%zu queries): %zu of %zu pairable terms = %.4f\n", std::min(count, queries.size()), found,
              expected, expected ? static_cast<double>(found) / static_cast<double>(expected) : 1.0);
}

using Found = std::vector<std::set<std::string>>;  // per query: the references found

// Screens every query (CPU time of this one thread), keeping what each found and, when
// `micros` is given, each query's wall time in microseconds.
double ScreenAll(const Screener& s, const std::vector<sancheck::screen::Query>& queries, size_t count, double threshold,
                 Found& found, std::vector<double>* micros = nullptr) {
  const sancheck::Date far = sancheck::Date::FromCivil(9999, 12, 31);
  found.assign(count, {});
  if (micros) micros->assign(count, 0);
  const double start = CpuSeconds();
  for (size_t i = 0; i < count; ++i) {
    // The wall clock only when asked: the loop's CPU time is the measure.
    const auto began = micros ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    for (const auto& c : s.Screen(queries[i], far, threshold)) found[i].insert(c.designation->reference);
    if (micros) (*micros)[i] = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - began).count();
  }
  return CpuSeconds() - start;
}

// The `count` slowest queries, with their times, and the share of all time they took.
void PrintSlowest(const std::vector<sancheck::screen::Query>& queries, const std::vector<double>& micros, size_t count) {
  std::vector<size_t> order(micros.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return micros[a] > micros[b]; });
  double total = 0, shown = 0;
  for (double m : micros) total += m;
  for (size_t i = 0; i < std::min(count, order.size()); ++i) {
    shown += micros[order[i]];
    std::printf("  %8.0f us  %s\n", micros[order[i]], queries[order[i]].name.c_str());
  }
  std::printf("slowest %zu of %zu queries: %.1f %% of the time; median %.0f us\n", std::min(count, order.size()),
              order.size(), total > 0 ? 100.0 * shown / total : 0.0, micros.empty() ? 0.0 : micros[order[order.size() / 2]]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <list.bin|list.yaml> <queries.txt> [--exhaustive N] [--term-recall N] [--threshold T] [--slowest N]\n", argv[0]);
    return 2;
  }
  size_t exhaustive = 100, term_recall = 0, slowest = 0;
  double threshold = Screener::kPossibleThreshold;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--exhaustive") {
      exhaustive = static_cast<size_t>(std::atol(argv[i + 1]));
    } else if (arg == "--term-recall") {
      term_recall = static_cast<size_t>(std::atol(argv[i + 1]));
    } else if (arg == "--slowest") {
      slowest = static_cast<size_t>(std::atol(argv[i + 1]));
    } else if (arg == "--threshold") {
      threshold = std::atof(argv[i + 1]);
    } else {
      std::fprintf(stderr, "unknown argument '%s'\n", arg.c_str());
      return 2;
    }
  }

  sancheck::Diagnostics diags;
  const auto load_start = std::chrono::steady_clock::now();
  std::optional<sancheck::screen::ListSnapshot> snap;
  if (sancheck::screen::IsListSnapshotFile(argv[1])) {
    snap = sancheck::screen::LoadListSnapshot(argv[1], diags);
  } else if (auto file = sancheck::ReadSource(argv[1], diags)) {
    snap.emplace();
    snap->list = sancheck::screen::LoadDesignationList(file, diags);
  }
  if (!snap || diags.HasErrors()) {
    std::fputs(diags.RenderAll().c_str(), stderr);
    return 1;
  }
  const size_t entries = snap->list.entries.size();
  std::vector<Screener::Part> parts(1);
  parts[0] = Screener::Part{std::move(snap->list.entries), snap->index};
  Screener screener(std::move(parts));
  const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
  const auto [rss, peak] = MemoryMb();
  size_t names = 0, index_bytes = 0;
  if (snap->index) {
    const auto& x = *snap->index;
    names = x.names.size();
    index_bytes = names * sizeof x.names[0] + x.arena.size() + x.term_text.size() + x.term_starts.size() * 4 +
                  x.name_starts.size() * 4 + x.name_ids.size() * 4 + x.keys.size() * 8 + x.key_starts.size() * 4 +
                  x.key_terms.size() * 4 + x.directory.size() * 4;
  }
  std::printf("list: %zu entries, %zu indexed names; loaded and ready in %.2f s; RSS %.0f MB (peak %.0f MB)\n", entries,
              names, load_s, rss, peak);
  if (names > 0) {
    std::printf("index: %.0f MB, %.0f bytes per name\n", static_cast<double>(index_bytes) / 1e6,
                static_cast<double>(index_bytes) / static_cast<double>(names));
  }

  std::ifstream in(argv[2]);
  std::vector<sancheck::screen::Query> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(sancheck::screen::Query{line, {}, {}, {}, {}, {}});
  }
  if (term_recall > 0 && snap->index) TermRecall(*snap->index, queries, term_recall);
  Found indexed, reference;
  ScreenAll(screener, queries, std::min<size_t>(queries.size(), 50), threshold, indexed);  // warm-up
  std::vector<double> micros;
  const double indexed_s = ScreenAll(screener, queries, queries.size(), threshold, indexed, &micros);
  size_t candidates = 0;
  for (const auto& f : indexed) candidates += f.size();
  std::printf("indexed: %zu queries in %.2f s CPU = %.0f queries/s (%zu candidates at %.2f)\n", queries.size(), indexed_s,
              static_cast<double>(queries.size()) / indexed_s, candidates, threshold);
  if (slowest > 0) PrintSlowest(queries, micros, slowest);

  // Exhaustive on the first N queries: the reference the index is measured against.
  const size_t n = std::min(exhaustive, queries.size());
  if (n == 0) return 0;
  screener.SetExhaustive(true);
  const double exhaustive_s = ScreenAll(screener, queries, n, threshold, reference);
  size_t expected = 0, hit = 0;
  for (size_t i = 0; i < n; ++i) {
    expected += reference[i].size();
    for (const auto& r : reference[i]) hit += indexed[i].count(r);
    for (const auto& r : reference[i]) {
      if (!indexed[i].count(r)) std::printf("  missed: '%s' -> %s\n", queries[i].name.c_str(), r.c_str());
    }
  }
  std::printf("exhaustive: %zu queries in %.2f s CPU = %.1f queries/s\n", n, exhaustive_s,
              static_cast<double>(n) / exhaustive_s);
  std::printf("index recall vs exhaustive: %zu of %zu matches = %.4f\n", hit, expected,
              expected ? static_cast<double>(hit) / static_cast<double>(expected) : 1.0);
  return 0;
}
