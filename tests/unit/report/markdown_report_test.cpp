// Markdown writer: counts by verdict, a table of what is not permitted, safe cells, waivers to act on.
#include <doctest/doctest.h>

#include "report/markdown_text.hpp"
#include "report/writers.hpp"
#include "run_fixture.hpp"

namespace sancheck {
namespace {

TEST_SUITE("report.markdown") {
  TEST_CASE("counts by verdict, then only the activities that are not permitted") {
    const std::string md = report::RenderMarkdown(testing::FixtureRun(), {});
    CHECK(md.rfind("## sancheck: failed — 3 scenarios, 4 activities\n", 0) == 0);
    CHECK(md.find("| prohibited | 2 |\n| review | 1 |\n| permitted | 1 |\n| of which waived | 1 |\n") != std::string::npos);
    CHECK(md.find("`deal-a` | `ship` | **prohibited** | `t/arms` (item 0) | "
                  "[S/RES/1718, OP 8(b)](https://undocs.org/S/RES/1718%282006%29) (verified: unverified); "
                  "S/RES/1874, OP 9 (verified: unverified) |") != std::string::npos);
    CHECK(md.find("`deal-a` | `oil` | review |") != std::string::npos);
    // The table leaves the permitted activity out; the folded judged facts list every activity.
    const std::string table = md.substr(0, md.find("<details><summary>Judged facts"));
    CHECK(table.find("`rice`") == std::string::npos);
    CHECK(md.find("`deal-b` / `rice` (permitted)") != std::string::npos);
    CHECK(md.find("`deal-c` | `ship` | prohibited (waived: COMP-1) |") != std::string::npos);
  }

  TEST_CASE("links are only made to web addresses") {
    const std::string md = report::RenderMarkdown(testing::FixtureRun(), {});
    CHECK(md.find("javascript:") == std::string::npos);
  }

  TEST_CASE("an expired waiver is listed and fails the summary, audit fields are present") {
    const std::string md = report::RenderMarkdown(testing::FixtureRun(), {});
    CHECK(md.find("- **expired**: COMP-0 (scenario `deal-a`, expired 2020-01-01)") != std::string::npos);
    CHECK(md.find("rule pack `t` 1.0, sha256 `" + std::string(64, 'a') + "`") != std::string::npos);
    CHECK(md.find("`deals/c.yaml` sha256 `" + std::string(64, 'c') + "`") != std::string::npos);
  }

  TEST_CASE("a cell escapes table pipes and dollar signs, which GitHub would read as mathematics") {
    CHECK(report::MarkdownCell("US$ 5 | $embargoed") == "US&#36; 5 \\| &#36;embargoed");
  }

  TEST_CASE("a run with nothing failing says passed") {
    RunResult run = testing::FixtureRun();
    run.scenarios.erase(run.scenarios.begin());
    run.waivers.pop_back();
    CHECK(report::RenderMarkdown(run, {}).rfind("## sancheck: passed", 0) == 0);
  }
}

}  // namespace
}  // namespace sancheck
