// Tests of Visible(): what a terminal would act on is escaped, everything else is kept byte for byte.
#include <doctest/doctest.h>

#include "common/visible.hpp"

using sancheck::NeedsVisible;
using sancheck::Visible;

TEST_CASE("visible: controls, separators, bidi and bad bytes are escaped") {
  CHECK(Visible("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(Visible("x\ny\tz\x7f") == "x\\x0ay\\x09z\\x7f");
  CHECK(Visible("\xc2\x85") == "\\u{0085}");                    // C1 NEL
  CHECK(Visible("a\xe2\x80\xa8" "b") == "a\\u{2028}b");          // line separator
  CHECK(Visible("\xe2\x80\xae" "exe.txt") == "\\u{202e}exe.txt");  // right-to-left override
  CHECK(Visible("\xef\xbf\xbe") == "\\u{fffe}");
  CHECK(Visible("\xef\xbb\xbf" "a\xe2\x80\x8b" "b") == "\\u{feff}a\\u{200b}b");  // BOM, zero-width space
  CHECK(Visible("\xd9\x85\xe2\x80\x8c\xd9\x87") == "\xd9\x85\xe2\x80\x8c\xd9\x87");  // a zero-width non-joiner is kept
  CHECK(Visible("caf\xe9") == "caf\\xe9");                       // Latin-1, not UTF-8
  CHECK(NeedsVisible("\x01"));
}

TEST_CASE("visible: text without such characters is unchanged") {
  const char* kept[] = {"", "Jo Chun-ryong", "Société Générale", "조선광업개발무역회사", "a\\b <c> & \"d\""};
  for (const char* s : kept) {
    CHECK(Visible(s) == s);
    CHECK_FALSE(NeedsVisible(s));
  }
}
