// Writer and CapCollector: the stages that take chunks in input order — results out, or capped deliveries collected.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <string>

#include "batch/cap_totals.hpp"
#include "batch/chunk.hpp"
#include "batch/pipeline_context.hpp"
#include "common/visible.hpp"

namespace sancheck::batch {

// Writes chunks in input order: settles caps, prints positioned errors, counts, shows progress.
class Writer {
 public:
  Writer(const Context& ctx, std::FILE* out, const CapTotals& caps, BatchReport& report, std::ostream& diag)
      : ctx_(ctx), out_(out), caps_(caps), report_(report), diag_(diag), start_(Clock::now()) {}
  static constexpr bool kFormats = true;  ///< workers format result lines for it

  /// False when writing failed or the run gave up on errors (stop reading).
  bool Write(Chunk& c, int64_t line_base) {
    // Errors first: they decide how much of the chunk is written.
    size_t cut = c.out.size();
    uint32_t stop_entry = static_cast<uint32_t>(c.entries.size());
    // The chunk's messages are written at once: standard error writes each piece given it
    // (unit-buffered), a system call each: the benchmark's 14,091 bad records made 140,969.
    // A progress line showing is cleared first, so that a message starts its own line.
    messages_ = progress_shown_ ? "\r\033[K" : "";
    const size_t cleared = messages_.size();
    for (size_t i = 0; i < c.errors.size(); ++i) {
      RecordError& e = c.errors[i];
      e.line += line_base;
      ++errors_;
      if (ctx_.options.max_errors >= 0 && errors_ > ctx_.options.max_errors) {
        messages_ += "sancheck: error: more than " + std::to_string(ctx_.options.max_errors) +
                     " bad records; giving up (raise --max-errors to read on)\n";
        report_.stopped = true;
        cut = c.error_out_begin[i];  // write up to this record, not its line
        for (uint32_t k = 0; k < c.entries.size(); ++k) {
          if (c.entries[k].error == static_cast<int32_t>(i)) stop_entry = k;
        }
        break;
      }
      // The message quotes the record's bytes: shown escaped, never obeyed by the terminal.
      messages_ += Visible(c.file->name) + ':' + std::to_string(e.line) + ':' + std::to_string(e.column) + ": error: " +
                   Visible((e.field.empty() ? "" : "field '" + e.field + "': ") + e.message) + " [" + e.code + "]\n";
    }
    if (messages_.size() > cleared) {
      diag_.write(messages_.data(), static_cast<std::streamsize>(messages_.size()));
      progress_shown_ = false;
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
        if (f.capped) caps_.Apply(ordinal_ + index, f);
      }
      line_.Clear();
      ++settled_counts[ctx_.format->Append(line_, e.rec.id, e.rec.date, c.findings.data() + e.first, e.count)];
      if (!Put(line_.data(), line_.size())) return false;
    }
    if (!Put(c.out.data() + pos, cut - pos)) return false;
    ordinal_ += c.entries.size();
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
    progress_shown_ = !final;
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
  const CapTotals& caps_;
  uint64_t ordinal_ = 0;  ///< position of the chunk's first record among the run's records
  BatchReport& report_;
  std::ostream& diag_;
  std::string messages_;  ///< a chunk's messages, written together
  Clock::time_point start_;
  double last_progress_ = -1;
  bool progress_shown_ = false;  ///< a progress line is on the terminal (no newline after it)
  int64_t errors_ = 0;
  OutBuf line_;
  uint64_t read_bytes_ = 0, total_bytes_ = 0;
};

// The collecting pass over the records: every capped delivery, by its record's position in the run,
// so that caps can be counted in date order before any result is written.
class CapCollector {
 public:
  explicit CapCollector(CapTotals& caps) : caps_(caps) {}
  static constexpr bool kFormats = false;  ///< no result lines: only the findings matter
  bool Write(Chunk& c, int64_t /*line_base*/) {
    for (size_t i = 0; i < c.entries.size(); ++i) {
      const Entry& e = c.entries[i];
      if (e.error >= 0 || !e.capped) continue;
      for (uint32_t k = 0; k < e.count; ++k) {
        const Finding& f = c.findings[e.first + k];
        if (f.capped) caps_.Collect(ordinal_ + i, e.rec, f);
      }
    }
    ordinal_ += c.entries.size();
    return true;
  }
  void SetBytes(uint64_t, uint64_t) {}
  void Progress(bool) {}

 private:
  CapTotals& caps_;
  uint64_t ordinal_ = 0;
};

}  // namespace sancheck::batch
