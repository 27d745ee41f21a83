// RuleFirings: one finding per rule, the most severe (the first of equals), rules in the order they first appear.
#include <doctest/doctest.h>

#include "judge/rule_firings.hpp"

namespace sancheck::judge {
namespace {

Finding Of(const char* rule, Verdict verdict, const char* message) {
  Finding f;
  f.rule = rule;
  f.verdict = verdict;
  f.message = message;
  return f;
}

TEST_SUITE("judge.rule_firings") {
  TEST_CASE("each rule once, with its most severe finding") {
    ActivityResult a;
    a.findings = {Of("p/b", Verdict::kReview, "b item 0"), Of("p/a", Verdict::kReview, "a item 0"),
                  Of("p/b", Verdict::kProhibited, "b item 1"), Of("p/a", Verdict::kReview, "a item 1"),
                  Of("p/b", Verdict::kProhibited, "b item 2")};
    const auto firings = RuleFirings(a);
    REQUIRE(firings.size() == 2);
    CHECK(firings[0]->rule == "p/b");
    CHECK(firings[0]->message == "b item 1");  // the first of the two prohibited
    CHECK(firings[1]->rule == "p/a");
    CHECK(firings[1]->message == "a item 0");
    CHECK(RuleFirings(ActivityResult{}).empty());
  }
}

}  // namespace
}  // namespace sancheck::judge
