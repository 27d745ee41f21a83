// Type checking: exact messages and offsets for unknown fields, undefined sets and type mismatches.
#include <doctest/doctest.h>

#include "expr/compiler.hpp"

namespace sancheck::expr {
namespace {

struct Env {
  TagRegistry tags;
  std::map<std::string, std::shared_ptr<const ValueSet>, std::less<>> sets;
  Env() {
    auto hs = std::make_shared<ValueSet>();
    hs->name = "arms-hs";
    hs->element = Type::kHs;
    std::string err;
    AddSetValue(*hs, "93", tags, err);
    hs->Normalize();
    sets.emplace("arms-hs", hs);
  }
  CompileEnv Get() const { return {&tags, &sets}; }
};

std::string ErrorOf(const std::string& text) {
  Env env;
  CompileError error;
  auto p = Compile(text, env.Get(), error);
  if (p) return "ok";
  return std::to_string(error.offset) + ": " + error.message;
}

TEST_SUITE("expr.compiler") {
  TEST_CASE("well-typed conditions compile") {
    for (const char* text : {
             "from.country == KP", "KP == to.country", "item.hs in $arms-hs", "item.hs == 93",
             "item.tags in [arms, ammunition]", "KP in via", "item.origin in via", "service == training",
             "type in [supply, ship-to-ship]", "date >= 2017-08-05", "item.value_usd > 500",
             "from.designated", "not to.designated", "parties.designated or KP in parties.country",
             "any(item.hs in [84, 85]) and all(item.tags in [food])", "known(item.value_usd)",
             "empty(item.tags)", "exemption == committee-approval", "vehicle != cruise-missile",
             "from.country == to.country", "true", "item.unit in [t, bbl]"}) {
      CAPTURE(text);
      CHECK(ErrorOf(text) == "ok");
    }
  }

  TEST_CASE("errors: exact message and offset") {
    const std::pair<const char*, const char*> table[] = {
        {"item.hscode in [93]", "0: unknown field 'item.hscode' (did you mean 'item.hs'?)"},
        {"from.country == KX", "16: unknown country code 'KX' (expected ISO 3166-1 alpha-2, e.g. KP)"},
        {"item.hs in $nope", "11: undefined set '$nope'"},
        {"item.tags in $arms-hs", "13: set '$arms-hs' holds HS code values, not tag values"},
        {"item.value_usd > KP", "17: expected a number, found 'KP'"},
        {"item.tags in [weapons]", "14: unknown tag 'weapons' (define it under the pack's 'tags:')"},
        {"from.country < KP", "13: '<' needs numbers or dates; 'from.country' is a country"},
        {"via == KP", "0: 'via' is a list of countries; test membership with 'in', e.g. KP in via"},
        {"from.country", "0: 'from.country' is a country, not a condition; compare it with something"},
        {"service == repairing", "11: unknown service 'repairing'"},
        {"a == b == c", "7: comparisons cannot be chained; join them with 'and'"},
        {"frobnicate(x)", "0: unknown function 'frobnicate' (expected any, all, known or empty)"},
        {"empty(item.hs)", "6: 'empty' takes a list field; 'item.hs' is a HS code"},
        {"from.country == item.value_usd", "16: cannot compare 'from.country' (country) with 'item.value_usd' (number)"},
        {"item.hs in [8401..84]", "12: HS range '8401..84' must go upwards between codes of the same length"},
        {"KP == RU", "0: unknown field 'KP'"},
        {"date > 2017-02-30", "7: expected a date (YYYY-MM-DD), found '2017-02-30'"},
        {"item.quantity > nan",
         "16: expected a number, found 'nan' (numbers are finite and decimal: no NaN, infinity or hex)"},
        {"item.quantity > inf",
         "16: expected a number, found 'inf' (numbers are finite and decimal: no NaN, infinity or hex)"},
        {"item.quantity in [1, nan]",
         "21: expected a number, found 'nan' (numbers are finite and decimal: no NaN, infinity or hex)"},
        {"item.hs in [00]", "12: expected an HS code (2 to 10 digits of a real chapter: 01 to 97 except the reserved 77, "
                            "or 98/99 for national use; dots and spaces are ignored; or a range like 72..83), found '00'"},
    };
    for (const auto& [text, expected] : table) {
      CAPTURE(text);
      CHECK(ErrorOf(text) == expected);
    }
  }

  TEST_CASE("item scope is detected outside quantifiers only") {
    Env env;
    CompileError error;
    CHECK(Compile("item.hs in [93]", env.Get(), error)->item_scoped);
    CHECK_FALSE(Compile("any(item.hs in [93])", env.Get(), error)->item_scoped);
    CHECK_FALSE(Compile("to.country == KP", env.Get(), error)->item_scoped);
  }
}

}  // namespace
}  // namespace sancheck::expr
