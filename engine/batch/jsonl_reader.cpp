// JSONL reader: the fast path for common lines, else a strict scanner that unescapes in place and positions every error.
#include "batch/jsonl_reader.hpp"

#include <cstring>

#include "batch/json_number.hpp"
#include "batch/jsonl_fast.hpp"
#include "common/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sancheck::batch {
namespace {

constexpr int kMaxDepth = 64;  // nesting inside skipped values; deeper input is rejected, not recursed

// Finds the first '"', '\\' or control character in [p, end); end when none.
// Most of a record's bytes are free text, so this loop is the reader's hot path.
inline char* FindStringStop(char* p, char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Unsigned v < 0x20  <=>  max(v, 0x20) != v.
    const __m128i ctl = _mm_xor_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, space), v), _mm_set1_epi8(-1));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)), ctl);
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) return p;
    ++p;
  }
  return end;
}

inline int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline char* PutUtf8(char* o, uint32_t cp) {
  if (cp < 0x80) {
    *o++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *o++ = static_cast<char>(0xC0 | (cp >> 6));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *o++ = static_cast<char>(0xE0 | (cp >> 12));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *o++ = static_cast<char>(0xF0 | (cp >> 18));
    *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return o;
}

class Scanner {
 public:
  /// Scans [begin, end); columns count from `line_start`.
  Scanner(char* begin, char* end, char* line_start, RecordError& err)
      : p_(begin), end_(end), begin_(line_start), err_(err) {}

  bool Record(RawRecord& rec) {
    rec.Clear();
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
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\r' || *p_ == '\n')) ++p_;
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
    p_ = stop;
    char* o = stop;  // write cursor, never ahead of the read cursor
    while (p_ < end_) {
      const char c = *p_;
      if (c == '"') {
        ++p_;
        out = std::string_view(start, static_cast<size_t>(o - start));
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return Fail("batch.bad_json", "control character inside a string (escape it)");
      if (c != '\\') {
        char* next = FindStringStop(p_, end_);
        std::memmove(o, p_, static_cast<size_t>(next - p_));
        o += next - p_;
        p_ = next;
        continue;
      }
      if (end_ - p_ < 2) break;
      const char e = p_[1];
      p_ += 2;
      switch (e) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(cp)) return false;
          if (cp >= 0xDC00 && cp < 0xE000) return Fail("batch.bad_json", "lone low surrogate in a \\u escape");
          if (cp >= 0xD800 && cp < 0xDC00) {
            uint32_t lo = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
              return Fail("batch.bad_json", "high surrogate not followed by a low surrogate");
            }
            p_ += 2;
            if (!Hex4(lo)) return false;
            if (lo < 0xDC00 || lo >= 0xE000) return Fail("batch.bad_json", "high surrogate not followed by a low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          o = PutUtf8(o, cp);  // UTF-8 is never longer than the escape it replaces
          break;
        }
        default:
          p_ -= 2;  // point at the backslash
          return Fail("batch.bad_json", "unknown escape sequence in a string");
      }
    }
    return Fail("batch.bad_json", "unterminated string");
  }

  bool Hex4(uint32_t& v) {
    if (end_ - p_ < 4) return Fail("batch.bad_json", "short \\u escape");
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = HexValue(p_[i]);
      if (h < 0) return Fail("batch.bad_json", "bad hex digit in a \\u escape");
      v = (v << 4) | static_cast<uint32_t>(h);
    }
    p_ += 4;
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
