// JSON text primitives shared by the JSONL reader's strict scanner and its fast path: string stops, escapes, numbers.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sancheck::batch {

/// JSON's whitespace: both readers must skip the same, for their records to be the same.
inline bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Finds the first '"', '\\' or control character in [p, end); end when none.
/// Most of a record's bytes are free text, so this loop is the strict scanner's hot path.
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

/// The UTF-8 of `cp` at `o` (written only with kWrite); past it.
template <bool kWrite>
inline char* PutUtf8(char* o, uint32_t cp) {
  const int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  if constexpr (kWrite) {
    if (n == 1) {
      o[0] = static_cast<char>(cp);
    } else {
      static constexpr unsigned char kLead[] = {0, 0, 0xC0, 0xE0, 0xF0};
      o[0] = static_cast<char>(kLead[n] | (cp >> (6 * (n - 1))));
      for (int k = 1; k < n; ++k) o[k] = static_cast<char>(0x80 | ((cp >> (6 * (n - 1 - k))) & 0x3F));
    }
  }
  return o + n;
}

/// Where a string's contents end once unescaped, or where and why they stop being a string.
struct Unescaped {
  char* next;         ///< past the closing quote; on an error, the byte where it went wrong
  char* end;          ///< the end of the unescaped contents (written only with kWrite)
  const char* error;  ///< null for a well-formed string
};

/// Reads a string's contents from `p` up to its closing quote, decoding its escapes to `o`
/// (which starts at or before `p`: UTF-8 is never longer than the escape it replaces, so the
/// write cursor never passes the read cursor). With kWrite false nothing is written, only
/// measured: the fast path checks a whole line before it changes a byte of it.
template <bool kWrite>
[[gnu::noinline]] Unescaped UnescapeString(char* p, char* end, char* o) {
  // Four hex digits at p, or the error (positioned at the digits).
  auto hex4 = [&](uint32_t& v) -> const char* {
    if (end - p < 4) return "short \\u escape";
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = HexValue(p[i]);
      if (h < 0) return "bad hex digit in a \\u escape";
      v = (v << 4) | static_cast<uint32_t>(h);
    }
    p += 4;
    return nullptr;
  };
  auto put = [&](char c) {
    if constexpr (kWrite) *o = c;
    ++o;
  };
  while (p < end) {
    const char c = *p;
    if (c == '"') return {p + 1, o, nullptr};
    if (static_cast<unsigned char>(c) < 0x20) return {p, o, "control character inside a string (escape it)"};
    if (c != '\\') {
      char* next = FindStringStop(p, end);
      if constexpr (kWrite) std::memmove(o, p, static_cast<size_t>(next - p));
      o += next - p;
      p = next;
      continue;
    }
    if (end - p < 2) break;
    const char e = p[1];
    p += 2;
    switch (e) {
      case '"': put('"'); break;
      case '\\': put('\\'); break;
      case '/': put('/'); break;
      case 'b': put('\b'); break;
      case 'f': put('\f'); break;
      case 'n': put('\n'); break;
      case 'r': put('\r'); break;
      case 't': put('\t'); break;
      case 'u': {
        uint32_t cp = 0;
        if (const char* error = hex4(cp)) return {p, o, error};
        if (cp >= 0xDC00 && cp < 0xE000) return {p, o, "lone low surrogate in a \\u escape"};
        if (cp >= 0xD800 && cp < 0xDC00) {
          if (end - p < 2 || p[0] != '\\' || p[1] != 'u') return {p, o, "high surrogate not followed by a low surrogate"};
          p += 2;
          uint32_t lo = 0;
          if (const char* error = hex4(lo)) return {p, o, error};
          if (lo < 0xDC00 || lo >= 0xE000) return {p, o, "high surrogate not followed by a low surrogate"};
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        o = PutUtf8<kWrite>(o, cp);
        break;
      }
      default: return {p - 2, o, "unknown escape sequence in a string"};  // at the backslash
    }
  }
  return {p, o, "unterminated string"};
}

/// Where a JSON number starting at `p` ends, or where and why it stops being one.
struct NumberScan {
  char* end;            ///< past the number; on an error, the byte where it went wrong
  const char* error;    ///< null for a well-formed number
  /// Well-formed, without a sign or an exponent, at most kPlainNumberBytes long: surely a
  /// finite number >= 0, as PlainNonNegative (record.cpp) tells of other readers' numbers.
  bool plain = false;
};

inline constexpr size_t kPlainNumberBytes = 300;  // below 1e300: no overflow

/// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? over [p, end): one definition, so that the
/// fast path accepts no number the strict scanner would reject.
inline NumberScan ScanJsonNumber(char* p, char* end) {
  auto digits = [&] {
    char* d = p;
    while (p < end && *p >= '0' && *p <= '9') ++p;
    return p > d;
  };
  char* const start = p;
  const bool negative = p < end && *p == '-';
  if (negative) ++p;
  if (p < end && *p == '0') {
    ++p;
  } else if (!digits()) {
    return {p, "expected a value"};
  }
  if (p < end && *p == '.') {
    ++p;
    if (!digits()) return {p, "expected digits after the decimal point"};
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    if (p < end && (*p == '+' || *p == '-')) ++p;
    if (!digits()) return {p, "expected digits in the exponent"};
    return {p, nullptr, false};
  }
  return {p, nullptr, !negative && static_cast<size_t>(p - start) <= kPlainNumberBytes};
}

}  // namespace sancheck::batch
