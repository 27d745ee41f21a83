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
#include "batch/csv_reader.hpp"
#include "batch/judge.hpp"
#include "batch/jsonl_reader.hpp"
#include "batch/ledger_file.hpp"
#include "batch/record.hpp"
#include "batch/tag_lookup.hpp"

namespace sancheck::batch {
namespace {

using Clock = std::chrono::steady_clock;

// An over-long record is skipped up to this many times the record limit; past that the input is not records.
constexpr size_t kMaxSkipFactor = 64;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct InputFile {
  std::string name;
  bool csv = false;
  CsvHeader header;
};

// One record slot of a chunk: a checked record or an error.
struct Entry {
  Record rec;
  int64_t line = 0;      ///< relative to the chunk's first line (0-based)
  int32_t error = -1;    ///< index into Chunk::errors
  uint32_t first = 0, count = 0;  ///< findings
  bool capped = false;
};

// Input bytes without the zero-filling of std::vector: chunks are overwritten by fread anyway.
class ByteBuffer {
 public:
  size_t size() const { return size_; }
  char* data() { return data_.get(); }
  /// Grows to at least `n` bytes, keeping the first `keep` bytes.
  void Grow(size_t n, size_t keep) {
    if (n <= size_) return;
    std::unique_ptr<char[]> bigger(new char[n]);
    if (keep) std::memcpy(bigger.get(), data_.get(), keep);
    data_ = std::move(bigger);
    size_ = n;
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
};

struct Chunk {
  ByteBuffer own;  ///< the chunk's bytes (preload: a large piece that chunks point into)
  char* data = nullptr;
  size_t size = 0;
  const InputFile* file = nullptr;
  int64_t lines = 0;      ///< line breaks inside the chunk, for the next chunk's numbering
  int64_t skipped_lines = 0;  ///< line breaks of an over-long record's tail, dropped unread
  std::vector<Entry> entries;
  std::vector<RecordError> errors;  ///< lines relative to the chunk
  std::vector<size_t> error_out_begin;  ///< output offset of each error's line
  std::vector<Finding> findings;
  OutBuf out;
  std::vector<std::pair<size_t, uint32_t>> pending;  ///< (output offset, entry) waiting for caps
  int64_t counts[kOutcomeCount] = {};
  bool done = false;
};

// Per-thread state: nothing here is shared, so workers never lock while working.
struct Worker {
  RawRecord raw;
  Judge judge;
};

struct Context {
  const rules::RuleSet& set;
  const BatchOptions& options;
  std::vector<uint32_t> order;
  std::unique_ptr<RuleIndex> index;
  std::unique_ptr<TagLookup> tags;
  std::unique_ptr<ResultFormat> format;
};

int64_t CountLines(const char* p, const char* end) {
  int64_t n = 0;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!nl) break;
    ++n;
    p = static_cast<const char*>(nl) + 1;
  }
  return n;
}

void ParseChunk(const Context& ctx, Chunk& c, RawRecord& raw) {
  c.entries.clear();
  c.errors.clear();
  char* p = c.data;
  char* const end = c.data + c.size;
  const bool csv = c.file->csv;
  int64_t line = 0;
  while (p < end) {
    char* rec_end;
    int64_t breaks = 1;
    if (csv) {
      rec_end = const_cast<char*>(CsvRecordEnd(p, end));
      breaks = 1 + CountLines(p, rec_end);
    } else {
      auto* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      rec_end = nl ? nl : end;
    }
    if (static_cast<size_t>(rec_end - p) > ctx.options.max_record_bytes) {
      // Only the first bytes of such a record were kept (ChunkReader::SkipLongRecord).
      Entry e;
      e.line = line;
      RecordError err;
      err.line = line;
      err.column = static_cast<int>(std::min<size_t>(ctx.options.max_record_bytes, INT32_MAX)) + 1;
      err.code = "batch.record_too_long";
      err.message = "record longer than " + std::to_string(ctx.options.max_record_bytes) +
                    " bytes (raise --max-record-bytes to read it)";
      e.error = static_cast<int32_t>(c.errors.size());
      c.errors.push_back(std::move(err));
      c.entries.push_back(e);
    } else if (!IsBlankLine(p, rec_end)) {
      Entry e;
      e.line = line;
      RecordError err;
      int line_off = 0;
      bool ok = csv ? ParseCsvRecord(p, rec_end, c.file->header, raw, err, line_off) : ParseJsonLine(p, rec_end, raw, err);
      if (ok) {
        ok = CheckRecord(raw, *ctx.tags, e.rec, err);
        if (!ok) {
          const FieldKey k = FieldByName(err.field);
          if (k != FieldKey::kCount) line_off = raw.line_offset[static_cast<int>(k)];
        }
      }
      if (!ok) {
        err.line = line + line_off;
        if (raw.Has(FieldKey::kId)) err.id = std::string(raw.Get(FieldKey::kId));
        e.error = static_cast<int32_t>(c.errors.size());
        c.errors.push_back(std::move(err));
      }
      c.entries.push_back(e);
    }
    line += breaks;
    p = rec_end < end ? rec_end + 1 : end;
  }
  c.lines = line + c.skipped_lines;
}

void JudgeChunk(Chunk& c, Judge& judge) {
  c.findings.clear();
  for (Entry& e : c.entries) {
    if (e.error >= 0) continue;
    e.first = static_cast<uint32_t>(c.findings.size());
    judge.Run(e.rec, c.findings);
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
      ++c.counts[ctx.format->Append(c.out, e.rec.id, c.findings.data() + e.first, e.count)];
    }
  }
}

// Reads inputs chunk by chunk; a chunk ends at a record boundary and never spans files.
class ChunkReader {
 public:
  ChunkReader(const std::vector<std::string>& inputs, const BatchOptions& options, std::ostream& diag)
      : inputs_(inputs), options_(options), diag_(diag) {}
  ~ChunkReader() { Close(); }

  /// Fills `c`; false at the end of the inputs or on an error (failed() tells).
  bool Next(Chunk& c) {
    for (;;) {
      if (!in_) {
        if (next_input_ == inputs_.size()) return false;
        if (!Open(inputs_[next_input_++])) return false;
      }
      size_t cap = std::max(options_.chunk_bytes, carry_.size() * 2 + 4096);
      c.own.Grow(cap, 0);
      // memcpy with a null source is undefined even for zero bytes.
      if (!carry_.empty()) std::memcpy(c.own.data(), carry_.data(), carry_.size());
      size_t size = carry_.size();
      carry_.clear();
      c.skipped_lines = 0;
      bool eof = false;
      size_t split = 0;
      for (;;) {
        while (size < c.own.size() && !eof) {
          size_t n = 0;
          if (!ReadSome(c.own.data() + size, c.own.size() - size, n, eof)) return false;
          size += n;
        }
        size_t start = 0;
        if (header_pending_) {
          const char* he = CsvRecordEnd(c.own.data(), c.own.data() + size);
          if (he == c.own.data() + size && !eof) {
            c.own.Grow(c.own.size() * 2, size);
            continue;
          }
          RecordError err;
          char* hend = const_cast<char*>(he);
          if (hend > c.own.data() && hend[-1] == '\r') --hend;
          if (!ParseCsvHeader(c.own.data(), hend, files_.back()->header, err)) {
            diag_ << files_.back()->name << ":1:" << err.column << ": error: " << err.message << " [" << err.code << "]\n";
            failed_ = true;
            return false;
          }
          header_pending_ = false;
          start = he < c.own.data() + size ? static_cast<size_t>(he - c.own.data()) + 1 : size;
          if (size > start) std::memmove(c.own.data(), c.own.data() + start, size - start);
          size -= start;
          line_skip_ = 1;
        }
        if (eof) {
          split = size;
          break;
        }
        split = LastBoundary(c.own.data(), size, files_.back()->csv);
        if (split > 0) break;
        if (size > options_.max_record_bytes) {
          // One record past the limit: keep its head for the error, drop the rest unread.
          if (!SkipLongRecord(c, size, eof)) return false;
          split = size;
          break;
        }
        c.own.Grow(c.own.size() * 2, size);  // one record longer than a chunk
      }
      carry_.assign(c.own.data() + split, c.own.data() + size);
      c.data = c.own.data();
      c.size = split;
      c.file = files_.back().get();
      if (eof) Close();
      if (split == 0) continue;  // empty file
      return true;
    }
  }

  bool failed() const { return failed_; }
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t bytes_total() const { return bytes_total_; }
  /// Header lines skipped before the chunk just read (CSV), consumed once.
  int64_t TakeLineSkip() {
    const int64_t n = line_skip_;
    line_skip_ = 0;
    return n;
  }
  const InputFile* current() const { return files_.empty() ? nullptr : files_.back().get(); }

  static bool IsCsv(const std::string& path, InputFormat f) {
    if (f != InputFormat::kAuto) return f == InputFormat::kCsv;
    return path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  }

  /// Where the last complete record of [data, data+size) ends (after its '\n'); 0 when none.
  static size_t LastBoundary(const char* data, size_t size, bool csv) {
    if (!csv) {
      const void* nl = memrchr(data, '\n', size);
      return nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) + 1 : 0;
    }
    size_t last = 0;
    const char* p = data;
    const char* end = data + size;
    while (p < end) {
      const char* re = CsvRecordEnd(p, end);
      if (re == end) break;
      last = static_cast<size_t>(re - data) + 1;
      p = re + 1;
    }
    return last;
  }

 private:
  bool Open(const std::string& path) {
    auto f = std::make_unique<InputFile>();
    f->name = path;
    f->csv = IsCsv(path, options_.format);
    if (path == "-") {
      in_ = stdin;
    } else {
      in_ = std::fopen(path.c_str(), "rb");
      if (!in_) {
        diag_ << "sancheck: error: " << path << ": " << std::strerror(errno) << "\n";
        failed_ = true;
        return false;
      }
    }
    header_pending_ = f->csv;
    files_.push_back(std::move(f));
    return true;
  }
  void Close() {
    if (in_ && in_ != stdin) std::fclose(in_);
    in_ = nullptr;
  }

  // Reads up to `cap` bytes into `dst`, setting `eof` at the end; false (said on diag) on a read error.
  bool ReadSome(char* dst, size_t cap, size_t& n, bool& eof) {
    n = std::fread(dst, 1, cap, in_);
    bytes_read_ += n;
    if (n == 0) {
      if (std::ferror(in_)) {
        diag_ << "sancheck: error: " << files_.back()->name << ": read error\n";
        failed_ = true;
        return false;
      }
      eof = true;
    }
    return true;
  }

  // The chunk's first `size` bytes start a record longer than the limit. Keeps
  // max_record_bytes + 1 of them (so ParseChunk reports the record) and reads
  // on, discarding, to the record's end; what follows it becomes the carry.
  // Memory stays bounded however long the record is (/dev/zero, a 1 GB line).
  bool SkipLongRecord(Chunk& c, size_t& size, bool& eof) {
    const size_t keep = options_.max_record_bytes + 1;
    const bool csv = files_.back()->csv;
    bool quoted = false;  // CSV: a line break inside quotes does not end the record
    if (csv) {
      for (size_t i = 0; i < keep; ++i) quoted ^= c.own.data()[i] == '"';
    }
    int64_t lines = 0;  // line breaks inside quotes in the dropped tail; ParseChunk counts the rest
    size_t skipped = 0;
    size_t from = keep;
    for (;;) {
      for (size_t i = from; i < size; ++i) {
        const char ch = c.own.data()[i];
        if (csv && ch == '"') quoted = !quoted;
        if (ch != '\n') continue;
        if (!quoted) {
          carry_.assign(c.own.data() + i + 1, c.own.data() + size);
          c.skipped_lines = lines;
          size = keep;
          return true;
        }
        ++lines;
      }
      if (eof) break;
      // An endless record (/dev/zero, a binary file) would be read for ever: give up on the input.
      skipped += size - keep;
      if (skipped > kMaxSkipFactor * options_.max_record_bytes) {
        diag_ << "sancheck: error: " << files_.back()->name << ": a record runs on past "
              << skipped << " bytes without ending; stopped reading (is it a JSONL or CSV file?)\n";
        failed_ = true;
        return false;
      }
      size_t n = 0;
      if (!ReadSome(c.own.data() + keep, c.own.size() - keep, n, eof)) return false;
      from = keep;
      size = keep + n;
    }
    c.skipped_lines = lines;
    size = keep;
    return true;
  }

  const std::vector<std::string>& inputs_;
  const BatchOptions& options_;
  std::ostream& diag_;
  size_t next_input_ = 0;
  std::FILE* in_ = nullptr;
  std::vector<char> carry_;
  std::deque<std::unique_ptr<InputFile>> files_;
  bool header_pending_ = false;
  bool failed_ = false;
  uint64_t bytes_read_ = 0, bytes_total_ = 0;
  int64_t line_skip_ = 0;

 public:
  void SetTotal(uint64_t t) { bytes_total_ = t; }
};

uint64_t TotalBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const auto& p : inputs) {
    struct stat st {};
    if (p == "-" || ::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    total += static_cast<uint64_t>(st.st_size);
  }
  return total;
}

// Writes chunks in input order: settles caps, prints positioned errors, counts, shows progress.
class Writer {
 public:
  Writer(const Context& ctx, std::FILE* out, CapTotals& caps, BatchReport& report, std::ostream& diag)
      : ctx_(ctx), out_(out), caps_(caps), report_(report), diag_(diag), start_(Clock::now()) {}

  /// False when writing failed or the run gave up on errors (stop reading).
  bool Write(Chunk& c, int64_t line_base) {
    // Errors first: they decide how much of the chunk is written.
    size_t cut = c.out.size();
    uint32_t stop_entry = static_cast<uint32_t>(c.entries.size());
    for (size_t i = 0; i < c.errors.size(); ++i) {
      RecordError& e = c.errors[i];
      e.line += line_base;
      ++errors_;
      if (ctx_.options.max_errors >= 0 && errors_ > ctx_.options.max_errors) {
        diag_ << "sancheck: error: more than " << ctx_.options.max_errors
              << " bad records; giving up (raise --max-errors to read on)\n";
        report_.stopped = true;
        cut = c.error_out_begin[i];  // write up to this record, not its line
        for (uint32_t k = 0; k < c.entries.size(); ++k) {
          if (c.entries[k].error == static_cast<int32_t>(i)) stop_entry = k;
        }
        break;
      }
      diag_ << c.file->name << ':' << e.line << ':' << e.column << ": error: "
            << (e.field.empty() ? "" : "field '" + e.field + "': ") << e.message << " [" << e.code << "]\n";
    }
    size_t pos = 0;
    int64_t settled_counts[kOutcomeCount] = {};
    for (const auto& [offset, index] : c.pending) {
      if (index >= stop_entry) break;
      if (!Put(c.out.data() + pos, offset - pos)) return false;
      pos = offset;
      Entry& e = c.entries[index];
      if (e.error >= 0) {
        line_.Clear();
        ctx_.format->AppendError(line_, c.file->name, c.errors[static_cast<size_t>(e.error)]);
        if (!Put(line_.data(), line_.size())) return false;
        continue;
      }
      for (uint32_t k = 0; k < e.count; ++k) {
        Finding& f = c.findings[e.first + k];
        if (f.capped) caps_.Settle(e.rec, f);
      }
      line_.Clear();
      ++settled_counts[ctx_.format->Append(line_, e.rec.id, c.findings.data() + e.first, e.count)];
      if (!Put(line_.data(), line_.size())) return false;
    }
    if (!Put(c.out.data() + pos, cut - pos)) return false;
    if (cut == c.out.size()) {
      for (int k = 0; k < kOutcomeCount; ++k) report_.counts[k] += c.counts[k] + settled_counts[k];
    } else {
      // Gave up inside the chunk: count only the records whose lines were written.
      Recount(c, cut);
    }
    Progress(false);
    return !report_.stopped;
  }

  void Progress(bool final) {
    if (!ctx_.options.progress) return;
    const double t = Since(start_);
    if (!final && t - last_progress_ < 0.25) return;
    last_progress_ = t;
    int64_t n = 0;
    for (int64_t v : report_.counts) n += v;
    const double rate = t > 0 ? static_cast<double>(n) / t : 0;
    char buf[160];
    if (final) {
      std::snprintf(buf, sizeof buf, "\r\033[K");
    } else if (total_bytes_ > 0 && read_bytes_ > 0) {
      const double frac = static_cast<double>(read_bytes_) / static_cast<double>(total_bytes_);
      const double eta = frac > 0 ? t / frac - t : 0;
      std::snprintf(buf, sizeof buf, "\r\033[K%lld records  %.0f records/s  %.0f%%  ETA %.0f s",
                    static_cast<long long>(n), rate, frac * 100, eta);
    } else {
      std::snprintf(buf, sizeof buf, "\r\033[K%lld records  %.0f records/s", static_cast<long long>(n), rate);
    }
    diag_ << buf << std::flush;
  }
  void SetBytes(uint64_t read, uint64_t total) {
    read_bytes_ = read;
    total_bytes_ = total;
  }

 private:
  bool Put(const char* p, size_t n) {
    if (n && std::fwrite(p, 1, n, out_) != n) {
      diag_ << "sancheck: error: writing the results failed: " << std::strerror(errno) << "\n";
      return false;
    }
    return true;
  }

  void Recount(const Chunk& c, size_t cut) {
    // Rare path (giving up): recount the outcomes of the entries before the cut.
    size_t error_i = 0;
    for (const Entry& e : c.entries) {
      if (e.error >= 0) {
        if (c.error_out_begin[error_i++] >= cut) break;
        ++report_.counts[kOutError];
        continue;
      }
      Verdict worst = Verdict::kPermitted;
      for (uint32_t k = 0; k < e.count; ++k) worst = std::max(worst, c.findings[e.first + k].verdict);
      const int o = e.count == 0 ? kOutNoMatch
                                 : worst == Verdict::kProhibited ? kOutProhibited
                                                                 : worst == Verdict::kReview ? kOutReview : kOutPermitted;
      ++report_.counts[o];
    }
  }

  const Context& ctx_;
  std::FILE* out_;
  CapTotals& caps_;
  BatchReport& report_;
  std::ostream& diag_;
  Clock::time_point start_;
  double last_progress_ = -1;
  int64_t errors_ = 0;
  OutBuf line_;
  uint64_t read_bytes_ = 0, total_bytes_ = 0;
};

// A fixed pool of worker threads fed with chunks; results are picked up in order by the caller.
class Pool {
 public:
  Pool(int threads, std::function<void(Chunk&, int)> work) : work_(std::move(work)) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this, i] { Loop(i); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(m_);
      closed_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void Submit(Chunk& c) {
    {
      std::lock_guard<std::mutex> lock(m_);
      c.done = false;
      queue_.push_back(&c);
    }
    cv_.notify_one();
  }
  void Wait(Chunk& c) {
    std::unique_lock<std::mutex> lock(m_);
    done_cv_.wait(lock, [&] { return c.done; });
  }

 private:
  void Loop(int id) {
    for (;;) {
      Chunk* c;
      {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        c = queue_.front();
        queue_.pop_front();
      }
      work_(*c, id);
      {
        std::lock_guard<std::mutex> lock(m_);
        c->done = true;
      }
      done_cv_.notify_all();
    }
  }

  std::function<void(Chunk&, int)> work_;
  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable cv_, done_cv_;
  std::deque<Chunk*> queue_;
  bool closed_ = false;
};

// Runs fn(i, worker) for i in [0, n) on `threads` threads.
template <typename F>
void ParallelFor(int threads, size_t n, F&& fn) {
  std::atomic<size_t> next{0};
  auto loop = [&](int w) {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i, w);
  };
  std::vector<std::thread> ts;
  for (int w = 1; w < threads; ++w) ts.emplace_back(loop, w);
  loop(0);
  for (auto& t : ts) t.join();
}

bool RunStream(Context& ctx, const std::vector<std::string>& inputs, std::FILE* out, CapTotals& caps,
               BatchReport& report, std::ostream& diag) {
  const BatchOptions& o = ctx.options;
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < o.threads; ++i) {
    workers.push_back(std::unique_ptr<Worker>(new Worker{RawRecord{}, Judge(ctx.set, *ctx.index, ctx.order, o.use_index, o.screener)}));
  }
  const bool defer_caps = true;
  Pool pool(o.threads, [&](Chunk& c, int w) {
    ParseChunk(ctx, c, workers[static_cast<size_t>(w)]->raw);
    JudgeChunk(c, workers[static_cast<size_t>(w)]->judge);
    FormatChunk(ctx, c, defer_caps);
  });
  ChunkReader reader(inputs, o, diag);
  reader.SetTotal(TotalBytes(inputs));
  Writer writer(ctx, out, caps, report, diag);
  const size_t slots = static_cast<size_t>(std::max(2, o.in_flight));
  std::vector<Chunk> chunk(slots);
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
      line_file = c.file;
      line_base = 1;
    }
    line_base += skip[write_seq % slots];
    writer.SetBytes(reader.bytes_read(), reader.bytes_total());
    ok = writer.Write(c, line_base);
    line_base += c.lines;
    ++write_seq;
  }
  // Chunks still in flight after giving up are waited for before the pool goes.
  for (; write_seq < read_seq; ++write_seq) pool.Wait(chunk[write_seq % slots]);
  writer.Progress(true);
  return ok && !reader.failed();
}

bool RunPreload(Context& ctx, const std::vector<std::string>& inputs, std::FILE* out, CapTotals& caps,
                BatchReport& report, std::ostream& diag) {
  const BatchOptions& o = ctx.options;
  // Parse: read every input whole, cut it into chunks at record boundaries, parse them in parallel.
  auto t0 = Clock::now();
  BatchOptions whole = o;
  whole.chunk_bytes = size_t{64} << 20;  // read in large pieces, kept whole, then cut for the threads
  std::vector<std::unique_ptr<Chunk>> files;
  ChunkReader reader(inputs, whole, diag);
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
        if (pos + len < big->size) {
          const size_t b = ChunkReader::LastBoundary(big->data + pos, len, big->file->csv);
          if (b > 0) len = b;
          else len = big->size - pos;  // a record longer than a chunk: take the rest
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

  // Evaluate: judge every record into in-memory findings, then settle caps in input order.
  auto t1 = Clock::now();
  std::vector<std::unique_ptr<Judge>> judges;
  for (int i = 0; i < o.threads; ++i) judges.emplace_back(new Judge(ctx.set, *ctx.index, ctx.order, o.use_index, o.screener));
  ParallelFor(o.threads, chunks.size(), [&](size_t i, int w) { JudgeChunk(*chunks[i], *judges[static_cast<size_t>(w)]); });
  for (auto& c : chunks) {
    for (Entry& e : c->entries) {
      if (!e.capped) continue;
      for (uint32_t k = 0; k < e.count; ++k) {
        Finding& f = c->findings[e.first + k];
        if (f.capped) caps.Settle(e.rec, f);
      }
    }
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
      line_file = c.file;
      line_base = 1;
    }
    line_base += skips[i];
    ok = writer.Write(c, line_base);
    line_base += c.lines;
  }
  report.write_s = Since(t2);
  return ok;
}

}  // namespace

bool RunBatch(const rules::RuleSet& set, const BatchOptions& options, const std::vector<std::string>& inputs,
              const std::string& output, BatchReport& report, std::ostream& diag) {
  Context ctx{set, options, {}, nullptr, nullptr, nullptr};
  // Rules are evaluated (and listed) in the order of the ids they are written with.
  for (uint32_t i = 0; i < set.rules.size(); ++i) ctx.order.push_back(i);
  std::stable_sort(ctx.order.begin(), ctx.order.end(), [&](uint32_t a, uint32_t b) {
    return ResultFormat::OutputId(set.rules[a], options.output.short_ids) <
           ResultFormat::OutputId(set.rules[b], options.output.short_ids);
  });
  ctx.index = std::make_unique<RuleIndex>(set, ctx.order);
  ctx.tags = std::make_unique<TagLookup>(set.tags);
  ctx.format = std::make_unique<ResultFormat>(set, ctx.order, options.output);
  report.index = ctx.index->stats();

  CapTotals caps(set, ctx.order);
  // Held (locked) until the run ends, so concurrent runs on one ledger take turns.
  LedgerFile ledger;
  if (!options.ledger_path.empty()) {
    Diagnostics diags;
    LedgerTotals carried;
    if (!ledger.Open(options.ledger_path, carried, diags)) {
      diag << diags.RenderAll();
      return false;
    }
    caps.AddTotals(carried);
  }
  std::FILE* out = stdout;
  if (!output.empty() && output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      diag << "sancheck: error: " << output << ": " << std::strerror(errno) << "\n";
      return false;
    }
  }
  static char out_buffer[1 << 20];
  std::setvbuf(out, out_buffer, _IOFBF, sizeof out_buffer);
  const std::vector<std::string> in = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  bool ok = options.preload ? RunPreload(ctx, in, out, caps, report, diag) : RunStream(ctx, in, out, caps, report, diag);
  if (std::fflush(out) != 0) {
    diag << "sancheck: error: writing the results failed: " << std::strerror(errno) << "\n";
    ok = false;
  }
  if (out != stdout) std::fclose(out);
  for (int64_t v : report.counts) report.records += v;
  report.caps_settled = caps.settled();
  report.caps_out_of_order = caps.out_of_order();
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
