// Changed conditions: narrower, wider, equivalent or unknown — and every claim checked against the evaluator on a grid of facts.
#include <doctest/doctest.h>

#include "impact/impact.hpp"
#include "judge/checker_impl.hpp"
#include "memory_pack.hpp"

namespace sancheck::impact {
namespace {

// One pack "p" with a single rule `r` (prohibited, for supplies from 2020): `when` is its condition.
std::unique_ptr<Checker> Pack(const std::string& when, const std::string& extra_sets = "") {
  return testing::MemoryPack("pack: p\nversion: '1'\nsets:\n  near: {type: country, values: [KP, CN]}\n" + extra_sets +
                             "rules:\n  - {id: r, title: t, verdict: prohibited, effective: 2020-01-01, "
                             "applies_to: [supply], citations: [{resolution: '1', paragraph: '1'}], when: \"" +
                             when + "\", message: m}\n");
}

Relation Compare(const Checker& before, const Checker& after) {
  const auto& b = *before.impl().set;
  const auto& a = *after.impl().set;
  return CompareConditions(b.rules.front(), a.rules.front(), b.tags, a.tags);
}

Relation Between(const std::string& before, const std::string& after) {
  return Compare(*Pack(before), *Pack(after));
}

// A supply on 2024-01-01 for every combination of the facts the conditions below read: the
// destination, the quantity (or none) and the item's tags.
std::vector<Scenario> Grid() {
  std::string text = "scenario: grid\ndate: 2024-01-01\nparties:\n";
  const std::vector<std::string> countries = {"KP", "CN", "RU", "FR"};
  for (size_t i = 0; i < countries.size(); ++i) {
    text += "  buyer" + std::to_string(i) + ": {name: Buyer, country: " + countries[i] + ", kind: company}\n";
  }
  text += "  seller: {name: Seller, country: DE, kind: company}\nactivities:\n";
  int n = 0;
  for (const std::string to : {"0", "1", "2", "3"}) {
    for (const std::string quantity : {"1", "5", "7", "10", "12", ""}) {
      for (const std::string tags : {"[arms]", "[dual-use]", "[arms, dual-use]", "[machinery]"}) {
        text += "  - {id: a" + std::to_string(n++) + ", type: supply, from: seller" + ", to: buyer" + to +
                ", items: [{description: x, tags: " + tags + (quantity.empty() ? "" : ", quantity: " + quantity + ", unit: pcs") +
                "}]}\n";
      }
    }
  }
  Diagnostics diags;
  auto scenarios = ParseScenarioText("grid.yaml", text, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  return scenarios;
}

// The claim, checked where the judging core decides both conditions: a prohibited finding means
// the condition was true, none that it was false (review: undecided, not covered by the claim).
void CheckClaim(const std::string& before, const std::string& after) {
  const auto b = Pack(before);
  const auto a = Pack(after);
  const Relation r = Compare(*b, *a);
  const auto grid = Grid();
  const RunResult rb = b->Check(grid);
  const RunResult ra = a->Check(grid);
  auto truth = [](const ActivityResult& x) {
    return x.verdict == Verdict::kProhibited ? Truth::kTrue : x.findings.empty() ? Truth::kFalse : Truth::kUnknown;
  };
  for (size_t i = 0; i < grid.front().activities.size(); ++i) {
    const Truth tb = truth(rb.scenarios.front().activities[i]);
    const Truth ta = truth(ra.scenarios.front().activities[i]);
    const bool new_only = ta == Truth::kTrue && tb == Truth::kFalse;
    const bool old_only = tb == Truth::kTrue && ta == Truth::kFalse;
    INFO(before << " → " << after << " on activity " << i);
    if (r == Relation::kNarrower || r == Relation::kEquivalent) CHECK_FALSE(new_only);
    if (r == Relation::kWider || r == Relation::kEquivalent) CHECK_FALSE(old_only);
  }
}

TEST_SUITE("impact.condition_relation") {
  TEST_CASE("a condition that admits more values is wider, one that admits fewer narrower") {
    CHECK(Between("to.country == KP", "to.country in [KP, RU]") == Relation::kWider);
    CHECK(Between("to.country in [KP, RU]", "to.country == KP") == Relation::kNarrower);
    CHECK(Between("item.quantity > 5", "item.quantity >= 10") == Relation::kNarrower);
    CHECK(Between("to.country == KP and item.quantity > 5", "to.country == KP") == Relation::kWider);
    CHECK(Between("to.country == KP", "to.country == KP or item.quantity > 5") == Relation::kWider);
    CHECK(Between("item.tags in [arms, dual-use]", "item.tags in [arms]") == Relation::kNarrower);
    CHECK(Between("to.country in [KP, CN] and item.tags in [arms]", "to.country in [KP, CN, RU] and item.tags in [arms]") ==
          Relation::kWider);
  }

  TEST_CASE("the same values written another way are equivalent") {
    CHECK(Between("to.country == KP", "to.country in [KP]") == Relation::kEquivalent);
    CHECK(Between("item.quantity > 5", "not (item.quantity <= 5)") == Relation::kEquivalent);
  }

  TEST_CASE("what the analysis cannot prove is unknown, never a guess") {
    CHECK(Between("to.country == KP", "from.country == KP") == Relation::kUnknown);
    CHECK(Between("to.country in [KP, RU]", "to.country in [KP, CN]") == Relation::kUnknown);
    CHECK(Between("item.quantity > 5", "item.quantity < 5") == Relation::kUnknown);
  }

  TEST_CASE("a named set whose members change moves the condition with it") {
    const auto before = Pack("to.country in $near");
    const auto after = Pack("to.country in $wide", "  wide: {type: country, values: [KP, CN, RU]}\n");
    CHECK(Compare(*before, *after) == Relation::kWider);
  }

  TEST_CASE("every claim holds on a grid of facts judged by the judging core") {
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"to.country == KP", "to.country in [KP, RU]"},
        {"to.country in [KP, RU] and item.quantity > 5", "to.country == KP and item.quantity >= 10"},
        {"to.country == KP", "to.country == KP or item.quantity > 5"},
        {"item.tags in [arms, dual-use]", "item.tags in [arms]"},
        {"to.country == KP", "to.country in [KP]"},
        {"item.quantity > 5", "not (item.quantity <= 5)"},
        {"to.country in $near and item.quantity < 10", "to.country == KP and item.quantity <= 7"},
        {"to.country in [KP, CN] and item.tags in [arms]", "to.country in [KP, CN, RU] and item.tags in [arms]"},
    };
    for (const auto& [before, after] : pairs) {
      CHECK(Between(before, after) != Relation::kUnknown);
      CheckClaim(before, after);
    }
  }
}

}  // namespace
}  // namespace sancheck::impact
