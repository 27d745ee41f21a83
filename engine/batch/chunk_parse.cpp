// ParseChunk: a chunk's lines (or CSV records) through the reader and CheckRecord, into entries and positioned errors.
#include "batch/chunk_parse.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "batch/csv_reader.hpp"
#include "batch/jsonl_reader.hpp"
#include "batch/line_map.hpp"

namespace sancheck::batch {
namespace {

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

}  // namespace

void ParseChunk(const Context& ctx, Chunk& c, RawRecord& raw, const CapGate* gate, CapGate::Local* local) {
  c.errors.clear();
  // The entries of the chunk's last use are reused, not built anew: CheckRecord sets each
  // value, and zeroing a whole entry per record is a slow string instruction.
  size_t used = 0;
  auto next_entry = [&](int64_t line) -> Entry& {
    if (used == c.entries.size()) c.entries.emplace_back();
    Entry& e = c.entries[used++];
    e.line = line;
    e.error = -1;
    e.first = e.count = 0;
    e.capped = false;
    e.gated_out = false;
    return e;
  };
  char* p = c.data;
  char* const end = c.data + c.size;
  const bool csv = c.file->csv;
  int64_t line = 0;
  RecordError err;
  LineMap map;
  const bool mapped = LineMap::Wide();
  const bool countries_first = gate && !csv && gate->reads_countries_first();
  while (p < end) {
    if (countries_first) {
      // The collecting pass: most lines' first bytes already say that no capped rule can meet
      // them, before the line is mapped or read. Each still has its entry: the passes number
      // records alike.
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
      char* const line_end = nl ? static_cast<char*>(const_cast<void*>(nl)) : end;
      if (static_cast<size_t>(line_end - p) <= ctx.options.max_record_bytes &&
          gate->SurelyOut(std::string_view(p, static_cast<size_t>(line_end - p)))) {
        next_entry(line).gated_out = true;
        ++line;
        p = line_end < end ? line_end + 1 : end;
        continue;
      }
    }
    char* rec_end;
    int64_t breaks = 1;
    if (csv) {
      rec_end = const_cast<char*>(CsvRecordEnd(p, end));
      breaks = 1 + CountLines(p, rec_end);
    } else if (mapped) {
      rec_end = const_cast<char*>(map.Build(p, end));  // the line's end, found while mapping it
    } else {
      const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
      rec_end = nl ? static_cast<char*>(const_cast<void*>(nl)) : end;
    }
    if (static_cast<size_t>(rec_end - p) > ctx.options.max_record_bytes) {
      // Only the first bytes of such a record were kept (ChunkReader::SkipLongRecord).
      Entry& e = next_entry(line);
      err.line = line;
      err.column = static_cast<int>(std::min<size_t>(ctx.options.max_record_bytes, INT32_MAX)) + 1;
      err.code = "batch.record_too_long";
      err.message = "record longer than " + std::to_string(ctx.options.max_record_bytes) +
                    " bytes (raise --max-record-bytes to read it)";
      e.error = static_cast<int32_t>(c.errors.size());
      c.errors.push_back(std::move(err));
      err = RecordError{};
    } else if (!IsBlankLine(p, rec_end)) {
      Entry& e = next_entry(line);
      int line_off = 0;
      bool ok = csv ? ParseCsvRecord(p, rec_end, c.file->header, raw, err, line_off)
                    : mapped ? ParseJsonLine(p, rec_end, map, raw, err) : ScanJsonLine(p, rec_end, raw, err);
      if (ok && gate && !gate->MayMeet(raw, *ctx.tags, *local)) {
        e.gated_out = true;
      } else if (ok) {
        ok = CheckRecord(raw, *ctx.tags, e.rec, err, ctx.needs);
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
        err = RecordError{};
      }
    }
    line += breaks;
    p = rec_end < end ? rec_end + 1 : end;
  }
  c.entries.resize(used);
  c.lines = line + c.skipped_lines;
}

}  // namespace sancheck::batch
