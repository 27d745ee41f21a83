// ChunkReader: reads batch inputs in chunks that end at record boundaries, bounded per record, never across files.
#pragma once

#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "batch/chunk.hpp"
#include "batch/pipeline.hpp"
#include "common/visible.hpp"

namespace sancheck::batch {

// An over-long record is skipped up to this many times the record limit; past that the input is not records.
constexpr size_t kMaxSkipFactor = 64;

// Reads inputs chunk by chunk; a chunk ends at a record boundary and never spans files.
class ChunkReader {
 public:
  /// `spooled[i]`, when set, holds a copy of input i that could not be read twice (standard
  /// input, a pipe): it is read from the start instead, under the input's own name.
  ChunkReader(const std::vector<std::string>& inputs, const BatchOptions& options, std::ostream& diag,
              const std::vector<std::FILE*>& spooled = {})
      : inputs_(inputs), options_(options), diag_(diag), spooled_(spooled) {}
  ~ChunkReader() { Close(); }

  /// Fills `c`; false at the end of the inputs or on an error (failed() tells).
  bool Next(Chunk& c) {
    for (;;) {
      if (!in_) {
        if (next_input_ == inputs_.size()) return false;
        if (!Open(next_input_)) return false;
        ++next_input_;
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
            if (TooLong(size)) return false;
            c.own.Grow(c.own.size() * 2, size);
            continue;
          }
          RecordError err;
          char* hend = const_cast<char*>(he);
          if (hend > c.own.data() && hend[-1] == '\r') --hend;
          if (!ParseCsvHeader(c.own.data(), hend, files_.back()->header, err)) {
            diag_ << Visible(files_.back()->name) << ":1:" << err.column << ": error: " << Visible(err.message) << " ["
                  << err.code << "]\n";
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
        if (TooLong(size)) return false;
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

  // Reads up to `cap` bytes into `dst`, setting `eof` at the end; false (said on diag) on a read error.
  bool ReadSome(char* dst, size_t cap, size_t& n, bool& eof) {
    n = std::fread(dst, 1, cap, in_);
    bytes_read_ += n;
    if (n == 0) {
      if (std::ferror(in_)) {
        diag_ << "sancheck: error: " << Visible(files_.back()->name) << ": read error\n";
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
        diag_ << "sancheck: error: " << Visible(files_.back()->name) << ": a record runs on past " << skipped
              << " bytes without ending; stopped reading (is it a JSONL or CSV file?)\n";
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

  // Input without a record end within kMaxRecordRead bytes (/dev/zero, a binary
  // file) is not read on: the buffer would otherwise grow without bound.
  bool TooLong(size_t size) {
    if (size < kMaxRecordRead) return false;
    diag_ << Visible(files_.back()->name) << ": error: no record ends within the first "
          << (kMaxRecordRead >> 20) << " MiB read; reading stopped [batch.record_too_long]\n";
    failed_ = true;
    return true;
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
  bool Open(size_t input) {
    const std::string& path = inputs_[input];
    auto f = std::make_unique<InputFile>();
    f->name = path;
    f->csv = IsCsv(path, options_.format);
    in_spool_ = input < spooled_.size() && spooled_[input];
    if (in_spool_) {
      in_ = spooled_[input];
      std::rewind(in_);
    } else if (path == "-") {
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
    if (in_ && in_ != stdin && !in_spool_) std::fclose(in_);
    in_ = nullptr;
  }

  const std::vector<std::string>& inputs_;
  const BatchOptions& options_;
  std::ostream& diag_;
  size_t next_input_ = 0;
  std::FILE* in_ = nullptr;
  std::vector<std::FILE*> spooled_;  ///< a copy: the caller's streams, not their list, must outlive the reader
  bool in_spool_ = false;  ///< in_ belongs to the caller
  std::vector<char> carry_;
  std::deque<std::unique_ptr<InputFile>> files_;
  bool header_pending_ = false;
  bool failed_ = false;
  uint64_t bytes_read_ = 0, bytes_total_ = 0;
  int64_t line_skip_ = 0;

 public:
  void SetTotal(uint64_t t) { bytes_total_ = t; }
};

inline uint64_t TotalBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const auto& p : inputs) {
    struct stat st {};
    if (p == "-" || ::stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    total += static_cast<uint64_t>(st.st_size);
  }
  return total;
}

}  // namespace sancheck::batch
