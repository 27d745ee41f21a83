// Fuzz target for the batch record readers (JSONL and CSV), with a replay main for builds without libFuzzer.
//
// With clang: clang++ -fsanitize=fuzzer,address -DSANCHECK_LIBFUZZER ... reader_fuzz.cpp
// With g++ (ctest): sancheck_reader_fuzz FILE_OR_DIR... runs every corpus file once.
// The first byte picks the reader (even: JSONL, odd: CSV with the first line as header); the rest
// is the input. Every line must be read or rejected with a positioned error, never crash; a JSONL
// line must read the same on the fast path and the strict scanner (CrossCheckJsonLine), and a
// record whose line gives LeadingCountries (what the caps gate leaves out by) has those countries.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "batch/cap_gate.hpp"
#include "batch/csv_reader.hpp"
#include "jsonl_crosscheck.hpp"
#include "batch/jsonl_reader.hpp"
#include "batch/record.hpp"
#include "batch/result_format.hpp"
#include "expr/tags.hpp"

namespace {

using namespace sancheck;
using namespace sancheck::batch;

void Check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "reader_fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

// A judged or rejected record: views stay inside the buffer, errors carry a position.
void Inspect(bool ok, const RawRecord& raw, const TagLookup& tags, const RecordError& err, const char* begin,
           const char* end) {
  if (!ok) {
    Check(!err.message.empty() && !err.code.empty(), "an error has a message and a code");
    Check(err.column >= 1, "an error has a column");
    return;
  }
  for (int i = 0; i < kFieldCount; ++i) {
    if (!raw.present[i] || raw.text[i].empty()) continue;  // tags have no text of their own
    Check(raw.text[i].data() >= begin && raw.text[i].data() + raw.text[i].size() <= end, "a field views the buffer");
  }
  Record rec;
  RecordError check_err;
  if (CheckRecord(raw, tags, rec, check_err)) {
    const std::string line = JsonString(rec.id);
    Check(line.size() >= rec.id.size() + 2, "ids are written as strings");
  } else {
    Check(!check_err.field.empty(), "a value error names its field");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const expr::TagRegistry registry;
  static const TagLookup tags(registry);
  const bool csv = data[0] & 1;
  std::vector<char> buf(data + 1, data + size);
  char* p = buf.data();
  char* const end = buf.data() + buf.size();
  RawRecord raw;
  RecordError err;
  if (!csv) {
    while (p < end) {
      char* nl = static_cast<char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      char* le = nl ? nl : end;
      if (!IsBlankLine(p, le)) {
        const CrossCheck both = CrossCheckJsonLine(std::string_view(p, static_cast<size_t>(le - p)), tags);
        if (!both.mismatch.empty()) std::fprintf(stderr, "reader_fuzz: %s\n", both.mismatch.c_str());
        Check(both.mismatch.empty(), "the fast path and the strict scanner read a line the same");
        uint16_t from = 0, to = 0;
        const bool leading = LeadingCountries(std::string_view(p, static_cast<size_t>(le - p)), from, to);
        err = RecordError{};
        const bool ok = ParseJsonLine(p, le, raw, err);
        Inspect(ok, raw, tags, err, p, le);
        Record rec;
        RecordError check_err;
        if (leading && ok && CheckRecord(raw, tags, rec, check_err)) {
          Check(rec.from.known && rec.from.value.code == from && rec.to.known && rec.to.value.code == to,
                "a record has the countries its line's first bytes give");
        }
      }
      p = le < end ? le + 1 : end;
    }
    return 0;
  }
  const char* he = CsvRecordEnd(p, end);
  CsvHeader header;
  if (!ParseCsvHeader(p, const_cast<char*>(he), header, err)) return 0;
  p = const_cast<char*>(he) < end ? const_cast<char*>(he) + 1 : end;
  while (p < end) {
    char* re = const_cast<char*>(CsvRecordEnd(p, end));
    Check(re >= p && re <= end, "a record ends inside the buffer");
    if (!IsBlankLine(p, re)) {
      err = RecordError{};
      int line_off = 0;
      const bool ok = ParseCsvRecord(p, re, header, raw, err, line_off);
      Inspect(ok, raw, tags, err, p, re);
    }
    p = re < end ? re + 1 : end;
  }
  return 0;
}

#ifndef SANCHECK_LIBFUZZER
// Replays corpus files (or every file of corpus folders), for builds without libFuzzer.
int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::vector<fs::path> files;
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i])) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else {
      files.emplace_back(argv[i]);
    }
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << "reader_fuzz: cannot read " << f << "\n";
        return 2;
      }
      std::stringstream s;
      s << in.rdbuf();
      const std::string bytes = s.str();
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      // Each input is also replayed as the other format: one corpus serves both readers.
      std::string flipped = bytes;
      if (!flipped.empty()) flipped[0] = static_cast<char>(flipped[0] ^ 1);
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(flipped.data()), flipped.size());
      runs += 2;
    }
  }
  std::cout << "reader_fuzz: " << runs << " inputs replayed\n";
  return runs > 0 ? 0 : 2;
}
#endif
