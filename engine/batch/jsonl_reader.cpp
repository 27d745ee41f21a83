// JSONL reader: the fast path for common lines, else a strict scanner that unescapes in place and positions every error.
#include "batch/jsonl_reader.hpp"

#include <cstring>

#include "batch/json_text.hpp"
#include "batch/jsonl_fast.hpp"
#include "common/utf8.hpp"

namespace sancheck::batch {
namespace {

constexpr int kMaxDepth = 64;  // nesting inside skipped values; deeper input is rejected, not recursed

class Scanner {
 public:
  /// Scans [begin, end); columns count from `line_start`.
  Scanner(char* begin, char* end, char* line_start, RecordError& err)
      : p_(begin), end_(end), begin_(line_start), err_(err) {}

  // `rec` is clear (ScanJsonLine clears it before anything can fail).
  bool Record(RawRecord& rec) {
    SkipSpace();
    if (!Expect('{', "a record must be a JSON object")) return false;
    SkipSpace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return End();
    }
    uint32_t seen = 0;  // known fields already read (one bit per FieldKey)
    for (;;) {
      SkipSpace();
      std::string_view key;
      char* const key_at = p_;
      if (!String(key, "expected a key (a string in double quotes)")) return false;
      // With a duplicate key one value would silently win: "hs":"930690",...,"hs":"100199".
      const FieldKey field = FieldByName(key);
      bool duplicate = false;
      if (field != FieldKey::kCount) {
        duplicate = (seen >> static_cast<int>(field)) & 1;
        seen |= 1u << static_cast<int>(field);
      } else {
        if (const std::string problem = UnreadKeyProblem(key); !problem.empty()) {
          p_ = key_at;
          field_ = {};
          return Fail("batch.unknown_key", "unknown key '" + std::string(key) + "' (" + problem + ")");
        }
        for (std::string_view k : rec.other_keys) duplicate = duplicate || k == key;
        rec.other_keys.push_back(key);
      }
      if (duplicate) {
        p_ = key_at;
        field_ = {};
        return Fail("batch.duplicate_key", "duplicate key '" + std::string(key) + "' (each key appears once in a record)");
      }
      SkipSpace();
      if (!Expect(':', "expected ':' after the key")) return false;
      SkipSpace();
      if (!Member(field, rec)) return false;
      SkipSpace();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      if (!Expect('}', "expected ',' or '}' after a value")) return false;
      return End();
    }
  }

 private:
  char* p_;
  char* end_;
  char* begin_;
  RecordError& err_;
  std::string_view field_;

  int Column() const { return static_cast<int>(p_ - begin_) + 1; }

  // Out of line and cold, so that the scanning functions around it stay small enough to inline.
  [[gnu::noinline, gnu::cold]] bool Fail(std::string_view code, std::string message) {
    err_.column = Column();
    err_.field = std::string(field_);
    err_.code = std::string(code);
    err_.message = std::move(message);
    return false;
  }

  void SkipSpace() {
    while (p_ < end_ && IsJsonSpace(*p_)) ++p_;
  }

  bool Expect(char c, const char* message) {
    if (p_ < end_ && *p_ == c) [[likely]] {
      ++p_;
      return true;
    }
    return FailExpect(message);
  }

  [[gnu::noinline, gnu::cold]] bool FailExpect(const char* message) {
    return Fail("batch.bad_json", p_ >= end_ ? std::string(message) + " (the line ends)" : std::string(message));
  }

  bool End() {
    SkipSpace();
    if (p_ != end_) return Fail("batch.bad_json", "text after the end of the record");
    return true;
  }

  // A string at p_ (which must be '"'); unescapes in place.
  bool String(std::string_view& out, const char* what) {
    if (p_ >= end_ || *p_ != '"') return Fail("batch.bad_json", what);
    char* start = ++p_;
    char* stop = FindStringStop(p_, end_);
    if (stop < end_ && *stop == '"') {
      out = std::string_view(start, static_cast<size_t>(stop - start));
      p_ = stop + 1;
      return true;
    }
    const Unescaped u = UnescapeString<true>(stop, end_, stop);
    p_ = u.next;
    if (u.error) return Fail("batch.bad_json", u.error);
    out = std::string_view(start, static_cast<size_t>(u.end - start));
    return true;
  }

  bool Number(std::string_view& out) {
    const NumberScan n = ScanJsonNumber(p_, end_);
    if (n.error) {
      p_ = n.end;
      return Fail("batch.bad_json", n.error);
    }
    out = std::string_view(p_, static_cast<size_t>(n.end - p_));
    p_ = n.end;
    return true;
  }

  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0) {
      return Fail("batch.bad_json", "expected a value");
    }
    p_ += word.size();
    return true;
  }

  bool IsNull() { return static_cast<size_t>(end_ - p_) >= 4 && std::memcmp(p_, "null", 4) == 0; }

  bool Skip(int depth) {
    if (depth > kMaxDepth) return Fail("batch.bad_json", "values nested too deeply");
    if (p_ >= end_) return Fail("batch.bad_json", "expected a value (the line ends)");
    std::string_view ignored;
    switch (*p_) {
      case '"': return String(ignored, "expected a string");
      case 't': return Literal("true");
      case 'f': return Literal("false");
      case 'n': return Literal("null");
      case '{':
      case '[': {
        const bool object = *p_ == '{';
        const char close = object ? '}' : ']';
        ++p_;
        SkipSpace();
        if (p_ < end_ && *p_ == close) {
          ++p_;
          return true;
        }
        for (;;) {
          SkipSpace();
          if (object) {
            if (!String(ignored, "expected a key (a string in double quotes)")) return false;
            SkipSpace();
            if (!Expect(':', "expected ':' after the key")) return false;
            SkipSpace();
          }
          if (!Skip(depth + 1)) return false;
          SkipSpace();
          if (p_ < end_ && *p_ == ',') {
            ++p_;
            continue;
          }
          return Expect(close, object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
      }
      default: return Number(ignored);
    }
  }

  bool Member(FieldKey key, RawRecord& rec) {
    if (key == FieldKey::kCount) {
      field_ = {};
      return Skip(0);
    }
    field_ = FieldName(key);
    const int col = Column();
    if (IsNull()) {
      p_ += 4;
      rec.present[static_cast<int>(key)] = false;
      if (key == FieldKey::kTags) rec.tags.clear();
      return true;
    }
    std::string_view v;
    switch (key) {
      case FieldKey::kQuantity:
      case FieldKey::kValueUsd:
        if (p_ < end_ && *p_ == '"') return Fail("batch.wrong_type", "expected a number, found a string");
        if (p_ < end_ && (*p_ == '{' || *p_ == '[' || *p_ == 't' || *p_ == 'f')) {
          return Fail("batch.wrong_type", "expected a number");
        }
        if (!Number(v)) return false;
        rec.Set(key, v, col);
        return true;
      case FieldKey::kTags: return Tags(rec, col);
      default:
        if (p_ >= end_ || *p_ != '"') {
          if (p_ < end_ && (*p_ == '-' || (*p_ >= '0' && *p_ <= '9') || *p_ == '{' || *p_ == '[' || *p_ == 't' || *p_ == 'f')) {
            return Fail("batch.wrong_type", "expected a string");
          }
          return Fail("batch.bad_json", "expected a value");
        }
        if (!String(v, "expected a string")) return false;
        rec.Set(key, v, col);
        return true;
    }
  }

  bool Tags(RawRecord& rec, int col) {
    rec.tags.clear();
    if (p_ >= end_ || *p_ != '[') return Fail("batch.wrong_type", "expected a list of strings");
    ++p_;
    SkipSpace();
    rec.Set(FieldKey::kTags, {}, col);
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    for (;;) {
      SkipSpace();
      std::string_view t;
      if (p_ < end_ && *p_ != '"') return Fail("batch.wrong_type", "tags must be strings");
      if (!String(t, "expected a string")) return false;
      rec.tags.push_back(t);
      SkipSpace();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        continue;
      }
      return Expect(']', "expected ',' or ']'");
    }
  }
};

}  // namespace

bool ParseJsonLine(char* begin, char* end, RawRecord& rec, RecordError& err) {
  LineMap map;
  // A '\n' inside [begin, end) ends the map early: only the strict scanner reads such a line.
  if (map.Build(begin, end) != end) return ScanJsonLine(begin, end, rec, err);
  return ParseJsonLine(begin, end, map, rec, err);
}

bool ParseJsonLine(char* begin, char* end, const LineMap& map, RawRecord& rec, RecordError& err) {
  return ReadCommonJsonLine(begin, end, map, rec) || ScanJsonLine(begin, end, rec, err);
}

bool ScanJsonLine(char* begin, char* end, RawRecord& rec, RecordError& err) {
  // Cleared first, as the CSV reader does: a line rejected for a NUL byte has no id, not the id
  // of the record read before it.
  rec.Clear();
  // A byte order mark is accepted where a record starts (editors add one to the first line).
  char* start = begin;
  const size_t bom = kUtf8Bom.size();
  if (static_cast<size_t>(end - begin) >= bom && std::memcmp(begin, kUtf8Bom.data(), bom) == 0) start += bom;
  // (memchr with a null pointer is undefined even for 0 bytes.)
  if (const void* nul = start < end ? std::memchr(start, '\0', static_cast<size_t>(end - start)) : nullptr) {
    // Named as such: a NUL would otherwise read as a stray control character or a syntax error.
    err.column = static_cast<int>(static_cast<const char*>(nul) - begin) + 1;
    err.code = "batch.bad_json";
    err.message = "NUL byte (the file must be UTF-8 text)";
    return false;
  }
  Scanner s(start, end, begin, err);
  return s.Record(rec);
}

bool IsBlankLine(const char* begin, const char* end) {
  for (const char* p = begin; p < end; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\r') return false;
  }
  return true;
}

}  // namespace sancheck::batch
