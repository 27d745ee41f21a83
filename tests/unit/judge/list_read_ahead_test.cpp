// Lists read on a second thread while the packs compile (LoadPacksAndScreening) are the lists read in turn.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "judge/list_read_ahead.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"
#include "sancheck/file_reader.hpp"

namespace sancheck::judge {
namespace {

// What a screening holds, in a form two loads can be compared by.
std::vector<std::string> Summary(const Screening& s) {
  std::vector<std::string> out;
  for (const ListInfo& l : s.lists) {
    out.push_back("list " + l.name + " " + l.snapshot + " " + l.format + " " + l.sha256 + " " +
                  std::to_string(l.entries) + (l.builtin ? " built-in" : ""));
  }
  if (!s.screener) return out;
  for (uint32_t i = 0; i < s.screener->size(); ++i) {
    const screen::Designation& d = s.screener->At(i);
    out.push_back(d.reference + " " + d.name + " list " + std::to_string(d.list) + (s.dprk[i] ? " dprk" : "") +
                  " tag " + std::to_string(s.regime_tag[i]));
  }
  return out;
}

// Both find KPi.038 first for `name` (CHO CHUN RYONG, written some way), with the same candidates.
void CheckScreenAlike(const Screening& x, const Screening& y, const std::string& name) {
  screen::Query q;
  q.name = name;
  const auto a = AllCandidates(x, q);
  const auto b = AllCandidates(y, q);
  REQUIRE_FALSE(a.empty());
  CHECK(a.front().designation->reference == "KPi.038");
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].designation->reference == b[i].designation->reference);
    CHECK(a[i].score == b[i].score);
  }
}

struct Loaded {
  PacksAndScreening ahead;
  Diagnostics ahead_diags;
  std::unique_ptr<rules::RuleSet> set;
  std::unique_ptr<Screening> in_turn;
  Diagnostics in_turn_diags;
};

// Loads `paths` both ways: read ahead, and packs first then lists.
Loaded LoadBothWays(const std::vector<std::string>& paths, const std::shared_ptr<FileReader>& files) {
  Loaded l;
  rules::LoadOptions options;
  options.files = files.get();
  ScreeningSources sources;
  sources.files = files.get();
  l.ahead = LoadPacksAndScreening(paths, options, sources, l.ahead_diags);
  l.set = rules::LoadRuleSet(paths, l.in_turn_diags, options);
  if (l.set) l.in_turn = LoadScreening(*l.set, sources, l.in_turn_diags);
  return l;
}

TEST_SUITE("judge.list_read_ahead") {
  TEST_CASE("the built-in lists read ahead are those read after the packs") {
    Loaded l = LoadBothWays({}, std::make_shared<MemoryFileReader>());
    REQUIRE_MESSAGE(l.ahead.set, l.ahead_diags.RenderAll());
    REQUIRE(l.ahead.screening);
    REQUIRE(l.in_turn);
    CHECK(l.ahead_diags.RenderAll() == l.in_turn_diags.RenderAll());
    const auto ahead = Summary(*l.ahead.screening);
    CHECK(ahead.size() > 1000);  // the UN list and the vessels: every entry compared below
    CHECK(ahead == Summary(*l.in_turn));
    CHECK(l.ahead.set->builtin_designation_files.size() == l.ahead.set->designation_files.size());

    // And they screen alike, through the index the snapshot brought.
    CheckScreenAlike(*l.ahead.screening, *l.in_turn, "Cho Chun Ryong");
  }

  TEST_CASE("the built-in lists read before the command line is parsed go to one load, as read in turn") {
    const BuiltinListsReadEarly early;
    const BuiltinListsReadEarly again;  // once per process: the second starts nothing
    const size_t before = BuiltinListsTakenEarly();
    const auto files = std::make_shared<MemoryFileReader>();
    Loaded first = LoadBothWays({}, files);   // its read-ahead load claims the early lists
    Loaded second = LoadBothWays({}, files);  // none left: both its loads read their own
    REQUIRE(first.ahead.screening);
    REQUIRE(first.in_turn);
    REQUIRE(second.ahead.screening);
    const size_t builtin = first.ahead.set->builtin_designation_files.size();
    // Taken once, by the first load, unless the machine has one core (nothing read early), or
    // an earlier test of this process already took them.
    const size_t taken = BuiltinListsTakenEarly() - before;
    CHECK(taken == (std::thread::hardware_concurrency() < 2 || before > 0 ? 0 : builtin));
    CHECK(first.ahead_diags.RenderAll() == first.in_turn_diags.RenderAll());
    const auto in_turn = Summary(*first.in_turn);
    CHECK(in_turn.size() > 1000);
    CHECK(Summary(*first.ahead.screening) == in_turn);
    CHECK(Summary(*second.ahead.screening) == in_turn);
    CheckScreenAlike(*first.ahead.screening, *first.in_turn, "Чо Чхун Рён");
  }

  TEST_CASE("a pack's own list is read ahead, its errors reported once, as read in turn") {
    auto files = std::make_shared<MemoryFileReader>();
    files->Add("mem/acme/pack.yaml", "pack: acme\nversion: \"1\"\n");
    files->Add("mem/acme/list.yaml",
               "designations:\n  name: acme-list\n  snapshot: 2026-01-05\n  entries:\n"
               "    - {reference: AC.1, kind: entity, name: ACME TRADING, listed_on: 2020-01-01}\n"
               "    - {reference: AC.2, kind: entity, name: ACME SHIPPING, listed_on: 2020-01-01, colour: red}\n");
    Loaded l = LoadBothWays({"mem/acme"}, files);
    const std::string errors = l.ahead_diags.RenderAll();
    CHECK(errors == l.in_turn_diags.RenderAll());
    CHECK(l.ahead_diags.error_count() == 1);
    CHECK(errors.find("colour") != std::string::npos);
    REQUIRE(l.ahead.screening);
    REQUIRE(l.in_turn);
    const auto ahead = Summary(*l.ahead.screening);
    CHECK(ahead == Summary(*l.in_turn));
    CHECK(std::find(ahead.begin(), ahead.end(), "AC.1 ACME TRADING list 0 dprk tag -1") != ahead.end());
  }
}

}  // namespace
}  // namespace sancheck::judge
