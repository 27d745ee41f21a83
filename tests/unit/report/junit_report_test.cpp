// JUnit writer: suites per file, failures by --fail-on, waived activities skipped, expired waivers failing, escaping.
#include <doctest/doctest.h>

#include "report/writers.hpp"
#include "run_fixture.hpp"

namespace sancheck {
namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_SUITE("report.junit") {
  TEST_CASE("a suite per scenario file and one for the waivers, with the attributes the schema requires") {
    const std::string x = report::RenderJunit(testing::FixtureRun(), {});
    CHECK(Count(x, "<testsuite ") == 3);
    CHECK(x.find("<testsuite name=\"deals/a b.yaml\" package=\"deals/a b.yaml\" id=\"0\" "
                 "timestamp=\"2023-11-14T22:13:20\" hostname=\"localhost\" tests=\"3\" failures=\"1\" errors=\"0\" "
                 "skipped=\"0\" time=\"0\">") != std::string::npos);
    CHECK(Count(x, "<testcase ") == 4 + 2);
    CHECK(Count(x, "<system-out>") == 3);
    CHECK(Count(x, "<system-err>") == 3);
  }

  TEST_CASE("prohibited fails by default, review fails too with --fail-on review") {
    const RunResult run = testing::FixtureRun();
    const std::string by_default = report::RenderJunit(run, {});
    CHECK(Count(by_default, "<failure type=\"prohibited\"") == 1);
    CHECK(Count(by_default, "<failure type=\"review\"") == 0);
    ReportOptions review;
    review.fail.fail_on = Verdict::kReview;
    const std::string strict = report::RenderJunit(run, review);
    CHECK(Count(strict, "<failure type=\"review\"") == 1);
    CHECK(strict.find("message=\"review: t/fuel\"") != std::string::npos);
  }

  TEST_CASE("rule ids and citations are in the failure text and the properties") {
    const std::string x = report::RenderJunit(testing::FixtureRun(), {});
    CHECK(x.find("message=\"prohibited: t/arms\"") != std::string::npos);
    CHECK(x.find("  cites: S/RES/1718, OP 8(b); S/RES/1874, OP 9") != std::string::npos);
    CHECK(x.find("<property name=\"finding:deal-a/ship:t/arms:item 0\" value=\"prohibited; S/RES/1718, OP 8(b); "
                 "S/RES/1874, OP 9\"/>") != std::string::npos);
    CHECK(x.find("<property name=\"sha256\" value=\"" + std::string(64, 'b') + "\"/>") != std::string::npos);
  }

  TEST_CASE("a waived activity is skipped, an expired waiver is a failure of its own") {
    const std::string x = report::RenderJunit(testing::FixtureRun(), {});
    CHECK(x.find("<skipped message=\"waived prohibited\">") != std::string::npos);
    CHECK(x.find("waived: COMP-1 (approved by Jane &lt;Doe&gt;, expires 2030-01-01)") != std::string::npos);
    CHECK(x.find("<failure type=\"expired-waiver\" message=\"waiver COMP-0 expired on 2020-01-01\">") != std::string::npos);
  }

  TEST_CASE("text from scenario files is escaped") {
    const std::string x = report::RenderJunit(testing::FixtureRun(), {});
    CHECK(x.find("<b>") == std::string::npos);
    CHECK(x.find("shells | &lt;b&gt;152 mm&lt;/b&gt; &amp; &quot;more&quot;") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
