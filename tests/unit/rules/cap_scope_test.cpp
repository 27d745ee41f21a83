// A cap counts one item's quantity: a capped rule whose condition is not judged per item is refused at load.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "rules/rule_set.hpp"

namespace sancheck::rules {
namespace {

std::string LoadErrors(const std::string& when) {
  const auto path = std::filesystem::temp_directory_path() / ("cap-scope-" + std::to_string(getpid()) + ".yaml");
  std::ofstream(path) << "pack: t\nversion: \"1\"\nrules:\n"
                         "  - id: crude\n    title: crude cap\n    verdict: review\n    effective: 2018-01-01\n"
                         "    applies_to: [supply]\n    citations: [{resolution: \"2397\", paragraph: \"4\"}]\n"
                         "    when: " << when << "\n    message: capped\n"
                         "    cap: {limit: 100, unit: bbl, period: calendar-year}\n";
  Diagnostics diags;
  LoadRuleSet({path.string()}, diags);
  std::filesystem::remove(path);
  return diags.RenderAll();
}

TEST_SUITE("rules.cap_scope") {
  TEST_CASE("a cap needs a condition judged per item") {
    CHECK(LoadErrors("to.country == KP and any(item.hs in [2709])").find("has a cap but its condition is not judged per item") !=
          std::string::npos);
    CHECK(LoadErrors("to.country == KP and item.hs in [2709]").empty());
  }
}

}  // namespace
}  // namespace sancheck::rules
