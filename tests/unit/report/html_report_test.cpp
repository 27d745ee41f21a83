// HTML writer: self-contained (no external resources, no scripts), escaped, with chart, audit and waivers.
#include <doctest/doctest.h>

#include "report/writers.hpp"
#include "run_fixture.hpp"

namespace sancheck {
namespace {

TEST_SUITE("report.html") {
  TEST_CASE("one self-contained page: nothing to fetch and no script") {
    const std::string h = report::RenderHtml(testing::FixtureRun(), {});
    CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(h.find("default-src 'none'") != std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("<link") == std::string::npos);
    CHECK(h.find("src=") == std::string::npos);
    CHECK(h.find("@import") == std::string::npos);
    CHECK(h.find("url(") == std::string::npos);
  }

  TEST_CASE("text from scenarios, packs and waivers is escaped and only web links are linked") {
    const std::string h = report::RenderHtml(testing::FixtureRun(), {});
    CHECK(h.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co") != std::string::npos);
    CHECK(h.find("<b>152") == std::string::npos);
    CHECK(h.find("Jane &lt;Doe&gt;") != std::string::npos);
    CHECK(h.find("href=\"javascript") == std::string::npos);
    CHECK(h.find("<a href=\"https://undocs.org/S/RES/1718(2006)\" rel=\"noreferrer\">S/RES/1718, OP 8(b)</a>") !=
          std::string::npos);
  }

  TEST_CASE("a verdict chart, every finding, packs with hashes, the as-of date and the waivers") {
    const std::string h = report::RenderHtml(testing::FixtureRun(), {});
    CHECK(h.find("<svg ") != std::string::npos);
    CHECK(h.find("Activities by verdict: 2 prohibited, 1 review, 1 permitted") != std::string::npos);
    CHECK(h.find("Food is not banned.") != std::string::npos);  // permitted notes too
    CHECK(h.find(std::string(64, 'a')) != std::string::npos);
    CHECK(h.find("<tr><th>as of</th><td><time>2023-09-13</time></td></tr>") != std::string::npos);
    CHECK(h.find(">COMP-1</td>") != std::string::npos);
    CHECK(h.find("<span class=\"badge expired\">expired</span>") != std::string::npos);
    CHECK(h.find("Run failed") != std::string::npos);
  }

  TEST_CASE("dates are kept whole on one line, wherever they are, and nothing else is taken for one") {
    RunResult run = testing::FixtureRun();
    run.scenarios[0].title = "signed 2023-09-13, paid 2023-10-01T08:00:00Z; ref 12023-09-130 and 2023-9-1";
    const std::string h = report::RenderHtml(run, {});
    CHECK(h.find("<title>sancheck report — 2023-11-14T22:13:20Z</title>") != std::string::npos);  // no markup in a title
    CHECK(h.find("signed <time>2023-09-13</time>, paid <time>2023-10-01T08:00:00Z</time>; ref 12023-09-130 and 2023-9-1") !=
          std::string::npos);
    CHECK(h.find("supply, <time>2023-09-13</time>, line 10") != std::string::npos);
    CHECK(h.find("time{white-space:nowrap}") != std::string::npos);
  }

  TEST_CASE("every cell of a table with a header names its column, for the stacked layout of narrow screens") {
    const std::string h = report::RenderHtml(testing::FixtureRun(), {});
    CHECK(h.find("<thead><tr><th>scenario</th><th>title</th><th>verdict</th><th>activities</th></tr></thead>") !=
          std::string::npos);
    CHECK(h.find("<td data-label=\"expires\"><time>") != std::string::npos);
    CHECK(h.find("<tr><th scope=\"row\">prepared by</th><td data-label=\"name\">") != std::string::npos);
    CHECK(h.find("@media (max-width:600px)") != std::string::npos);
  }

  TEST_CASE("verdicts carry their word and an icon, and paper gets its own style sheet") {
    const std::string h = report::RenderHtml(testing::FixtureRun(), {});
    for (const char* v : {"prohibited", "review", "permitted"}) {
      CAPTURE(v);
      const std::string badge = std::string("<span class=\"badge ") + v + "\"><svg class=\"icon\" aria-hidden=\"true\"><use href=\"#icon-" +
                                v + "\"/></svg>" + v + "</span>";
      CHECK(h.find(badge) != std::string::npos);
      CHECK(h.find(std::string("<symbol id=\"icon-") + v + "\"") != std::string::npos);
    }
    CHECK(h.find("@media print") != std::string::npos);
    CHECK(h.find("section.scenario,#rules{break-before:page}") != std::string::npos);
    CHECK(h.find("<section class=\"scenario\" id=\"scenario-1\">") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
