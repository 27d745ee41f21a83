// Tests of the cap ledger file: strict positioned reading, locking across processes, atomic replacement.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "batch/ledger_file.hpp"

namespace sancheck::batch {
namespace {

// "ok" or "line:col code" of the first error.
std::string Parse(std::string text, LedgerTotals* out = nullptr, const CappedRules* capped = nullptr) {
  auto file = std::make_shared<SourceFile>(SourceFile{"led.json", std::move(text)});
  LedgerTotals totals;
  Diagnostics diags;
  if (ParseLedger(file, totals, diags, capped)) {
    if (out) *out = totals;
    return "ok";
  }
  const Diagnostic& d = diags.items().front();
  return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.code;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_SUITE("batch.ledger_file") {
  TEST_CASE("a well-formed ledger reads years and whole-run totals") {
    LedgerTotals t;
    REQUIRE(Parse("{\"caps\": {\"p/cap\": {\"2023\": 450000.5, \"whole\": 0}}}\n", &t) == "ok");
    CHECK(t.at("p/cap").at(2023) == 450000.5);
    CHECK(t.at("p/cap").at(0) == 0);
    CHECK(Parse("{\"caps\": {}}") == "ok");
  }

  TEST_CASE("bad periods, amounts, keys and syntax are positioned errors") {
    CHECK(Parse("{\"caps\": {\"r\": {\"2023abc\": 1}}}") == "1:17 ledger.bad_period");
    CHECK(Parse("{\"caps\": {\"r\": {\"23\": 1}}}") == "1:17 ledger.bad_period");
    CHECK(Parse("{\"caps\": {\"r\": {\"2023\": -1e18}}}") == "1:25 ledger.bad_amount");
    CHECK(Parse("{\"caps\": {\"r\": {\"2023\": 1e999}}}") == "1:25 ledger.bad_amount");
    CHECK(Parse("{\"caps\": {\"r\": {\"2023\": \"5\"}}}") == "1:25 ledger.bad_amount");
    CHECK(Parse("{\"caps\": {\"r\": {\"2023\": 1, \"2023\": 2}}}") == "1:28 ledger.duplicate_key");
    CHECK(Parse("{\"caps\": {\"r\": {}, \"r\": {}}}") == "1:20 ledger.duplicate_key");
    CHECK(Parse("{\"caps\": {}, \"extra\": 1}") == "1:14 ledger.unknown_key");
    CHECK(Parse("{}") == "1:1 ledger.missing_key");
    CHECK(Parse("") == "1:1 ledger.bad_json");
    CHECK(Parse("{\"caps\": {}} x") == "1:14 ledger.bad_json");
    CHECK(Parse("{\"caps\":\n {\"r\": {\"2023\" 1}}}") == "2:16 ledger.bad_json");
    CHECK(Parse(std::string("{\"caps\": {\"r\0\": {}}}", 20)) == "1:13 ledger.nul_byte");
  }

  TEST_CASE("given the run's capped rules, a ledger names only them, with their kind of period") {
    const CappedRules capped = {{"p/yearly", false}, {"p/whole", true}};
    CHECK(Parse("{\"caps\": {\"p/yearly\": {\"2023\": 5}, \"p/whole\": {\"whole\": 7}}}", nullptr, &capped) == "ok");
    // A misspelt id would carry its total into nothing: the cap would start again from zero.
    CHECK(Parse("{\"caps\": {\"p/yearlly\": {\"2023\": 5}}}", nullptr, &capped) == "1:11 ledger.unknown_rule");
    CHECK(Parse("{\"caps\": {\"p/yearly\": {\"whole\": 5}}}", nullptr, &capped) == "1:24 ledger.bad_period");
    CHECK(Parse("{\"caps\": {\"p/whole\": {\"2023\": 5}}}", nullptr, &capped) == "1:23 ledger.bad_period");
  }

  TEST_CASE("an existing ledger that cannot be parsed is an error and stays as it was") {
    const auto dir = std::filesystem::temp_directory_path() / ("sancheck-ledger-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "led.json").string();
    { std::ofstream(path) << "{\"caps\": {\"r\": {\"2023\": -5}}}"; }
    LedgerFile f;
    LedgerTotals t;
    Diagnostics diags;
    CHECK_FALSE(f.Open(path, t, diags));
    CHECK(diags.items().front().code == "ledger.bad_amount");
    CHECK(Slurp(path) == "{\"caps\": {\"r\": {\"2023\": -5}}}");
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a missing ledger starts empty, Save replaces it, a second run waits for the lock") {
    const auto dir = std::filesystem::temp_directory_path() / ("sancheck-ledger2-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "led.json").string();
    // The child is forked before the parent locks: a forked copy of the
    // parent's lock descriptor would hold the same lock and never wait.
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    if (child == 0) {
      char c;
      if (::read(ready[0], &c, 1) != 1) ::_exit(2);
      LedgerFile g;
      LedgerTotals u;
      Diagnostics d;
      const bool ok = g.Open(path, u, d) && u.count("r") == 1 && u.at("r").at(2023) == 7;
      ::_exit(ok ? 0 : 1);
    }
    {
      std::optional<LedgerFile> f(std::in_place);
      LedgerTotals t;
      Diagnostics diags;
      REQUIRE(f->Open(path, t, diags));
      CHECK(t.empty());  // a missing ledger starts empty
      REQUIRE(::write(ready[1], "x", 1) == 1);
      ::usleep(300 * 1000);
      int status = 0;
      CHECK(::waitpid(child, &status, WNOHANG) == 0);  // still waiting for the lock
      t["r"][2023] = 7;
      CHECK(f->Save(t).empty());
      f.reset();  // releases the lock: the child reads the saved totals
      REQUIRE(::waitpid(child, &status, 0) == child);
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 0);
    }
    ::close(ready[0]);
    ::close(ready[1]);
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace sancheck::batch
