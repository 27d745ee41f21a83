// Chunk: a piece of the batch input that ends at a record boundary, with its records, findings and output.
#pragma once

#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "batch/csv_reader.hpp"
#include "batch/judge.hpp"
#include "batch/record.hpp"
#include "batch/result_format.hpp"

namespace sancheck::batch {

// The most one record may make the reader hold, whatever the input: the file-level bound
// (a record-length limit of the record readers may be lower).
constexpr size_t kMaxRecordRead = size_t{64} << 20;

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
  bool gated_out = false;  ///< the collecting pass's gate: no capped rule can meet it (not checked, not judged)
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
  std::exception_ptr error;  ///< what its work threw (Pool::Wait rethrows it on the caller's thread)
};

}  // namespace sancheck::batch
