// Tests of the caps gate's first look at a JSONL line: it rules out only lines whose countries surely meet no capped rule.
#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

#include "batch/cap_gate.hpp"
#include "load_rules.hpp"
#include "temp_dir.hpp"
#include "rules/rule_set.hpp"

using namespace sancheck;
using namespace sancheck::batch;

namespace {

std::unique_ptr<CapGate> GateOf(const rules::RuleSet& set) {
  std::vector<uint32_t> order(set.rules.size());
  std::iota(order.begin(), order.end(), 0u);
  return CapGate::Make(set, order);
}

// A pack of one capped rule with condition `when`, loaded from a temporary folder.
std::unique_ptr<rules::RuleSet> CappedPack(const std::string& when) {
  TempDir dir;
  dir.Write("pack.yaml",
            "pack: capped\nversion: \"1\"\nrules:\n"
            "  - id: fuel\n    title: Fuel (capped)\n    verdict: review\n    effective: 2017-01-01\n"
            "    applies_to: [supply]\n    citations:\n      - {resolution: \"2397\", paragraph: \"5\"}\n"
            "    when: " + when + "\n    message: Capped.\n    cap: {limit: 100, unit: bbl, period: calendar-year}\n");
  return LoadPacks({dir.path.string()});
}

std::string Line(const std::string& from, const std::string& to, const std::string& id = "S1") {
  return R"({"id":")" + id + R"(","date":"2018-01-01","exporter_country":")" + from + R"(","importer_country":")" + to +
         R"(","hs":"271019","quantity":5,"unit":"bbl"})";
}

}  // namespace

TEST_CASE("caps gate: the built-in packs' capped rules (supplies to KP) rule out lines by their countries") {
  const auto set = LoadPacks({});
  const auto gate = GateOf(*set);
  REQUIRE(gate);
  REQUIRE(gate->reads_countries_first());
  CHECK(gate->SurelyOut(Line("CN", "RU")));
  CHECK(gate->SurelyOut(Line("KP", "RU")));  // from KP: no capped rule reads the exporter
  CHECK_FALSE(gate->SurelyOut(Line("CN", "KP")));
  // Whatever the first bytes do not settle is left to the full read.
  CHECK_FALSE(gate->SurelyOut(Line("CN", "K\\u0050")));        // an escape may spell KP
  CHECK_FALSE(gate->SurelyOut(Line("CN", "RU", "a\\\"b")));     // an escaped quote: the id reads on
  CHECK_FALSE(gate->SurelyOut(Line("CN", "")));                 // no importer country: meets every rule
  CHECK_FALSE(gate->SurelyOut(Line("CN", "ru")));
  CHECK_FALSE(gate->SurelyOut(Line("CN", "RUS")));
  CHECK_FALSE(gate->SurelyOut(R"({"id": "S1","date":"2018-01-01","exporter_country":"CN","importer_country":"RU"})"));
  CHECK_FALSE(gate->SurelyOut(R"({"date":"2018-01-01","id":"S1","exporter_country":"CN","importer_country":"RU"})"));
  CHECK_FALSE(gate->SurelyOut(R"({"id":"S1","date":"2018-01-01","importer_country":"RU","exporter_country":"CN"})"));
  CHECK_FALSE(gate->SurelyOut(R"({"id":"S1","date":"2018-01-01","exporter_country":"CN","importer_country":"RU)"));
  CHECK_FALSE(gate->SurelyOut(R"({"id":"S1)"));
  CHECK_FALSE(gate->SurelyOut(""));
}

TEST_CASE("caps gate: a capped rule on the exporter's country, and one that names no country") {
  const auto by_exporter = GateOf(*CappedPack("from.country == RU and item.hs in [2710]"));
  REQUIRE(by_exporter);
  REQUIRE(by_exporter->reads_countries_first());
  CHECK_FALSE(by_exporter->SurelyOut(Line("RU", "CN")));
  CHECK(by_exporter->SurelyOut(Line("CN", "RU")));
  // A rule every country may meet: no line is told by its countries.
  const auto any = GateOf(*CappedPack("item.hs in [2710]"));
  REQUIRE(any);
  CHECK_FALSE(any->reads_countries_first());
  CHECK_FALSE(any->SurelyOut(Line("CN", "RU")));
  const auto either = GateOf(*CappedPack("to.country == KP or item.hs in [93]"));
  REQUIRE(either);
  CHECK_FALSE(either->reads_countries_first());
  // One only a flagged party meets: no gate at all (telling needs the parties screened).
  CHECK_FALSE(GateOf(*CappedPack("to.designated and item.hs in [2710]")));
}
