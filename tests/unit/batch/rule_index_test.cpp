// Tests of the rule index: guards of typical conditions, and indexed results equal to evaluating every rule.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "batch/judge.hpp"
#include "batch/program_guard.hpp"
#include "batch/rule_index.hpp"
#include "rules/rule_set.hpp"

using namespace sancheck;
using namespace sancheck::batch;

namespace {

std::unique_ptr<rules::RuleSet> Load(const std::vector<std::string>& paths) {
  Diagnostics diags;
  auto set = rules::LoadRuleSet(paths, diags);
  INFO(diags.RenderAll());
  REQUIRE(set);
  return set;
}

expr::Program CompileText(const rules::RuleSet& set, const std::string& text) {
  expr::CompileEnv env{&set.tags, &set.sets};
  expr::CompileError error;
  auto p = expr::Compile(text, env, error);
  INFO(error.message);
  REQUIRE(p);
  return std::move(*p);
}

// Random records over the values rules care about: KP and its neighbours,
// every HS chapter, known and unknown tags, dates around effective dates, and
// some missing facts (which bypass the index).
Record RandomRecord(std::mt19937& rng, const rules::RuleSet& set) {
  static const char* kCountries[] = {"KP", "CN", "RU", "US", "DE", "HK", "SG", "KR", "JP"};
  static const char* kTags[] = {"mtcr", "nsg", "dual-use", "luxury", "arms", "condensate", "vessel", "unknown-tag"};
  static const unsigned kUnits[] = {0, 1, 2, 3, 4, 5};
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Record r;
  r.id = "R";
  r.date = Date::FromCivil(2004 + pick(20), 1 + static_cast<unsigned>(pick(12)), 1 + static_cast<unsigned>(pick(28)));
  if (pick(40) != 0) r.from.Set(*Country::Parse(kCountries[pick(pick(2) ? 2 : 9)]));
  if (pick(40) != 0) r.to.Set(*Country::Parse(kCountries[pick(pick(2) ? 2 : 9)]));
  if (pick(20) != 0) {
    const int digits = pick(4) == 0 ? 4 : 6;
    uint64_t v = static_cast<uint64_t>(pick(98) + 1);
    if (v == 77) v = 78;  // chapter 77 is reserved: no HsCode has it
    for (int d = 2; d < digits; ++d) v = v * 10 + static_cast<uint64_t>(pick(10));
    HsCode hs{v, static_cast<uint8_t>(digits)};
    r.hs.Set(hs);
    r.hs_lo = hs.Low();
    r.hs_hi = hs.High();
  }
  for (int k = pick(3); k > 0; --k) {
    const int bit = set.tags.Find(kTags[pick(8)]);
    if (bit >= 0) r.tags.set(static_cast<size_t>(bit));
  }
  if (pick(3) != 0) r.quantity.Set(pick(100000));
  if (pick(3) != 0) r.unit.Set(static_cast<Unit>(kUnits[pick(6)]));
  if (pick(2) != 0) r.value_usd.Set(pick(5000));
  return r;
}

void CheckIndexAgrees(const rules::RuleSet& set, int records) {
  std::vector<uint32_t> order(set.rules.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  RuleIndex index(set, order);
  Judge indexed(set, index, order, true);
  Judge every(set, index, order, false);
  std::mt19937 rng(20061014);
  size_t findings = 0;
  for (int i = 0; i < records; ++i) {
    const Record r = RandomRecord(rng, set);
    std::vector<batch::Finding> a, b;
    indexed.Run(r, a);
    every.Run(r, b);
    REQUIRE(a.size() == b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].rank == b[k].rank);
      CHECK(a[k].verdict == b[k].verdict);
      CHECK(a[k].undecided == b[k].undecided);
      CHECK(a[k].capped == b[k].capped);
    }
    findings += a.size();
  }
  CHECK(findings > static_cast<size_t>(records) / 50);  // the records do exercise the rules
}

}  // namespace

TEST_CASE("guard: a party and goods condition becomes one bucketable alternative") {
  auto set = Load({SANCHECK_SOURCE_DIR "/bench/workload"});
  const Guard g = GuardOf(CompileText(*set, "to.country == KP and item.hs in [93]"));
  REQUIRE(g.alts.size() == 1);
  CHECK(g.alts[0].has_to);
  CHECK_FALSE(g.alts[0].has_from);
  CHECK(g.alts[0].to.count() == 1);
  CHECK(g.alts[0].has_hs);
}

TEST_CASE("guard: either party distributes over the goods") {
  auto set = Load({SANCHECK_SOURCE_DIR "/bench/workload"});
  const Guard g = GuardOf(CompileText(*set, "(from.country == KP or to.country == KP) and item.tags in [dual-use]"));
  REQUIRE(g.alts.size() == 2);
  CHECK(g.alts[0].has_tags);
  CHECK(g.alts[1].has_tags);
}

TEST_CASE("guard: negation and other fields stay unconstrained, contradictions are never") {
  auto set = Load({SANCHECK_SOURCE_DIR "/bench/workload"});
  CHECK(GuardOf(CompileText(*set, "not (to.country == KP)")).IsAlways());
  CHECK(GuardOf(CompileText(*set, "item.value_usd > 100")).IsAlways());
  CHECK(GuardOf(CompileText(*set, "to.country == KP and to.country == CN")).alts.empty());
  CHECK(GuardOf(CompileText(*set, "KP in parties.country")).alts.size() == 2);
}

TEST_CASE("index: the benchmark pack gives the same findings as evaluating every rule") {
  auto set = Load({SANCHECK_SOURCE_DIR "/bench/workload"});
  CheckIndexAgrees(*set, 20000);
}

TEST_CASE("index: the built-in packs give the same findings as evaluating every rule") {
  auto set = Load({});
  CheckIndexAgrees(*set, 20000);
}
