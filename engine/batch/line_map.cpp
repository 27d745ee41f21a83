// LineMap::Build: 64 bytes at a time, quote bits and two summary flags per block (AVX-512BW, AVX2, or byte by byte).
#include "batch/line_map.hpp"

#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace sancheck::batch {
namespace {

// A 64-byte block at a glance: its quotes, whether it holds a backslash or a control
// character (a line's '\n' is one), and whether it holds a byte past ASCII.
struct BlockScan {
  uint64_t quotes = 0;
  bool special = false;
  bool high = false;
};

// The exact masks of a block with a special byte: its backslashes, control characters and
// line breaks, and which bytes are past ASCII (the bytes after a line's '\n' are the next line's).
struct BlockDetail {
  uint64_t backslash = 0;
  uint64_t control = 0;
  uint64_t newline = 0;
  uint64_t high = 0;
};

// The block scans without SIMD, for other processors.
struct Portable {
  static BlockScan Scan(const char* p) {
    BlockScan out;
    for (int i = 0; i < 64; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      out.quotes |= static_cast<uint64_t>(c == '"') << i;
      out.special = out.special || c == '\\' || c < 0x20;
      out.high = out.high || c >= 0x80;
    }
    return out;
  }
  static BlockDetail Detail(const char* p) {
    BlockDetail out;
    for (int i = 0; i < 64; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      out.backslash |= static_cast<uint64_t>(c == '\\') << i;
      out.control |= static_cast<uint64_t>(c < 0x20) << i;
      out.newline |= static_cast<uint64_t>(c == '\n') << i;
      out.high |= static_cast<uint64_t>(c >= 0x80) << i;
    }
    return out;
  }
};

#if defined(__x86_64__)
// Two 32-byte loads per block, on the processors that have AVX2 (nearly all x86-64 since 2013;
// the others scan byte by byte).
struct Avx2 {
  [[gnu::target("avx2")]] static __m256i Load(const char* p, int k) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * k));
  }
  [[gnu::target("avx2")]] static __m256i Control(__m256i v) {
    return _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1F)), v);  // v <= 0x1F, unsigned
  }
  [[gnu::target("avx2")]] static __m256i Backslash(__m256i v) { return _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\')); }
  [[gnu::target("avx2")]] static __m256i Special(__m256i v) { return _mm256_or_si256(Backslash(v), Control(v)); }
  [[gnu::target("avx2")]] static uint64_t Bits(__m256i v, int k) {
    return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(v))) << (32 * k);
  }
  [[gnu::target("avx2")]] static BlockScan Scan(const char* p) {
    const __m256i a = Load(p, 0), b = Load(p, 1);
    const __m256i quote = _mm256_set1_epi8('"');
    BlockScan out;
    out.quotes = Bits(_mm256_cmpeq_epi8(a, quote), 0) | Bits(_mm256_cmpeq_epi8(b, quote), 1);
    const __m256i special = _mm256_or_si256(Special(a), Special(b));
    out.special = !_mm256_testz_si256(special, special);
    out.high = _mm256_movemask_epi8(_mm256_or_si256(a, b)) != 0;
    return out;
  }
  [[gnu::target("avx2")]] static BlockDetail Detail(const char* p) {
    BlockDetail out;
    for (int k = 0; k < 2; ++k) {
      const __m256i v = Load(p, k);
      out.backslash |= Bits(Backslash(v), k);
      out.control |= Bits(Control(v), k);
      out.newline |= Bits(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')), k);
      out.high |= Bits(v, k);
    }
    return out;
  }
};

// One 64-byte load per block, comparisons straight to bit masks, on the processors with AVX-512BW.
struct Avx512 {
  [[gnu::target("avx512bw")]] static uint64_t Control(__m512i v) { return _mm512_cmple_epu8_mask(v, _mm512_set1_epi8(0x1F)); }
  [[gnu::target("avx512bw")]] static uint64_t Backslash(__m512i v) { return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\\')); }
  [[gnu::target("avx512bw")]] static BlockScan Scan(const char* p) {
    const __m512i v = _mm512_loadu_si512(p);
    BlockScan out;
    out.quotes = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"'));
    out.special = (Backslash(v) | Control(v)) != 0;
    out.high = _mm512_movepi8_mask(v) != 0;
    return out;
  }
  [[gnu::target("avx512bw")]] static BlockDetail Detail(const char* p) {
    const __m512i v = _mm512_loadu_si512(p);
    BlockDetail out;
    out.backslash = Backslash(v);
    out.control = Control(v);
    out.newline = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
    out.high = _mm512_movepi8_mask(v);
    return out;
  }
};
#endif

}  // namespace

// The one loop over the blocks, for each way of scanning them: inlined into its caller, so
// that an AVX2 caller inlines the AVX2 scans too.
template <class Isa>
[[gnu::always_inline]] inline const char* LineMap::BuildWith(const char* begin, const char* end) {
  // Kept in registers while the loop runs, stored once at the end.
  size_t words = 0;
  size_t first_control = kNone;
  bool backslash = false;
  bool high = false;
  auto done = [&](const char* line_end, bool mapped) {
    quotes_[words] = 1;  // NextQuote's sentinel
    words_ = words;
    first_control_ = first_control;
    backslash_ = backslash;
    high_ = high;
    mapped_ = mapped;
    return line_end;
  };
  char tail[64];
  for (const char* p = begin;; p += 64) {
    const size_t left = static_cast<size_t>(end - p);
    if (left == 0) return done(end, true);
    if (words == kMaxBytes / 64) {
      if (*p == '\n') return done(p, true);  // exactly kMaxBytes
      const void* nl = std::memchr(p, '\n', left);
      return done(nl ? static_cast<const char*>(nl) : end, false);
    }
    const char* block = p;
    if (left < 64) {
      // The input's last bytes, padded with spaces: neither quotes nor special nor past ASCII.
      std::memset(tail, ' ', sizeof tail);
      std::memcpy(tail, p, left);
      block = tail;
    }
    const BlockScan scan = Isa::Scan(block);
    if (!scan.special) {
      backslashes_[words] = 0;
      quotes_[words++] = scan.quotes;
      high = high || scan.high;
      if (left <= 64) return done(end, true);
      continue;
    }
    // The line's last block, or one with an escape, a tab or another control character.
    const BlockDetail detail = Isa::Detail(block);
    const int newline = detail.newline ? __builtin_ctzll(detail.newline) : 64;
    const uint64_t inside = newline == 64 ? ~uint64_t{0} : (uint64_t{1} << newline) - 1;
    if (first_control == kNone && (detail.control & inside) != 0) {
      first_control = static_cast<size_t>(p - begin) + static_cast<size_t>(__builtin_ctzll(detail.control & inside));
    }
    backslashes_[words] = detail.backslash & inside;
    backslash = backslash || backslashes_[words] != 0;
    quotes_[words++] = scan.quotes & inside;
    high = high || (detail.high & inside) != 0;
    if (newline < 64) return done(p + newline, true);
    if (left <= 64) return done(end, true);
  }
}

#if defined(__x86_64__)
[[gnu::target("avx2")]] const char* LineMap::BuildAvx2(const char* begin, const char* end) {
  return BuildWith<Avx2>(begin, end);
}

[[gnu::target("avx512bw")]] const char* LineMap::BuildAvx512(const char* begin, const char* end) {
  return BuildWith<Avx512>(begin, end);
}

bool LineMap::Supports(int width) {
  if (width == 64) return __builtin_cpu_supports("avx512bw");
  if (width == 32) return __builtin_cpu_supports("avx2");
  return width == 1;
}

const char* LineMap::BuildScanning(int width, const char* begin, const char* end) {
  if (width == 64) return BuildAvx512(begin, end);
  return width == 32 ? BuildAvx2(begin, end) : BuildWith<Portable>(begin, end);
}
#else
bool LineMap::Supports(int width) { return width == 1; }

const char* LineMap::BuildScanning(int, const char* begin, const char* end) { return BuildWith<Portable>(begin, end); }
#endif

int LineMap::Width() {
  static const int width = Supports(64) ? 64 : Supports(32) ? 32 : 1;
  return width;
}

const char* LineMap::Build(const char* begin, const char* end) { return BuildScanning(Width(), begin, end); }

}  // namespace sancheck::batch
