// The input-size limits of docs/reliability.md that no other test covers: file size and tags per run.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/files.hpp"
#include "expr/tags.hpp"
#include "expr/types.hpp"

namespace sancheck {
namespace {

TEST_SUITE("common.limits") {
  TEST_CASE("a file over 64 MiB is refused before it is read") {
    const auto path = std::filesystem::temp_directory_path() / ("sancheck-big-" + std::to_string(::getpid()) + ".yaml");
    { std::ofstream(path) << "a: 1\n"; }
    std::filesystem::resize_file(path, 64u * 1024 * 1024 + 1);  // sparse: no 64 MiB written
    Diagnostics diags;
    CHECK(ReadSource(path.string(), diags) == nullptr);
    REQUIRE(diags.HasErrors());
    CHECK(diags.items().front().message.find("larger than 64 MiB") != std::string::npos);
    std::filesystem::resize_file(path, 64u * 1024 * 1024);
    Diagnostics ok;
    CHECK(ReadSource(path.string(), ok) != nullptr);  // exactly the limit is read
    std::filesystem::remove(path);
  }

  TEST_CASE("a run knows at most kMaxTags tags") {
    expr::TagRegistry tags;  // starts with the built-in vocabulary
    int added = 0;
    while (tags.names().size() < static_cast<size_t>(expr::kMaxTags)) CHECK(tags.Add("t" + std::to_string(added++)) >= 0);
    CHECK(tags.Add("one-too-many") < 0);
    CHECK(tags.names().size() == static_cast<size_t>(expr::kMaxTags));
  }
}

}  // namespace
}  // namespace sancheck
