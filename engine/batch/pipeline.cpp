// The batch pipeline: chunked reading, parse/judge/format on worker threads, in-order writing, caps, progress.
#include "batch/pipeline.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "batch/cap_totals.hpp"
#include "batch/chunk.hpp"
#include "batch/chunk_parse.hpp"
#include "batch/chunk_reader.hpp"
#include "batch/chunk_writer.hpp"
#include "batch/ledger_file.hpp"
#include "batch/pipeline_context.hpp"
#include "batch/spools.hpp"
#include "batch/worker_pool.hpp"
#include "common/atomic_output.hpp"
#include "common/log.hpp"

namespace sancheck::batch {
namespace {

void JudgeChunk(Chunk& c, Judge& judge) {
  c.findings.clear();
  // Records ahead: enough for the index's lines and the parties' name-table slots to arrive.
  // Each record's parties are hashed once, when it is fetched, and kept until its turn.
  constexpr size_t kAhead = 8;
  Judge::Parties ahead[kAhead];
  auto fetch = [&](size_t at) {
    const Entry& e = c.entries[at];
    if (e.error < 0 && !e.gated_out) ahead[at % kAhead] = judge.Prefetch(e.rec);
  };
  for (size_t at = 0; at < std::min(kAhead, c.entries.size()); ++at) fetch(at);
  for (size_t at = 0; at < c.entries.size(); ++at) {
    Entry& e = c.entries[at];
    const Judge::Parties parties = ahead[at % kAhead];
    if (at + kAhead < c.entries.size()) fetch(at + kAhead);
    if (e.error >= 0 || e.gated_out) continue;
    e.first = static_cast<uint32_t>(c.findings.size());
    judge.Run(e.rec, parties, c.findings);
    e.count = static_cast<uint32_t>(c.findings.size()) - e.first;
    for (uint32_t i = 0; i < e.count; ++i) e.capped |= c.findings[e.first + i].capped;
  }
}

// With `defer_caps`, records with a capped finding are left for the writer,
// which settles caps in input order.
void FormatChunk(const Context& ctx, Chunk& c, bool defer_caps) {
  c.out.Clear();
  c.pending.clear();
  c.error_out_begin.clear();
  std::fill(std::begin(c.counts), std::end(c.counts), 0);
  for (uint32_t i = 0; i < c.entries.size(); ++i) {
    const Entry& e = c.entries[i];
    if (e.error >= 0) {
      // Written by the writer, which knows the absolute line number.
      c.error_out_begin.push_back(c.out.size());
      c.pending.emplace_back(c.out.size(), i);
      ++c.counts[kOutError];
    } else if (e.capped && defer_caps) {
      c.pending.emplace_back(c.out.size(), i);
    } else {
      ++c.counts[ctx.format->Append(c.out, e.rec.id, e.rec.date, c.findings.data() + e.first, e.count)];
    }
  }
}

// Streams the inputs through the worker pool into `sink` (the Writer, or the CapCollector
// of the collecting pass), chunk by chunk in input order, with a bounded number in flight.
template <class Sink>
bool StreamInto(Context& ctx, const std::vector<std::string>& inputs, Sink& writer, std::ostream& diag) {
  const BatchOptions& o = ctx.options;
  std::vector<std::unique_ptr<Worker>> workers;
  // The collecting pass (a sink that formats nothing) needs only the capped rules' findings.
  const bool capped_only = !Sink::kFormats;
  // It also leaves unchecked the records no capped rule can meet (not with --no-index, which
  // judges every record against every rule, as a reference for the indexes).
  const CapGate* gate = capped_only && o.use_index ? ctx.cap_gate.get() : nullptr;
  for (int i = 0; i < o.threads; ++i) {
    workers.push_back(std::unique_ptr<Worker>(new Worker{
        RawRecord{}, Judge(ctx.set, *ctx.index, ctx.order, o.use_index, o.screening, &ctx.names, o.run_date, capped_only),
        gate ? gate->MakeLocal() : CapGate::Local{}}));
  }
  // What the workers touch (chunks, the files they name) outlives the pool, even when
  // leaving early: the pool's destructor joins its threads first.
  ChunkReader reader(inputs, o, diag, ctx.spooled);
  reader.SetTotal(TotalBytes(inputs));
  const size_t slots = static_cast<size_t>(std::max(2, o.in_flight));
  std::vector<Chunk> chunk(slots);
  const bool defer_caps = true;
  Pool pool(o.threads, [&](Chunk& c, int w) {
    Worker& worker = *workers[static_cast<size_t>(w)];
    ParseChunk(ctx, c, worker.raw, gate, &worker.gate);
    JudgeChunk(c, worker.judge);
    if constexpr (Sink::kFormats) FormatChunk(ctx, c, defer_caps);
  });
  std::vector<int64_t> skip(slots, 0);
  std::vector<const InputFile*> file_of(slots, nullptr);
  size_t read_seq = 0, write_seq = 0;
  bool input_done = false, ok = true;
  const InputFile* line_file = nullptr;
  int64_t line_base = 1;
  while (ok) {
    while (!input_done && read_seq - write_seq < slots) {
      Chunk& c = chunk[read_seq % slots];
      if (!reader.Next(c)) {
        input_done = true;
        break;
      }
      skip[read_seq % slots] = reader.TakeLineSkip();
      pool.Submit(c);
      ++read_seq;
    }
    if (write_seq == read_seq) break;
    Chunk& c = chunk[write_seq % slots];
    pool.Wait(c);
    if (c.file != line_file) {
      line_base = line_file ? 1 : o.first_line;  // the first input may be a piece of a larger file
      line_file = c.file;
    }
    line_base += skip[write_seq % slots];
    writer.SetBytes(reader.bytes_read(), reader.bytes_total());
    ok = writer.Write(c, line_base);
    line_base += c.lines;
    ++write_seq;
  }
  // Chunks still queued after giving up are dropped, not worked; those being worked end before
  // the pool goes (its destructor joins), and with them what they touch.
  pool.Cancel();
  writer.Progress(true);
  return ok && !reader.failed();
}

bool RunStream(Context& ctx, const std::vector<std::string>& inputs, std::FILE* out, const CapTotals& caps,
               BatchReport& report, std::ostream& diag) {
  Writer writer(ctx, out, caps, report, diag);
  return StreamInto(ctx, inputs, writer, diag);
}

bool RunPreload(Context& ctx, const std::vector<std::string>& inputs, std::FILE* out, CapTotals& caps,
                BatchReport& report, std::ostream& diag) {
  const BatchOptions& o = ctx.options;
  // Parse: read every input whole, cut it into chunks at record boundaries, parse them in parallel.
  auto t0 = Clock::now();
  BatchOptions whole = o;
  whole.chunk_bytes = size_t{64} << 20;  // read in large pieces, kept whole, then cut for the threads
  std::vector<std::unique_ptr<Chunk>> files;
  ChunkReader reader(inputs, whole, diag, ctx.spooled);
  std::vector<std::unique_ptr<Chunk>> chunks;
  std::vector<int64_t> skips;
  {
    // Read files through the streaming reader with large chunks, then split those in memory.
    std::unique_ptr<Chunk> c(new Chunk);
    while (reader.Next(*c)) {
      const int64_t skip = reader.TakeLineSkip();
      Chunk* big = c.get();
      files.push_back(std::move(c));
      c.reset(new Chunk);
      size_t pos = 0;
      bool first = true;
      while (pos < big->size) {
        size_t len = std::min(o.chunk_bytes, big->size - pos);
        while (pos + len < big->size) {
          const size_t b = ChunkReader::LastBoundary(big->data + pos, len, big->file->csv);
          if (b > 0) {
            len = b;
            break;
          }
          // A record longer than a chunk: the window widens until one ends, so that the
          // records after it are still cut into chunks for every thread.
          len = std::min(2 * len, big->size - pos);
        }
        std::unique_ptr<Chunk> part(new Chunk);
        part->data = big->data + pos;
        part->size = len;
        part->file = big->file;
        chunks.push_back(std::move(part));
        skips.push_back(first ? skip : 0);
        first = false;
        pos += len;
      }
    }
  }
  if (reader.failed()) return false;
  std::vector<RawRecord> raws(static_cast<size_t>(o.threads));
  ParallelFor(o.threads, chunks.size(), [&](size_t i, int w) { ParseChunk(ctx, *chunks[i], raws[static_cast<size_t>(w)]); });
  report.parse_s = Since(t0);

  // Evaluate: judge every record into in-memory findings, then count caps in date order.
  auto t1 = Clock::now();
  std::vector<std::unique_ptr<Judge>> judges;
  for (int i = 0; i < o.threads; ++i) {
    judges.emplace_back(new Judge(ctx.set, *ctx.index, ctx.order, o.use_index, o.screening, &ctx.names, o.run_date));
  }
  ParallelFor(o.threads, chunks.size(), [&](size_t i, int w) { JudgeChunk(*chunks[i], *judges[static_cast<size_t>(w)]); });
  CapCollector collect(caps);
  for (auto& c : chunks) collect.Write(*c, 0);
  caps.Settle();
  uint64_t ordinal = 0;
  for (auto& c : chunks) {
    for (size_t i = 0; i < c->entries.size(); ++i) {
      const Entry& e = c->entries[i];
      if (e.error >= 0 || !e.capped) continue;
      for (uint32_t k = 0; k < e.count; ++k) {
        Finding& f = c->findings[e.first + k];
        if (f.capped) caps.Apply(ordinal + i, f);
      }
    }
    ordinal += c->entries.size();
  }
  report.eval_s = Since(t1);

  // Write: format and write in order.
  auto t2 = Clock::now();
  Writer writer(ctx, out, caps, report, diag);
  const InputFile* line_file = nullptr;
  int64_t line_base = 1;
  bool ok = true;
  for (size_t i = 0; i < chunks.size() && ok; ++i) {
    Chunk& c = *chunks[i];
    FormatChunk(ctx, c, false);
    if (c.file != line_file) {
      line_base = line_file ? 1 : o.first_line;  // the first input may be a piece of a larger file
      line_file = c.file;
    }
    line_base += skips[i];
    ok = writer.Write(c, line_base);
    line_base += c.lines;
  }
  report.write_s = Since(t2);
  return ok;
}

bool HasCaps(const rules::RuleSet& set) {
  return std::any_of(set.rules.begin(), set.rules.end(), [](const rules::Rule& r) { return r.cap.has_value(); });
}

}  // namespace

bool RunBatch(const rules::RuleSet& set, const BatchOptions& options, const std::vector<std::string>& inputs,
              const std::string& output, BatchReport& report, std::ostream& diag) {
  Context ctx{set, options, {}, nullptr, nullptr, nullptr, nullptr, {}, {}, {}};
  // Rules are evaluated (and listed) in the order of the ids they are written with.
  for (uint32_t i = 0; i < set.rules.size(); ++i) ctx.order.push_back(i);
  std::stable_sort(ctx.order.begin(), ctx.order.end(), [&](uint32_t a, uint32_t b) {
    return ResultFormat::OutputId(set.rules[a], options.output.short_ids) <
           ResultFormat::OutputId(set.rules[b], options.output.short_ids);
  });
  ctx.index = std::make_unique<RuleIndex>(set, ctx.order);
  ctx.cap_gate = CapGate::Make(set, ctx.order);
  ctx.tags = std::make_unique<TagLookup>(set.tags);
  ctx.format = std::make_unique<ResultFormat>(set, ctx.order, options.output);
  ctx.needs = RecordNeeds::Of(set);
  report.index = ctx.index->stats();

  CapTotals caps(set, ctx.order);
  // Held (locked) until the run ends, so concurrent runs on one ledger take turns.
  LedgerFile ledger;
  if (!options.ledger_path.empty()) {
    Diagnostics diags;
    LedgerTotals carried;
    CappedRules capped;
    for (const rules::Rule& rule : set.rules) {
      if (rule.cap) capped.emplace(rule.info.id, rule.cap->period == rules::Cap::Period::kWhole);
    }
    if (!ledger.Open(options.ledger_path, carried, diags, &capped)) {
      diag << diags.RenderAll();
      return false;
    }
    caps.AddTotals(carried);
  }
  // A results file appears whole when the run succeeds, and not at all when it
  // fails or is interrupted: no reader ever sees results cut mid-record.
  std::FILE* out = options.output_stream ? options.output_stream : stdout;
  std::unique_ptr<AtomicOutput> file_out;
  if (!options.output_stream && !output.empty() && output != "-") {
    file_out = std::make_unique<AtomicOutput>(output);
    if (const std::string error = file_out->Open(); !error.empty()) {
      diag << "sancheck: error: " << error << "\n";
      return false;
    }
    out = file_out->stream();
  }
  if (!options.output_stream) {
    // One large buffer for the process's one results file; a caller's stream keeps its own.
    static char out_buffer[1 << 20];
    std::setvbuf(out, out_buffer, _IOFBF, sizeof out_buffer);
  }
  const std::vector<std::string> in = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  // Streams given for the inputs are read instead of them, and can be read twice as they are.
  ctx.spooled = options.input_streams;
  // Caps are counted in date order, whatever the file order: a collecting pass over the
  // records first (streaming reads them twice; preload has them all in memory anyway).
  Spools spools;
  if (options.collect_caps) {
    options.collect_caps->clear();
    if (!HasCaps(set)) return true;
  }
  if (options.settled_caps && HasCaps(set)) {
    // Settled across the pieces of a larger input: no collecting pass here.
    if (!caps.Decide(*options.settled_caps, diag)) return false;
  } else if (HasCaps(set) && !options.preload) {
    if (options.input_streams.empty()) {
      if (!spools.Make(in, diag)) return false;  // the results' temporary is removed with file_out
      ctx.spooled = spools.streams;
    }
    const auto start = std::chrono::steady_clock::now();
    CapCollector collect(caps);
    if (!StreamInto(ctx, in, collect, diag)) return false;
    if (options.collect_caps) {
      *options.collect_caps = caps.collected();
      return spools.Unchanged(diag);
    }
    caps.Settle();
    if (auto log = Logger()) {
      log->info("cap pass: {} capped deliveries counted in date order in {:.1f} ms", caps.settled(),
                MillisecondsSince(start));
    }
  }
  bool ok = options.preload ? RunPreload(ctx, in, out, caps, report, diag) : RunStream(ctx, in, out, caps, report, diag);
  ok = ok && spools.Unchanged(diag);
  if (std::fflush(out) != 0) {
    diag << "sancheck: error: writing the results failed: " << std::strerror(errno) << "\n";
    ok = false;
  }
  if (file_out && ok) {
    if (const std::string error = file_out->Commit(); !error.empty()) {
      diag << "sancheck: error: " << error << "\n";
      ok = false;
    }
  }
  file_out.reset();  // removes the temporary of a failed run
  for (int64_t v : report.counts) report.records += v;
  report.caps_settled = caps.settled();
  if (ok && !options.ledger_path.empty()) {
    const std::string error = ledger.Save(caps.totals());
    if (!error.empty()) {
      diag << "sancheck: error: --ledger " << error << "\n";
      ok = false;
    }
  }
  return ok;
}

}  // namespace sancheck::batch
