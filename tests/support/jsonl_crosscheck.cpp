// CrossCheckJsonLine: one line through the fast path, the strict scanner and ParseJsonLine, then through CheckRecord, compared field by field.
#include "jsonl_crosscheck.hpp"

#include "batch/jsonl_fast.hpp"
#include "batch/jsonl_reader.hpp"
#include "batch/record.hpp"

namespace sancheck::batch {
namespace {

// A line read into a buffer of its own, which the reader may unescape in place.
struct Reading {
  std::string buffer;
  RawRecord raw;
  RecordError err;
  bool ok = false;
  explicit Reading(std::string_view line) : buffer(line) {}
  char* begin() { return buffer.data(); }
  char* end() { return buffer.data() + buffer.size(); }
};

// The first difference between two records read from the same line, or "".
std::string RecordDifference(const RawRecord& a, const RawRecord& b) {
  for (int i = 0; i < kFieldCount; ++i) {
    const std::string name(kFieldNames[i]);
    if (a.present[i] != b.present[i]) return name + ": present on one path only";
    if (!a.present[i]) continue;
    if (a.text[i] != b.text[i]) return name + ": '" + std::string(a.text[i]) + "' against '" + std::string(b.text[i]) + "'";
    if (a.column[i] != b.column[i]) return name + ": column " + std::to_string(a.column[i]) + " against " + std::to_string(b.column[i]);
    if (a.line_offset[i] != b.line_offset[i]) return name + ": line offsets differ";
  }
  if (a.tags != b.tags) return "tags differ";
  if (a.other_keys != b.other_keys) return "skipped keys differ";
  return "";
}

std::string ErrorDifference(const RecordError& a, const RecordError& b) {
  if (a.column != b.column || a.field != b.field || a.code != b.code || a.message != b.message) {
    return "errors differ: " + std::to_string(a.column) + " " + a.code + " '" + a.message + "' against " +
           std::to_string(b.column) + " " + b.code + " '" + b.message + "'";
  }
  return "";
}

template <class T>
bool SameKnown(const expr::Known<T>& a, const expr::Known<T>& b) {
  return a.known == b.known && (!a.known || a.value == b.value);
}

// The first difference between two checked records (numbers only where both were converted), or "".
std::string CheckedDifference(const Record& a, const Record& b) {
  if (a.id != b.id || a.from_name != b.from_name || a.to_name != b.to_name) return "checked texts differ";
  if (a.date != b.date || !SameKnown(a.from, b.from) || !SameKnown(a.to, b.to)) return "checked date or countries differ";
  if (!SameKnown(a.hs, b.hs) || a.hs_lo != b.hs_lo || a.hs_hi != b.hs_hi) return "checked HS codes differ";
  if (a.tags != b.tags || !SameKnown(a.unit, b.unit)) return "checked tags or units differ";
  if (a.quantity.known && b.quantity.known && a.quantity.value != b.quantity.value) return "quantities differ";
  if (a.value_usd.known && b.value_usd.known && a.value_usd.value != b.value_usd.value) return "values differ";
  return "";
}

// CheckRecord on `raw` and on `other` (the same line read another way), converting every number,
// and on `raw` with no number converted: one outcome, one error.
std::string CheckDifference(const RawRecord& raw, const RawRecord& other, const TagLookup& tags) {
  Record a, b, lazy;
  RecordError ea, eb, el;
  const bool ok_a = CheckRecord(raw, tags, a, ea);
  const bool ok_b = CheckRecord(other, tags, b, eb);
  const bool ok_lazy = CheckRecord(raw, tags, lazy, el, RecordNeeds{false, false});
  if (ok_a != ok_b || ok_a != ok_lazy) return "CheckRecord accepts on one path only";
  if (!ok_a) {
    std::string d = ErrorDifference(ea, eb);
    return d.empty() ? ErrorDifference(ea, el) : d;
  }
  std::string d = CheckedDifference(a, b);
  return d.empty() ? CheckedDifference(a, lazy) : d;
}

// The fast path's hint is a promise: no byte past ASCII in any text it read.
bool AsciiAsSaid(const RawRecord& raw) {
  auto ascii = [](std::string_view s) {
    for (const char c : s) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
  };
  if (!raw.ascii) return true;
  for (int i = 0; i < kFieldCount; ++i) {
    if (raw.present[i] && !ascii(raw.text[i])) return false;
  }
  for (std::string_view t : raw.tags) {
    if (!ascii(t)) return false;
  }
  return true;
}

}  // namespace

CrossCheck CrossCheckJsonLine(std::string_view line, const TagLookup& tags) {
  CrossCheck out;
  Reading fast(line), strict(line), both(line);
  LineMap map;
  const bool one_line = map.Build(fast.begin(), fast.end()) == fast.end();
  out.fast = one_line && ReadCommonJsonLine(fast.begin(), fast.end(), map, fast.raw);
  strict.ok = ScanJsonLine(strict.begin(), strict.end(), strict.raw, strict.err);
  both.ok = ParseJsonLine(both.begin(), both.end(), both.raw, both.err);
  out.read = both.ok;
  if (!out.fast && fast.buffer != line) {
    out.mismatch = "the fast path wrote to a line it declined";
  } else if (out.fast && !strict.ok) {
    out.mismatch = "the fast path read a line the scanner rejects: " + strict.err.message;
  } else if (!AsciiAsSaid(fast.raw)) {
    out.mismatch = "the fast path called a record with a byte past ASCII all ASCII";
  } else if (out.fast && !(out.mismatch = RecordDifference(fast.raw, strict.raw)).empty()) {
    out.mismatch = "fast path against scanner: " + out.mismatch;
  } else if (both.ok != strict.ok) {
    out.mismatch = "ParseJsonLine and the scanner disagree on reading the line";
  } else if (!both.ok) {
    out.mismatch = ErrorDifference(both.err, strict.err);
  } else if (!(out.mismatch = RecordDifference(both.raw, strict.raw)).empty()) {
    out.mismatch = "ParseJsonLine against scanner: " + out.mismatch;
  } else {
    out.mismatch = CheckDifference(both.raw, strict.raw, tags);
  }
  return out;
}

}  // namespace sancheck::batch
