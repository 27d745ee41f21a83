// Spools: a regular input read twice must be the same file both times, or the cap decisions would shift.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "batch/spools.hpp"

namespace sancheck::batch {

TEST_SUITE("batch.spools") {
  TEST_CASE("an input appended to between the two passes is refused, an untouched one is not") {
    const auto path = std::filesystem::temp_directory_path() / ("spools-" + std::to_string(getpid()) + ".jsonl");
    std::ofstream(path) << "{\"id\":\"a\",\"date\":\"2020-01-01\"}\n";
    Spools spools;
    std::ostringstream diag;
    REQUIRE(spools.Make({path.string()}, diag));
    CHECK(spools.streams.front() == nullptr);  // a regular file is read in place, not copied
    CHECK(spools.Unchanged(diag));
    std::ofstream(path, std::ios::app) << "{\"id\":\"b\",\"date\":\"2020-01-02\"}\n";
    CHECK_FALSE(spools.Unchanged(diag));
    CHECK(diag.str().find("[batch.input_changed]") != std::string::npos);
    std::filesystem::remove(path);
  }
}

}  // namespace sancheck::batch
