// Grammar table: condition text → canonical AST dump, and texts the grammar must reject.
#include <doctest/doctest.h>

#include "expr/parser.hpp"

namespace sancheck::expr {
namespace {

std::string DumpOf(const std::string& text) {
  ParsedCondition parsed;
  ParseError error;
  if (!ParseCondition(text, parsed, error)) return "ERROR@" + std::to_string(error.offset) + ": " + error.message;
  return Dump(parsed.tree);
}

TEST_SUITE("expr.parser") {
  TEST_CASE("grammar table") {
    const std::pair<const char*, const char*> table[] = {
        {"from.country == KP", "(== from.country KP)"},
        {"a or b or c", "(or a b c)"},
        {"a and b or c and d", "(or (and a b) (and c d))"},
        {"not a or b", "(or (not a) b)"},
        {"not (a or b)", "(not (or a b))"},
        {"not not a", "(not (not a))"},
        {"item.hs in [93, 8802.60, 72..83]", "(in item.hs [93 8802.60 72..83])"},
        {"item.hs in [03, 0306.17]", "(in item.hs [03 0306.17])"},
        {"item.tags in [arms, \"small-arms\", 'x y']", "(in item.tags [arms \"small-arms\" \"x y\"])"},
        {"item.hs not in $arms-hs", "(not in item.hs $arms-hs)"},
        {"KP in via", "(in KP via)"},
        {"date >= 2016-03-02", "(>= date 2016-03-02)"},
        {"item.value_usd > 2000.50", "(> item.value_usd 2000.50)"},
        {"item.quantity <= -1", "(<= item.quantity -1)"},
        {"any(item.tags in [arms]) and all(item.hs in [93])",
         "(and (any (in item.tags [arms])) (all (in item.hs [93])))"},
        {"known(item.hs) and empty(item.tags)", "(and (known item.hs) (empty item.tags))"},
        {"service == technical-assistance", "(== service technical-assistance)"},
        {"android or orchid", "(or android orchid)"},
        {"  a\n  and\n  b  ", "(and a b)"},
        {"(((a)))", "a"},
        {"x in []", "(in x [])"},
    };
    for (const auto& [text, dump] : table) {
      CAPTURE(text);
      CHECK(DumpOf(text) == dump);
    }
  }

  TEST_CASE("rejected texts with positions") {
    const std::pair<const char*, const char*> table[] = {
        {"", "ERROR@0: empty condition"},
        {"   ", "ERROR@3: empty condition"},
        {"a and", "ERROR@5: expected expression, found end of condition"},
        {"(a", "ERROR@2: expected ')', found end of condition"},
        {"a == ", "ERROR@5: expected value, found end of condition"},
        {"a b", "ERROR@2: unexpected 'b' (expected 'and', 'or' or the end of the condition)"},
        {"x in [1,", "ERROR@7: expected ']', found ','"},
        {"x == \"open", "ERROR@10: expected '\"', found end of condition"},
        {"x in 72..", "ERROR@9: expected number, found end of condition"},
        {"a or or b", "ERROR@5: expected expression, found 'or'"},
    };
    for (const auto& [text, expected] : table) {
      CAPTURE(text);
      CHECK(DumpOf(text) == expected);
    }
  }

  TEST_CASE("hostile input is bounded") {
    CHECK(DumpOf(std::string(100, '(') + "a" + std::string(100, ')')) ==
          "ERROR@64: condition nests deeper than 64 levels");
    CHECK(DumpOf(std::string(20000, 'a')).rfind("ERROR@0: condition is longer than", 0) == 0);
  }

  TEST_CASE("non-ASCII bytes are positioned errors outside quotes and text inside them") {
    // Each of these aborted in X3's ASCII classifiers (strict_ischar) before.
    CHECK(DumpOf("KP in pa\xC3\xA9rties") ==
          "ERROR@8: unexpected non-ASCII character '\xC3\xA9rties' (names, numbers and operators are ASCII; "
          "put other text in quotes)");
    CHECK(DumpOf("\xFF") ==
          "ERROR@0: unexpected non-ASCII character '\xEF\xBF\xBD' (names, numbers and operators are ASCII; "
          "put other text in quotes)");
    CHECK(DumpOf("a ==\xC2\xA0" "b").rfind("ERROR@4: unexpected non-ASCII character", 0) == 0);  // no-break space
    CHECK(DumpOf("name == \"\xD0\x9A\xD0\xB8\xD0\xBC\"") == "(== name \"\xD0\x9A\xD0\xB8\xD0\xBC\")");
    CHECK(DumpOf("name == \"\xD0\x9A").rfind("ERROR@", 0) == 0);  // unterminated, cut mid-character
  }

  TEST_CASE("node offsets point at the source text") {
    ParsedCondition parsed;
    ParseError error;
    REQUIRE(ParseCondition("  from.country == KP", parsed, error));
    CHECK(parsed.Begin(parsed.tree) == 2);
  }
}

}  // namespace
}  // namespace sancheck::expr
