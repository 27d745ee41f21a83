// Tests of the shared UTF-8 helpers: validation offsets, cutting on character boundaries, sanitising.
#include <doctest/doctest.h>

#include <string>

#include "common/utf8.hpp"

namespace sancheck {
namespace {

TEST_SUITE("common.utf8") {
  TEST_CASE("the first ill-formed byte is found") {
    CHECK(IsValidUtf8("plain ASCII text, long enough for the eight-byte path"));
    CHECK(IsValidUtf8("\xE0\xA6\xAE\xE0\xA7\x8B \xF0\x9F\x98\x80"));
    CHECK(FindInvalidUtf8("abcdefghij\xFF") == 10);
    CHECK(FindInvalidUtf8("ab\xC3") == 2);              // cut
    CHECK(FindInvalidUtf8("ab\xC0\x80") == 2);          // overlong NUL
    CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);    // past U+10FFFF
    CHECK(FindInvalidUtf8("x\xED\xB0\x80") == 1);       // lone surrogate
  }

  TEST_CASE("prefixes never end inside a character") {
    const std::string bengali = "\xE0\xA6\xAE\xE0\xA7\x8B";  // two 3-byte characters
    CHECK(Utf8Prefix(bengali, 6) == bengali);
    CHECK(Utf8Prefix(bengali, 5) == bengali.substr(0, 3));
    CHECK(Utf8Prefix(bengali, 3) == bengali.substr(0, 3));
    CHECK(Utf8Prefix(bengali, 2).empty());
    for (size_t n = 0; n <= bengali.size(); ++n) CHECK(IsValidUtf8(Utf8Prefix(bengali, n)));
  }

  TEST_CASE("sanitising replaces only the bad bytes") {
    CHECK(Utf8Sanitized("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(Utf8Sanitized("\xC3\xA9") == "\xC3\xA9");
  }
}

}  // namespace
}  // namespace sancheck

namespace sancheck {
namespace {

TEST_CASE("decoding yields code points, and U+FFFD one byte at a time for ill-formed input") {
  const std::string s = "a\xC3\xA9\xE2\x80\x8B\xF0\x9F\x98\x80\xF4\xA8\xA8\xA8";  // the last is past U+10FFFF
  size_t i = 0;
  CHECK(DecodeUtf8(s, i) == U'a');
  CHECK(DecodeUtf8(s, i) == U'\u00E9');
  CHECK(DecodeUtf8(s, i) == U'\u200B');
  CHECK(DecodeUtf8(s, i) == U'\U0001F600');
  CHECK(i == 10);
  CHECK(DecodeUtf8(s, i) == 0xFFFD);
  CHECK(i == 11);
}

}  // namespace
}  // namespace sancheck
