// Tests of the rule index: guards of typical conditions, and indexed results equal to evaluating every rule.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "batch/judge.hpp"
#include "batch/name_cache.hpp"
#include "batch/program_guard.hpp"
#include "batch/rule_index.hpp"
#include "judge/screening.hpp"
#include "load_rules.hpp"
#include "rules/rule_set.hpp"

#include <unistd.h>

using namespace sancheck;
using namespace sancheck::batch;

namespace {

expr::Program CompileText(const rules::RuleSet& set, const std::string& text) {
  expr::CompileEnv env{&set.tags, &set.sets};
  expr::CompileError error;
  auto p = expr::Compile(text, env, error);
  INFO(error.message);
  REQUIRE(p);
  return std::move(*p);
}

// The guard of `text` compiled against the benchmark's pack (its sets and tags), or with
// `builtin` the built-in packs (their screening regimes); each loaded once.
Guard GuardOfText(const std::string& text, bool builtin = false) {
  static const auto workload = LoadPacks({SANCHECK_SOURCE_DIR "/bench/workload"});
  static const auto packs = LoadPacks({});
  return GuardOf(CompileText(builtin ? *packs : *workload, text));
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

// Parties' names for screened runs: UN-listed people and bodies of the DPRK and of other
// regimes (matches), a near spelling (possible), ordinary traders and no name at all.
const char* RandomName(std::mt19937& rng) {
  static const char* kNames[] = {"Munitions Industry Department", "Jo Chun-ryong", "KIM SONG CHOL",
                                 "Korea Mining Development Trading Corporation", "Cho Chun Ryng",
                                 "Ordinary Trading Co", "Dandong Foods Trading Co", "Ministry of Defence",
                                 "ABU BAKR AL-BAGHDADI", ""};
  return kNames[rng() % std::size(kNames)];
}

// With `screening`, the records' parties are named and screened (rules reading designations
// are then met only by flagged records: the index's screening gate).
void CheckIndexAgrees(const rules::RuleSet& set, int records, const judge::Screening* screening = nullptr) {
  std::vector<uint32_t> order(set.rules.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  RuleIndex index(set, order);
  NameCache names;
  const Date run_date = *Date::Parse("2026-01-01");
  Judge indexed(set, index, order, true, screening, screening ? &names : nullptr, run_date);
  Judge every(set, index, order, false, screening, screening ? &names : nullptr, run_date);
  std::mt19937 rng(20061014);
  size_t findings = 0, matched = 0;
  for (int i = 0; i < records; ++i) {
    Record r = RandomRecord(rng, set);
    if (screening) {
      r.from_name = RandomName(rng);
      r.to_name = RandomName(rng);
    }
    std::vector<batch::Finding> a, b;
    indexed.Run(r, a);
    every.Run(r, b);
    REQUIRE(a.size() == b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      CHECK(a[k].rank == b[k].rank);
      CHECK(a[k].verdict == b[k].verdict);
      CHECK(a[k].undecided == b[k].undecided);
      CHECK(a[k].capped == b[k].capped);
      CHECK((a[k].match != nullptr) == (b[k].match != nullptr));
      matched += a[k].match ? 1 : 0;
    }
    findings += a.size();
  }
  CHECK(findings > static_cast<size_t>(records) / 50);  // the records do exercise the rules
  if (screening) CHECK(matched > static_cast<size_t>(records) / 50);  // and the screening rules
}

}  // namespace

TEST_CASE("guard: a party and goods condition becomes one bucketable alternative") {
  const Guard g = GuardOfText("to.country == KP and item.hs in [93]");
  REQUIRE(g.alts.size() == 1);
  CHECK(g.alts[0].has_to);
  CHECK_FALSE(g.alts[0].has_from);
  CHECK(g.alts[0].to.count() == 1);
  CHECK(g.alts[0].has_hs);
}

TEST_CASE("guard: either party distributes over the goods") {
  const Guard g = GuardOfText("(from.country == KP or to.country == KP) and item.tags in [dual-use]");
  REQUIRE(g.alts.size() == 2);
  CHECK(g.alts[0].has_tags);
  CHECK(g.alts[1].has_tags);
}

TEST_CASE("guard: negation and other fields stay unconstrained, contradictions are never") {
  CHECK(GuardOfText("not (to.country == KP)").IsAlways());
  CHECK(GuardOfText("item.value_usd > 100").IsAlways());
  CHECK(GuardOfText("to.country == KP and to.country == CN").alts.empty());
  CHECK(GuardOfText("KP in parties.country").alts.size() == 2);
}

TEST_CASE("guard: a record names no transit country, vessel or traveller, and its origin is its exporter's") {
  const Guard g = GuardOfText("(to.country == KP or KP in via) and item.hs in [93]");
  REQUIRE(g.alts.size() == 1);
  CHECK(g.alts[0].has_to);
  CHECK(g.alts[0].has_hs);
  CHECK(GuardOfText("via in [KP, IR]").alts.empty());
  CHECK(GuardOfText("not (KP in via)").IsAlways());
  // Nor a vessel or a traveller, and its item's origin is the exporter's country.
  CHECK(GuardOfText("known(vessel.country) and vessel.country == KP").alts.empty());
  CHECK(GuardOfText("vessel.country == KP").IsAlways());  // unknown, not false: review
  const Guard origin = GuardOfText("item.origin == KP");
  REQUIRE(origin.alts.size() == 1);
  CHECK(origin.alts[0].has_from);
}

TEST_CASE("guard: a rule reading a party's screening needs a flagged party") {
  const Guard g = GuardOfText("parties.designated", true);
  REQUIRE(g.alts.size() == 1);
  CHECK(g.alts[0].needs_flag);
  CHECK_FALSE(g.IsAlways());
  const Guard listed = GuardOfText("parties.listed and not (parties.listed_under in [un-al-qaida])", true);
  REQUIRE(listed.alts.size() == 1);
  CHECK(listed.alts[0].needs_flag);
  CHECK(GuardOfText("not parties.designated", true).IsAlways());
  CHECK(GuardOfText("parties.designated or item.hs in [93]", true).alts.size() == 2);
}

TEST_CASE("index: the benchmark pack gives the same findings as evaluating every rule") {
  auto set = LoadPacks({SANCHECK_SOURCE_DIR "/bench/workload"});
  CheckIndexAgrees(*set, 20000);
}

TEST_CASE("index: the built-in packs give the same findings as evaluating every rule") {
  auto set = LoadPacks({});
  CheckIndexAgrees(*set, 20000);
}

TEST_CASE("index: with parties screened, rules read only for flagged parties give the same findings") {
  auto set = LoadPacks({});
  Diagnostics diags;
  const auto screening = judge::LoadScreening(*set, judge::ScreeningSources{}, diags);
  INFO(diags.RenderAll());
  REQUIRE(screening);
  REQUIRE(screening->screener);
  std::vector<uint32_t> order(set->rules.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  CHECK(RuleIndex(*set, order).screening_gated());
  CheckIndexAgrees(*set, 20000, screening.get());
}

TEST_CASE("index: a pack of many narrow rules gives the same findings as evaluating every rule") {
  // Hundreds of rules, each one country on one side and a few headings or subheadings (as a
  // multi-regime pack is written): most records meet a country some rule names and no heading
  // it names, the case the tables' reach is for.
  static const char* kCountries[] = {"KP", "CN", "RU", "US", "DE", "HK", "SG", "KR", "JP"};
  static const char* kTags[] = {"mtcr", "nsg", "dual-use", "luxury"};
  std::mt19937 rng(2397);
  std::string text = "pack: narrow\nversion: \"1\"\ntitle: many narrow rules\ntags: [mtcr, nsg, dual-use, luxury]\nrules:\n";
  for (int i = 0; i < 400; ++i) {
    std::string hs;
    for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n; ++k) {
      char code[16];
      const auto drawn = static_cast<unsigned>(1 + rng() % 97);
      const unsigned chapter = drawn == 77 ? 78 : drawn;  // 77 is reserved
      const auto heading = static_cast<unsigned>(1 + rng() % 40);
      const auto sub = static_cast<unsigned>(10 * (1 + rng() % 9));
      if (rng() % 3 == 0) {
        std::snprintf(code, sizeof code, "%02u%02u.%02u", chapter, heading, sub);
      } else {
        std::snprintf(code, sizeof code, "%02u%02u", chapter, heading);
      }
      hs += (k ? ", " : "") + std::string(code);
    }
    std::string when = std::string(rng() % 2 ? "to" : "from") + ".country == " + kCountries[rng() % 9] + " and ";
    when += rng() % 5 == 0 ? "item.tags in [" + std::string(kTags[rng() % 4]) + "]" : "item.hs in [" + hs + "]";
    text += "  - id: N" + std::to_string(i) + "\n    title: narrow rule\n    verdict: prohibited\n    effective: " +
            std::to_string(2006 + rng() % 18) + "-01-01\n    applies_to: [supply]\n    citations:\n" +
            "      - {resolution: \"1718\", paragraph: \"8\", text: \"test\"}\n    when: " + when +
            "\n    message: \"narrow rule\"\n";
  }
  const auto path = std::filesystem::temp_directory_path() / ("sancheck-narrow-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(path) << text;
  Diagnostics diags;
  auto set = rules::LoadRuleSet({path.string()}, diags);
  std::filesystem::remove(path);
  INFO(diags.RenderAll());
  REQUIRE(set);
  CHECK(set->rules.size() == 400);
  CheckIndexAgrees(*set, 40000);
}

TEST_CASE("index: a table's reach rules out only keys it holds nothing for") {
  // Random tables of whole chapters, headings, parts of headings and HS-free alternatives;
  // every key ForEach calls back for must be in reach, and a sparse table must rule most out.
  std::mt19937 rng(1718);
  constexpr uint64_t kChapter = 100'000'000, kHeading = 1'000'000;
  size_t keys = 0, ruled_out = 0;
  for (int round = 0; round < 200; ++round) {
    HsBuckets table;
    bool every_code = false;  // an HS-free alternative: every key is in reach
    const uint32_t alts = 1 + rng() % 12;
    for (uint32_t id = 0; id < alts; ++id) {
      GuardAlt g;
      g.has_hs = rng() % 8 != 0;
      every_code = every_code || !g.has_hs;
      const uint64_t chapter = rng() % 100, heading = rng() % 100;
      switch (rng() % 3) {
        case 0: g.hs.push_back({chapter * kChapter, (chapter + 1) * kChapter - 1}); break;
        case 1: g.hs.push_back({chapter * kChapter + heading * kHeading, chapter * kChapter + (heading + 1) * kHeading - 1}); break;
        default: {
          const uint64_t at = chapter * kChapter + heading * kHeading + rng() % kHeading;
          g.hs.push_back({at, at + rng() % (3 * kHeading)});  // may run into the next heading
        }
      }
      table.Add(id, id, g, rng() % 2 == 0);
    }
    table.Finish();
    const HsReach reach = table.Reach();
    auto check = [&](const HsKey& key) {
      bool called = false;
      table.ForEach(key, [&](uint32_t, uint32_t, bool) { called = true; });
      if (called) CHECK(reach.Meets(key));
      if (every_code) return;
      ++keys;
      ruled_out += reach.Meets(key) ? 0 : 1;
    };
    check(HsKey{});
    check(HsKey{HsKey::kWide, static_cast<uint16_t>(rng() % 100), 0});
    for (uint16_t c = 0; c < 100; ++c) {
      for (uint16_t h = 0; h < 100; ++h) check(HsKey{HsKey::kHeading, c, h});
    }
  }
  REQUIRE(keys > 0);
  CHECK(ruled_out * 10 > keys * 8);  // a dozen alternatives leave most of 10,000 headings out
}
