// LineMap: one SIMD pass over a JSONL line that finds its end, marks its quotes and tells whether any byte needs the strict scanner.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sancheck::batch {

/// Where the quotes and the backslashes of one line are (bit i of each map: byte i is one),
/// where its first control character is, and whether it is all ASCII. A string without a
/// backslash ends at the next quote, so the fast path finds its end with a bit scan instead of
/// reading its bytes again. Building the map also finds the line's end, so the batch reads
/// each byte of a common line once before reading its values.
class LineMap {
 public:
  static constexpr size_t kMaxBytes = 4096;  ///< longer lines are left to the strict scanner
  static constexpr size_t kNone = ~size_t{0};

  /// Maps the line starting at `begin`: the bytes before the first '\n' of [begin, end), or
  /// all of them. Returns the line's end (that '\n', or `end`). A line longer than kMaxBytes
  /// is not mapped (mapped() is false), but its end is found all the same.
  const char* Build(const char* begin, const char* end);

  /// Whether this processor can scan `width` bytes at once: 64 (AVX-512BW), 32 (AVX2), 1 (byte
  /// by byte: always). Build takes the widest; the tests compare them all.
  static bool Supports(int width);
  /// Build with one of the scans Supports says this processor has.
  const char* BuildScanning(int width, const char* begin, const char* end);
  /// Whether Build scans more than a byte at a time here. Byte by byte, mapping a line costs
  /// more than the fast path saves: the batch then reads every line with the strict scanner.
  static bool Wide() { return Width() > 1; }

  bool mapped() const { return mapped_; }

  /// The offset of the first quote at or after `from` (at most the line's length), or an
  /// offset past the line when there is none: a sentinel bit after the last word ends the scan.
  size_t NextQuote(size_t from) const {
    size_t word = from >> 6;
    uint64_t bits = quotes_[word] & (~uint64_t{0} << (from & 63));
    while (bits == 0) bits = quotes_[++word];
    return (word << 6) + static_cast<size_t>(__builtin_ctzll(bits));
  }

  /// Whether the line holds a backslash.
  bool backslash() const { return backslash_; }

  /// Whether a byte of [from, to) is a backslash.
  bool BackslashIn(size_t from, size_t to) const {
    if (!backslash_ || from >= to) return false;
    const size_t first = from >> 6, last = (to - 1) >> 6;
    for (size_t word = first; word <= last; ++word) {
      uint64_t bits = backslashes_[word];
      if (word == first) bits &= ~uint64_t{0} << (from & 63);
      if (word == last && (to & 63) != 0) bits &= (uint64_t{1} << (to & 63)) - 1;
      if (bits != 0) return true;
    }
    return false;
  }

  /// No control character (tab and carriage return included) among the line's first `size`
  /// bytes: the trailing whitespace of a CRLF line can be left out.
  bool NoControlBefore(size_t size) const { return first_control_ >= size; }
  /// No byte past 0x7F, so every string of the line is UTF-8.
  bool ascii() const { return !high_; }

 private:
  static int Width();  ///< the widest scan this processor has, asked once
  template <class Isa>
  const char* BuildWith(const char* begin, const char* end);
  const char* BuildAvx2(const char* begin, const char* end);
  const char* BuildAvx512(const char* begin, const char* end);

  uint64_t quotes_[kMaxBytes / 64 + 1];  // the first words_, then the sentinel word
  uint64_t backslashes_[kMaxBytes / 64];
  size_t words_ = 0;
  size_t first_control_ = kNone;
  bool backslash_ = false;
  bool high_ = false;
  bool mapped_ = false;
};

}  // namespace sancheck::batch
