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
    CHECK(h.find("<tr><th>as of</th><td>2023-09-13</td></tr>") != std::string::npos);
    CHECK(h.find(">COMP-1</td>") != std::string::npos);
    CHECK(h.find("<span class=\"badge expired\">expired</span>") != std::string::npos);
    CHECK(h.find("Run failed") != std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck
