// Tests of RunBatch: input order, error lines and counts, CSV input, --max-errors, caps and the ledger file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "batch/pipeline.hpp"
#include "load_rules.hpp"
#include "temp_dir.hpp"
#include "rules/rule_set.hpp"

using namespace sancheck;
using namespace sancheck::batch;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string line; std::getline(s, line);) out.push_back(line);
  return out;
}

BatchOptions BenchOptions() {
  BatchOptions o;
  o.output.short_ids = true;
  o.output.no_match = "not-applicable";
  o.chunk_bytes = 256;  // many small chunks: exercises ordering across threads
  return o;
}

const char* kRecords =
    R"({"id":"A","date":"2017-12-22","exporter_country":"KP","importer_country":"CN","hs":"930690","tags":["mtcr"]})" "\n"
    R"({"id":"B","date":"2017-12-22","exporter_country":"CN","importer_country":"US","hs":"930690","tags":[]})" "\n"
    "\n"
    R"({"id":"C","date":"2017-12-22","exporter_country":"CN","importer_country":"KP","hs":"100630"})" "\n"
    R"({"id":"D","date":"not a date"})" "\n"
    R"({"id":"E","date":"2017-12-22","exporter_country":"CN","importer_country":"KP","hs":"847130","tags":["dual-use"]})" "\n"
    R"({"id":"F" oops)" "\n";

// One capped rule: fuel to the DPRK, 100 bbl a calendar year.
constexpr const char* kCappedPack =
    "pack: capped\nversion: \"1\"\nrules:\n"
    "  - id: fuel\n    title: Fuel to KP (capped)\n    verdict: review\n    effective: 2017-01-01\n"
    "    applies_to: [supply]\n    citations:\n      - {resolution: \"2397\", paragraph: \"5\"}\n"
    "    when: to.country == KP and item.hs in [2710]\n    message: Capped.\n"
    "    cap: {limit: 100, unit: bbl, period: calendar-year}\n";

}  // namespace

TEST_CASE("pipeline: results in input order, bad records as error lines, counts") {
  auto set = LoadPacks({SANCHECK_SOURCE_DIR "/bench/workload"});
  TempDir dir;
  std::string all;
  for (int i = 0; i < 50; ++i) all += kRecords;
  // A record four chunks long in the middle: the chunks around it are cut as usual.
  const std::string long_record = R"({"id":"L","date":"2017-12-22","exporter_country":"KP","importer_country":"CN","hs":"930690","description":")" +
                                  std::string(1000, 'x') + "\"}\n";
  all.insert(all.find("{\"id\":\"A\"", all.size() / 2), long_record);
  const std::string in = dir.Write("in.jsonl", all);
  BatchReport report;
  std::stringstream diag;
  REQUIRE(RunBatch(*set, BenchOptions(), {in}, (dir.path / "out.jsonl").string(), report, diag));
  const auto out = Lines(dir.Read("out.jsonl"));
  REQUIRE(out.size() == 301);
  CHECK(out[0] == R"({"id":"A","verdict":"prohibited","rules":["R02","R06"]})");
  CHECK(out[1] == R"({"id":"B","verdict":"not-applicable","rules":[]})");
  CHECK(out[2] == R"({"id":"C","verdict":"permitted","rules":["R23"]})");
  CHECK(out[3].find(R"("verdict":"error")") != std::string::npos);
  CHECK(out[3].find(R"("line":5)") != std::string::npos);
  CHECK(out[3].find(R"("field":"date")") != std::string::npos);
  CHECK(out[4] == R"({"id":"E","verdict":"prohibited","rules":["R17","R28"]})");
  CHECK(out[5].find(R"("line":7)") != std::string::npos);
  CHECK(out[300].find(R"("line":351)") != std::string::npos);
  CHECK(report.counts[kOutProhibited] == 101);
  CHECK(report.counts[kOutError] == 100);
  CHECK(report.records == 301);
  CHECK(diag.str().find(":5:18: error: field 'date'") != std::string::npos);  // the column of the value

  // Preload mode and one thread give the same bytes.
  BatchOptions pre = BenchOptions();
  pre.preload = true;
  BatchReport r2;
  REQUIRE(RunBatch(*set, pre, {in}, (dir.path / "pre.jsonl").string(), r2, diag));
  CHECK(dir.Read("pre.jsonl") == dir.Read("out.jsonl"));
  BatchOptions one = BenchOptions();
  one.threads = 1;
  BatchReport r3;
  REQUIRE(RunBatch(*set, one, {in}, (dir.path / "one.jsonl").string(), r3, diag));
  CHECK(dir.Read("one.jsonl") == dir.Read("out.jsonl"));
}

TEST_CASE("pipeline: --max-errors gives up after the record that passed the limit, and writes no results file") {
  auto set = LoadPacks({SANCHECK_SOURCE_DIR "/bench/workload"});
  TempDir dir;
  std::string all;
  for (int i = 0; i < 50; ++i) all += kRecords;
  const std::string in = dir.Write("in.jsonl", all);
  BatchOptions o = BenchOptions();
  o.max_errors = 3;
  BatchReport report;
  std::stringstream diag;
  CHECK_FALSE(RunBatch(*set, o, {in}, (dir.path / "out.jsonl").string(), report, diag));
  CHECK(report.stopped);
  // Per block of 7 lines: A B C D(bad) E F(bad). The 4th bad record is F of the 2nd block (line 14):
  // the first block and A..E of the second are judged.
  int64_t judged = 0;
  for (int64_t n : report.counts) judged += n;
  CHECK(judged == 11);
  // A run that could not be done leaves no results, not even a temporary.
  CHECK_FALSE(fs::exists(dir.path / "out.jsonl"));
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  CHECK(diag.str().find(":14:") == std::string::npos);
  CHECK(report.counts[kOutError] == 3);
  CHECK(diag.str().find("giving up") != std::string::npos);
}

TEST_CASE("pipeline: CSV input gives the same results as JSONL") {
  auto set = LoadPacks({SANCHECK_SOURCE_DIR "/bench/workload"});
  TempDir dir;
  const std::string csv = dir.Write(
      "in.csv",
      "id,date,exporter_country,importer_country,exporter_name,importer_name,hs,description,quantity,unit,value_usd,tags,vessel_imo\r\n"
      "A,2017-12-22,KP,CN,\"Kim \"\"Star\"\"\nTrading\",B,930690,d,1,pcs,2.50,mtcr,\r\n"
      "B,2017-12-22,CN,US,A,B,930690,d,1,pcs,2.50,,\r\n"
      "E,2017-12-22,CN,KP,A,B,847130,\"x, y\",1,pcs,2.50,dual-use;food,IMO9074729\r\n"
      "G,2017-12-22,CN,KP,A,B,84x,d,1,pcs,2.50,,\r\n");
  BatchReport report;
  std::stringstream diag;
  REQUIRE(RunBatch(*set, BenchOptions(), {csv}, (dir.path / "out.jsonl").string(), report, diag));
  const auto out = Lines(dir.Read("out.jsonl"));
  REQUIRE(out.size() == 4);
  CHECK(out[0] == R"({"id":"A","verdict":"prohibited","rules":["R02","R06"]})");
  CHECK(out[1] == R"({"id":"B","verdict":"not-applicable","rules":[]})");
  CHECK(out[2] == R"({"id":"E","verdict":"prohibited","rules":["R17","R28"]})");
  CHECK(out[3].find(R"("line":6)") != std::string::npos);  // the quoted line break counts
  CHECK(diag.str().find("in.csv:6:") != std::string::npos);
}

TEST_CASE("pipeline: empty input writes nothing") {
  auto set = LoadPacks({SANCHECK_SOURCE_DIR "/bench/workload"});
  TempDir dir;
  const std::string in = dir.Write("empty.jsonl", "");
  BatchReport report;
  std::stringstream diag;
  REQUIRE(RunBatch(*set, BenchOptions(), {in}, (dir.path / "out.jsonl").string(), report, diag));
  CHECK(dir.Read("out.jsonl").empty());
  CHECK(report.records == 0);
}

TEST_CASE("pipeline: caps count across the run and the ledger carries totals to the next run") {
  TempDir dir;
  dir.Write("pack.yaml", std::string(kCappedPack));
  auto set = LoadPacks({dir.path.string()});
  auto rec = [](const char* id, const char* date, int bbl) {
    return std::string(R"({"id":")") + id + R"(","date":")" + date +
           R"(","exporter_country":"CN","importer_country":"KP","hs":"271019","quantity":)" + std::to_string(bbl) +
           R"(,"unit":"bbl"})" "\n";
  };
  const std::string in = dir.Write("in.jsonl", rec("a", "2018-01-01", 60) + rec("b", "2018-02-01", 30) +
                                                   rec("c", "2018-03-01", 20) + rec("d", "2019-01-01", 50));
  BatchOptions o = BenchOptions();
  o.output.short_ids = false;
  o.ledger_path = (dir.path / "ledger.json").string();
  BatchReport report;
  std::stringstream diag;
  REQUIRE(RunBatch(*set, o, {in}, (dir.path / "out.jsonl").string(), report, diag));
  auto out = Lines(dir.Read("out.jsonl"));
  REQUIRE(out.size() == 4);
  CHECK(out[0].find(R"("verdict":"review")") != std::string::npos);
  CHECK(out[1].find(R"("verdict":"review")") != std::string::npos);      // 90 of 100
  CHECK(out[2].find(R"("verdict":"prohibited")") != std::string::npos);  // crosses: 110
  CHECK(out[3].find(R"("verdict":"review")") != std::string::npos);      // a new year
  const std::string ledger = dir.Read("ledger.json");
  CHECK(ledger.find("\"2018\": 110") != std::string::npos);
  CHECK(ledger.find("\"2019\": 50") != std::string::npos);

  // The next run starts from the ledger: 2019 already has 50, so 60 more crosses.
  const std::string next = dir.Write("next.jsonl", rec("e", "2019-06-01", 40) + rec("f", "2019-07-01", 20));
  BatchReport r2;
  REQUIRE(RunBatch(*set, o, {next}, (dir.path / "out2.jsonl").string(), r2, diag));
  out = Lines(dir.Read("out2.jsonl"));
  REQUIRE(out.size() == 2);
  CHECK(out[0].find(R"("verdict":"review")") != std::string::npos);
  CHECK(out[1].find(R"("verdict":"prohibited")") != std::string::npos);
  CHECK(dir.Read("ledger.json").find("\"2019\": 110") != std::string::npos);
}

TEST_CASE("pipeline: the collecting pass checks only records a capped rule may meet, and counts the same") {
  TempDir dir;
  // A second capped rule, on the exporter and a tag: a record without an importer country is
  // one of its deliveries (its condition is true), which the gate must pass.
  dir.Write("pack.yaml",
            "tags: [bunker]\n" + std::string(kCappedPack) +
            "  - id: bunker\n    title: Bunker fuel from RU (capped)\n    verdict: review\n    effective: 2017-01-01\n"
            "    applies_to: [supply]\n    citations:\n      - {resolution: \"2397\", paragraph: \"5\"}\n"
            "    when: from.country == RU and item.tags in [bunker]\n    message: Capped.\n"
            "    cap: {limit: 20, unit: bbl, period: calendar-year}\n"
            "  - id: arms\n    title: Arms from KP\n    verdict: prohibited\n    effective: 2006-10-14\n"
            "    applies_to: [supply]\n    citations:\n      - {resolution: \"1718\", paragraph: \"8\"}\n"
            "    when: from.country == KP and item.hs in [93]\n    message: Arms.\n");
  auto set = LoadPacks({dir.path.string()});
  auto rec = [](const std::string& id, const std::string& date, const std::string& from, const std::string& to,
                const std::string& hs, int bbl, const std::string& tag = "") {
    std::string r = R"({"id":")" + id + R"(","date":")" + date + R"(")";
    if (!from.empty()) r += R"(,"exporter_country":")" + from + R"(")";
    if (!to.empty()) r += R"(,"importer_country":")" + to + R"(")";
    if (!tag.empty()) r += R"(,"tags":[")" + tag + R"("])";
    return r + R"(,"hs":")" + hs + R"(","quantity":)" + std::to_string(bbl) + R"(,"unit":"bbl"})" "\n";
  };
  // Capped deliveries out of date order among records no capped rule meets; a bad one the gate
  // passes (its quantity is not a number), one it leaves out (an HS code that does not read),
  // and one without an importer country (it meets every rule, unknown).
  std::string all;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    all += rec("late" + n, "2018-12-0" + std::to_string(1 + i % 9), "CN", "KP", "271019", 5);
    all += rec("arms" + n, "2018-01-01", "KP", "RU", "930690", 1);
    all += rec("rice" + n, "2018-01-01", "CN", "KP", "100630", 7);
    all += rec("early" + n, "2018-01-0" + std::to_string(1 + i % 9), "RU", "KP", "271011", 2);
  }
  all += R"({"id":"bad","date":"2018-01-01","exporter_country":"CN","importer_country":"KP","hs":"271019","quantity":"x","unit":"bbl"})" "\n";
  all += rec("badhs", "2018-01-01", "CN", "KP", "27x", 5);
  all += rec("nocountry", "2018-01-02", "CN", "", "271019", 5);
  // Capped deliveries whose first bytes do not settle their countries (an escape spelling KP,
  // spaces in the layout): the gate's first look must leave them to the full read.
  all += R"({"id":"esc","date":"2018-01-03","exporter_country":"CN","importer_country":"K\u0050","hs":"271019","quantity":5,"unit":"bbl"})" "\n";
  all += R"({"id": "spaced", "date": "2018-01-03", "exporter_country": "CN", "importer_country": "KP", "hs": "271019", "quantity": 5, "unit": "bbl"})" "\n";
  // Lines that start as the gate's first look reads them, with countries no capped rule has, but
  // a key repeated after them: bad records, never counted, whichever way they are read.
  all += R"({"id":"dup","date":"2018-01-03","exporter_country":"CN","importer_country":"RU","importer_country":"KP","hs":"271019","quantity":5,"unit":"bbl"})" "\n";
  all += R"({"id":"dupesc","date":"2018-01-03","exporter_country":"CN","importer_country":"RU","hs":"271019","importer\u005fcountry":"KP","quantity":5,"unit":"bbl"})" "\n";
  // Bunker deliveries from RU: with the tag and no importer country (the later ones cross 20),
  // without the tag (no capped rule), and with the tag to a known country, dated first.
  for (int i = 0; i < 6; ++i) all += rec("bunker" + std::to_string(i), "2018-03-0" + std::to_string(2 + i), "RU", "", "271000", 5, "bunker");
  all += rec("untagged", "2018-03-01", "RU", "", "271000", 5);
  all += rec("bunker-cn", "2018-03-01", "RU", "CN", "271000", 5, "bunker");
  const std::string in = dir.Write("in.jsonl", all);
  BatchOptions o = BenchOptions();
  BatchReport report;
  std::stringstream diag;
  REQUIRE(RunBatch(*set, o, {in}, (dir.path / "gated.jsonl").string(), report, diag));
  BatchOptions every = BenchOptions();
  every.use_index = false;  // the reference: every record judged against every rule, no gate
  BatchOptions pre = BenchOptions();
  pre.preload = true;  // no collecting pass at all
  BatchReport r2, r3;
  REQUIRE(RunBatch(*set, every, {in}, (dir.path / "every.jsonl").string(), r2, diag));
  REQUIRE(RunBatch(*set, pre, {in}, (dir.path / "pre.jsonl").string(), r3, diag));
  const std::string gated = dir.Read("gated.jsonl");
  CHECK(gated == dir.Read("every.jsonl"));
  CHECK(gated == dir.Read("pre.jsonl"));
  // 30 early deliveries of 2 bbl (60) and the two of 5 of 3 January (70), then the late ones of
  // 5: the seventh late one crosses 100.
  const auto out = Lines(gated);
  REQUIRE(out.size() == 135);
  // Bunker: 5 (bunker-cn, 1 March) then 5 a day from 2 March: bunker2 reaches 20, bunker3 crosses.
  auto verdict_of = [&](const std::string& id) {
    for (const auto& line : out) {
      if (line.find(R"("id":")" + id + "\"") != std::string::npos) return line;
    }
    return std::string();
  };
  CHECK(verdict_of("bunker2").find(R"("verdict":"review")") != std::string::npos);
  CHECK(verdict_of("bunker3").find(R"("verdict":"prohibited")") != std::string::npos);
  CHECK(verdict_of("untagged").find(R"("bunker")") == std::string::npos);  // only fuel, unknown without an importer
  CHECK(verdict_of("untagged").find(R"("fuel")") != std::string::npos);
  int prohibited_late = 0;
  for (const auto& line : out) {
    if (line.find(R"("id":"late)") != std::string::npos && line.find(R"("verdict":"prohibited")") != std::string::npos) {
      ++prohibited_late;
    }
  }
  CHECK(prohibited_late == 24);
  CHECK(report.counts[kOutError] == 4);
  CHECK(verdict_of("dup").find("batch.duplicate_key") != std::string::npos);
  CHECK(verdict_of("dupesc").find("batch.duplicate_key") != std::string::npos);

  // The same records as CSV, one thread and two: the gate reads CSV fields as it reads JSONL's.
  std::string csv = "id,date,exporter_country,importer_country,hs,quantity,unit,tags\n";
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    csv += "late" + n + ",2018-12-0" + std::to_string(1 + i % 9) + ",CN,KP,271019,5,bbl,\n";
    csv += "early" + n + ",2018-01-0" + std::to_string(1 + i % 9) + ",RU,KP,271011,2,bbl,\n";
  }
  for (int i = 0; i < 6; ++i) csv += "bunker" + std::to_string(i) + ",2018-03-0" + std::to_string(2 + i) + ",RU,,271000,5,bbl,bunker\n";
  csv += "badhs,2018-01-01,CN,KP,27x,5,bbl,\n";
  const std::string in_csv = dir.Write("in.csv", csv);
  for (const int threads : {1, 2}) {
    CAPTURE(threads);
    BatchOptions gated_csv = BenchOptions();
    gated_csv.threads = threads;
    BatchOptions every_csv = gated_csv;
    every_csv.use_index = false;
    BatchReport r4, r5;
    REQUIRE(RunBatch(*set, gated_csv, {in_csv}, (dir.path / "gated_csv.jsonl").string(), r4, diag));
    REQUIRE(RunBatch(*set, every_csv, {in_csv}, (dir.path / "every_csv.jsonl").string(), r5, diag));
    CHECK(dir.Read("gated_csv.jsonl") == dir.Read("every_csv.jsonl"));
    // 5 bbl a day from 2 March: bunker3 reaches the 20, bunker4 crosses it.
    CHECK(dir.Read("gated_csv.jsonl").find(R"({"id":"bunker4","verdict":"prohibited")") != std::string::npos);
  }
}

TEST_CASE("pipeline: a record's citations are those of the resolutions adopted by its date") {
  TempDir dir;
  dir.Write("pack.yaml",
            "pack: dated\nversion: \"1\"\nrules:\n"
            "  - id: arms\n    title: Arms from KP\n    verdict: prohibited\n    effective: 2006-10-14\n"
            "    applies_to: [supply]\n    citations:\n      - {resolution: \"1718\", paragraph: \"8(b)\"}\n"
            "      - {resolution: \"2094\", paragraph: \"20\"}\n      - {resolution: \"ACME\", paragraph: \"1\"}\n"
            "    when: from.country == KP and item.hs in [93]\n    message: Arms.\n");
  auto set = LoadPacks({dir.path.string()});
  const std::string in = dir.Write(
      "in.jsonl",
      R"({"id":"old","date":"2008-01-01","exporter_country":"KP","importer_country":"SY","hs":"930690"})" "\n"
      R"({"id":"new","date":"2013-03-07","exporter_country":"KP","importer_country":"SY","hs":"930690"})" "\n");
  BatchOptions o = BenchOptions();
  o.output.citations = true;
  BatchReport report;
  std::stringstream diag;
  REQUIRE(RunBatch(*set, o, {in}, (dir.path / "out.jsonl").string(), report, diag));
  const auto out = Lines(dir.Read("out.jsonl"));
  REQUIRE(out.size() == 2);
  // 2094 (7 March 2013) restated the ban: it is not what a 2008 record breaks. Undated texts stay.
  CHECK(out[0].find(R"("resolution":"1718")") != std::string::npos);
  CHECK(out[0].find(R"("resolution":"2094")") == std::string::npos);
  CHECK(out[0].find(R"("resolution":"ACME")") != std::string::npos);
  CHECK(out[1].find(R"("resolution":"2094")") != std::string::npos);
}
