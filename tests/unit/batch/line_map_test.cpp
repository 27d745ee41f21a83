// LineMap against a byte-by-byte reading: the line's end, its quotes and backslashes, its first control character and ASCII, at every length and offset.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "batch/line_map.hpp"

using sancheck::batch::LineMap;

namespace {

// What Build must find, one byte at a time.
struct Expected {
  size_t end;
  size_t first_control = LineMap::kNone;
  bool ascii = true;
};

Expected ByteByByte(const std::string& s, size_t from) {
  Expected e{s.size()};
  for (size_t i = from; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      e.end = i;
      break;
    }
    if (e.first_control == LineMap::kNone && c < 0x20) e.first_control = i - from;
    e.ascii = e.ascii && c < 0x80;
  }
  return e;
}

void CheckMapScanning(int width, const std::string& s, size_t from) {
  const Expected e = ByteByByte(s, from);
  LineMap map;
  const char* end = map.BuildScanning(width, s.data() + from, s.data() + s.size());
  REQUIRE(static_cast<size_t>(end - s.data()) == e.end);
  const size_t size = e.end - from;
  REQUIRE(map.mapped() == (size <= LineMap::kMaxBytes));
  if (!map.mapped()) return;
  CHECK(map.ascii() == e.ascii);
  for (size_t n = 0; n <= size; ++n) {
    CHECK(map.NoControlBefore(n) == (e.first_control == LineMap::kNone || e.first_control >= n));
  }
  for (size_t a = 0; a <= size; a += 7) {
    for (size_t b = a; b <= size; b += 5) {
      CHECK(map.BackslashIn(a, b) == (s.substr(from + a, b - a).find('\\') != std::string::npos));
    }
  }
  size_t next = LineMap::kNone;  // the first quote at or after i, walking down from the end
  for (size_t i = size + 1; i-- > 0;) {
    if (i < size && s[from + i] == '"') next = i;
    if (next == LineMap::kNone) {
      CHECK(map.NextQuote(i) >= size);
    } else {
      CHECK(map.NextQuote(i) == next);
    }
  }
}

// Every scan this processor has (AVX-512BW, AVX2, byte by byte) must find the same.
void CheckMap(const std::string& s, size_t from) {
  for (const int width : {64, 32, 1}) {
    if (!LineMap::Supports(width)) continue;
    CAPTURE(width);
    CheckMapScanning(width, s, from);
  }
}

}  // namespace

TEST_CASE("line map: every length around the 64-byte blocks, at every offset into the buffer") {
  uint64_t state = 0x2545F4914F6CDD1DULL;
  static const char kBytes[] = "\"\"\"\\\n\t\rabcdefgh \x80\xE2";
  const std::string alphabet(kBytes, sizeof kBytes - 1);
  for (size_t length = 0; length <= 260; ++length) {
    for (size_t from = 0; from < 3; ++from) {
      std::string s;
      for (size_t i = 0; i < from + length + 70; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Mostly plain letters, so that many lines run for several blocks without a special byte.
        s += state % 8 == 0 ? alphabet[(state >> 8) % alphabet.size()] : static_cast<char>('a' + (state >> 8) % 26);
      }
      s.resize(from + length);
      CAPTURE(length);
      CAPTURE(from);
      CheckMap(s, from);
    }
  }
}

TEST_CASE("line map: a CRLF line has no control character before its carriage return, a long line is not mapped but ends") {
  const std::string crlf = std::string("{\"id\":\"S1\"}\r\n{\"next\":1}");
  CheckMap(crlf, 0);
  LineMap map;
  map.Build(crlf.data(), crlf.data() + crlf.size());
  CHECK(map.NoControlBefore(11));
  CHECK_FALSE(map.NoControlBefore(12));
  const std::string long_line = std::string(LineMap::kMaxBytes + 10, 'x') + "\nrest";
  CheckMap(long_line, 0);
  CheckMap(std::string(LineMap::kMaxBytes, '"'), 0);  // exactly at the limit: still mapped
  CheckMap(std::string(LineMap::kMaxBytes, 'x') + "\nnext", 0);
  CheckMap(std::string(LineMap::kMaxBytes + 1, 'x') + "\nnext", 0);
}
