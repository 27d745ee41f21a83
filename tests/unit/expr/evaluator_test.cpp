// Evaluation in three-valued logic over facts: HS intervals, missing facts, quantifiers.
#include <doctest/doctest.h>

#include "expr/compiler.hpp"
#include "expr/evaluator.hpp"

namespace sancheck::expr {
namespace {

struct Fixture {
  TagRegistry tags;
  ActivityFacts act;
  std::vector<ItemFacts> items;

  Fixture() {
    act.type = ActivityType::kSupply;
    act.date = *Date::Parse("2020-01-01");
    act.from.present = true;
    act.from.country = *Country::Parse("KP");
    act.to.present = true;
    act.to.country = *Country::Parse("RU");
  }
  void AddItem(const char* hs, std::initializer_list<const char*> item_tags = {}) {
    ItemFacts i;
    if (hs) {
      auto code = *HsCode::Parse(hs);
      i.hs.Set(code);
      i.hs_lo = code.Low();
      i.hs_hi = code.High();
    }
    for (const char* t : item_tags) i.tags.set(static_cast<size_t>(tags.Find(t)));
    items.push_back(i);
    act.items = items.data();
    act.item_count = static_cast<uint32_t>(items.size());
  }
  Truth Eval(const std::string& text, int item = -1) {
    CompileEnv env{&tags, nullptr};
    CompileError error;
    auto p = Compile(text, env, error);
    REQUIRE_MESSAGE(p, error.message);
    return Evaluate(*p, EvalContext{&act, item >= 0 ? &items[static_cast<size_t>(item)] : nullptr});
  }
};

TEST_SUITE("expr.evaluator") {
  TEST_CASE("HS prefixes, ranges and short codes") {
    Fixture f;
    f.AddItem("930690");
    f.AddItem("84");
    CHECK(f.Eval("item.hs in [93]", 0) == Truth::kTrue);
    CHECK(f.Eval("item.hs in [9306.90]", 0) == Truth::kTrue);
    CHECK(f.Eval("item.hs in [9307]", 0) == Truth::kFalse);
    CHECK(f.Eval("item.hs in [72..83, 90..97]", 0) == Truth::kTrue);
    CHECK(f.Eval("item.hs in [84]", 1) == Truth::kTrue);
    // A chapter-level declaration cannot tell whether it is a reactor (8401): unknown.
    CHECK(f.Eval("item.hs in [8401]", 1) == Truth::kUnknown);
    CHECK(f.Eval("item.hs not in [8401]", 1) == Truth::kUnknown);
    CHECK(f.Eval("item.hs in [85]", 1) == Truth::kFalse);
  }

  TEST_CASE("missing facts are unknown, Kleene and/or decide around them") {
    Fixture f;
    f.AddItem("930690");
    CHECK(f.Eval("item.value_usd > 100", 0) == Truth::kUnknown);
    CHECK(f.Eval("item.value_usd > 100 and from.country == RU", 0) == Truth::kFalse);
    CHECK(f.Eval("item.value_usd > 100 or from.country == KP", 0) == Truth::kTrue);
    CHECK(f.Eval("item.value_usd > 100 or from.country == RU", 0) == Truth::kUnknown);
    CHECK(f.Eval("not (item.value_usd > 100)", 0) == Truth::kUnknown);
    CHECK(f.Eval("known(item.value_usd)", 0) == Truth::kFalse);
    CHECK(f.Eval("person.country == KP") == Truth::kUnknown);  // no person in a supply
  }

  TEST_CASE("an absent HS code is not in any set, tags still classify") {
    Fixture f;
    f.AddItem(nullptr, {"ammunition"});
    CHECK(f.Eval("item.hs in [93]", 0) == Truth::kFalse);
    CHECK(f.Eval("item.hs in [93] or item.tags in [ammunition]", 0) == Truth::kTrue);
    CHECK(f.Eval("empty(item.tags)", 0) == Truth::kFalse);
    CHECK(f.Eval("known(item.hs)", 0) == Truth::kFalse);
  }

  TEST_CASE("quantifiers over items") {
    Fixture f;
    f.AddItem("100199", {"food"});
    f.AddItem("930690", {"ammunition"});
    CHECK(f.Eval("any(item.tags in [ammunition])") == Truth::kTrue);
    CHECK(f.Eval("all(item.tags in [food])") == Truth::kFalse);
    CHECK(f.Eval("all(item.hs in [10, 93])") == Truth::kTrue);
  }

  TEST_CASE("lists and designated parties") {
    Fixture f;
    f.act.via.set(Country::Parse("CN")->code);
    f.act.party_countries.set(Country::Parse("KP")->code);
    f.act.from.designated = Truth::kUnknown;  // a possible screening match
    CHECK(f.Eval("CN in via") == Truth::kTrue);
    CHECK(f.Eval("via in [KP]") == Truth::kFalse);
    CHECK(f.Eval("KP in parties.country") == Truth::kTrue);
    CHECK(f.Eval("from.designated") == Truth::kUnknown);
    CHECK(f.Eval("to.designated") == Truth::kFalse);
  }

  TEST_CASE("booleans compared with == and != read as their truth") {
    Fixture f;
    f.act.to.designated = Truth::kTrue;
    f.act.from.designated = Truth::kUnknown;
    CHECK(f.Eval("to.designated == true") == Truth::kTrue);
    CHECK(f.Eval("to.designated != true") == Truth::kFalse);
    CHECK(f.Eval("to.designated == false") == Truth::kFalse);
    CHECK(f.Eval("serves == false") == Truth::kTrue);
    CHECK(f.Eval("from.designated == true") == Truth::kUnknown);
    CHECK(f.Eval("to.designated == from.designated") == Truth::kUnknown);
    CHECK(f.Eval("serves == serves") == Truth::kTrue);
  }

  TEST_CASE("a service's missing subject: its facts unknown, its HS code and tags not given") {
    Fixture f;
    f.act.type = ActivityType::kService;
    CHECK(f.Eval("item.hs in [93]") == Truth::kUnknown);
    CHECK(f.Eval("item.tags in [arms]") == Truth::kUnknown);
    CHECK(f.Eval("empty(item.tags)") == Truth::kUnknown);
    CHECK(f.Eval("known(item.hs)") == Truth::kFalse);
    CHECK(f.Eval("known(item.tags)") == Truth::kFalse);
    CHECK(f.Eval("known(via)") == Truth::kTrue);
  }
}

}  // namespace
}  // namespace sancheck::expr
