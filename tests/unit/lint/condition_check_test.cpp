// Lint's abstract interpretation: contradictions, tautologies and the sub-condition each finding points at.
#include <doctest/doctest.h>

#include "expr/compiler.hpp"
#include "lint/condition_check.hpp"

namespace sancheck::lint {
namespace {

// "code@offset: message" for each finding of `text`, in a rule applying to supply from 2017.
std::vector<std::string> Findings(const std::string& text, uint32_t applies = 1U << 0) {
  expr::TagRegistry tags;
  std::map<std::string, std::shared_ptr<const expr::ValueSet>, std::less<>> sets;
  expr::CompileError error;
  auto p = expr::Compile(text, {&tags, &sets}, error);
  REQUIRE_MESSAGE(p, error.message);
  ConditionContext ctx;
  ctx.applies_mask = applies;
  ctx.effective = Date::Parse("2017-01-01");
  std::vector<std::string> out;
  for (const auto& f : CheckCondition(*p, ctx)) out.push_back(f.code + "@" + std::to_string(f.offset) + ": " + f.message);
  return out;
}

TEST_CASE("a satisfiable condition has no findings") {
  CHECK(Findings("to.country == KP and item.tags in [arms]").empty());
  CHECK(Findings("from.country == KP or to.country == KP").empty());
  CHECK(Findings("not (item.hs in [93]) and item.tags in [arms]").empty());
}

TEST_CASE("two equalities on one field contradict") {
  const auto f = Findings("to.country == KP and to.country == RU");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "lint.never_true@21: the condition can never be true: 'to.country == RU' contradicts "
                "'to.country == KP'; the rule never fires");
}

TEST_CASE("disjoint intervals contradict, overlapping ones do not") {
  CHECK(Findings("any(item.quantity < 5 and item.quantity > 10)").size() == 1);
  CHECK(Findings("any(item.quantity <= 5 and item.quantity >= 5)").empty());
  CHECK(Findings("any(item.quantity < 5 and item.quantity >= 5)").size() == 1);
}

TEST_CASE("empty lists and sets can never hold") {
  const auto f = Findings("to.country == KP and from.country in []");
  REQUIRE(f.size() == 1);
  CHECK(f[0].find("lint.never_true@21: 'from.country in []' can never be true: the set is empty") == 0);
}

TEST_CASE("HS sets: in one and not in it") {
  CHECK(Findings("item.hs in [93] and not (item.hs in [93])").size() == 1);
  CHECK(Findings("item.hs in [93] and not (item.hs in [9301])").empty());
  CHECK(Findings("item.hs in [93] and item.hs in [8401]").size() == 1);
}

TEST_CASE("applies_to and dates narrow type and date") {
  const auto f = Findings("type == launch and from.country == KP");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "lint.never_true@0: 'type == launch' can never be true: it contradicts the rule's applies_to");
  CHECK(Findings("type == supply and from.country == KP").size() == 1);  // always true given applies_to
  CHECK(Findings("date < 2016-01-01 and from.country == KP").size() == 1);
  CHECK(Findings("date >= 2018-01-01 and from.country == KP").empty());
}

TEST_CASE("tautologies are always true, literals are taken as meant") {
  const auto f = Findings("from.country == KP or from.country != KP");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "lint.always_true@0: the condition is always true whenever its facts are known");
  CHECK(Findings("true").empty());
  CHECK(Findings("any(true)").empty());
  CHECK(Findings("known(from.country) or not known(from.country)").size() == 1);
}

TEST_CASE("known() of a list: always, but for an item's, which a service without a subject lacks") {
  CHECK(Findings("known(via) and from.country == KP").size() == 1);
  CHECK(Findings("known(item.tags) and from.country == KP").empty());
  CHECK(Findings("not known(item.tags) and from.country == KP").empty());
}

TEST_CASE("quantifiers read another item: no contradiction across any()") {
  CHECK(Findings("item.hs in [93] and any(item.hs in [8401])").empty());
  CHECK(Findings("any(item.tags in [arms]) and any(not (item.tags in [arms]))").empty());
}

TEST_CASE("list fields: a forbidden element cannot be required") {
  CHECK(Findings("KP in via and not (KP in via)").size() == 1);
  CHECK(Findings("empty(via) and KP in via").size() == 1);
  CHECK(Findings("KP in via and RU in via").empty());
}

TEST_CASE("list fields: an element of a set required, then every element of it forbidden") {
  // Either order: the set a list must meet is remembered, not only checked when it is met.
  CHECK(Findings("item.tags in [arms] and not (item.tags in [arms, nuclear])").size() == 1);
  CHECK(Findings("not (item.tags in [arms, nuclear]) and item.tags in [arms]").size() == 1);
  CHECK(Findings("item.tags in [arms, nuclear] and not (item.tags in [arms])").empty());
}

}  // namespace
}  // namespace sancheck::lint
