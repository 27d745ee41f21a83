// Shadowed rules: verdict, scope, dates, exemptions and syntactic implication between conditions.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lint/shadowing.hpp"

namespace sancheck::lint {
namespace {

namespace fs = std::filesystem;

// Loads a one-file pack holding `rules` (YAML list items) and returns "a<b" for each shadowing.
std::vector<std::string> Shadowed(const std::string& rules) {
  // One file per process: ctest runs test cases in parallel processes.
  const fs::path file = fs::temp_directory_path() / ("sancheck-shadowing-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << "pack: p\nversion: '1'\n"
                      << "exemptions:\n  humanitarian: {title: h, citations: [{resolution: '1', paragraph: '2'}], text: h}\n"
                      << "sets:\n  near: {type: country, values: [CN, RU]}\n"
                      << "  wide: {type: country, values: [CN, RU, IR]}\nrules:\n" << rules;
  Diagnostics diags;
  auto set = rules::LoadRuleSet({file.string()}, diags);
  fs::remove(file);
  REQUIRE_MESSAGE(set, diags.RenderAll());
  std::vector<std::string> out;
  for (const auto& s : FindShadowedRules(*set)) out.push_back(s.shadowed->info.id + "<" + s.by->info.id);
  return out;
}

std::string Rule(const std::string& id, const std::string& verdict, const std::string& when,
                 const std::string& effective = "2017-01-01", const std::string& extra = "") {
  return "  - {id: " + id + ", title: t, verdict: " + verdict + ", effective: " + effective +
         ", applies_to: [supply], citations: [{resolution: '1', paragraph: '1'}], when: \"" + when +
         "\", message: m" + extra + "}\n";
}

TEST_CASE("a rule whose conditions include another's is shadowed by it") {
  const auto s = Shadowed(Rule("broad", "prohibited", "to.country == KP") +
                          Rule("narrow", "prohibited", "to.country == KP and item.tags in [arms]"));
  REQUIRE(s.size() == 1);
  CHECK(s[0] == "p/narrow<p/broad");
}

TEST_CASE("a less severe or later-starting broad rule does not shadow") {
  CHECK(Shadowed(Rule("broad", "review", "to.country == KP") +
                 Rule("narrow", "prohibited", "to.country == KP and item.tags in [arms]"))
            .empty());
  CHECK(Shadowed(Rule("broad", "prohibited", "to.country == KP", "2018-01-01") +
                 Rule("narrow", "prohibited", "to.country == KP and item.tags in [arms]"))
            .empty());
}

TEST_CASE("set containment and equality into a set imply membership") {
  CHECK(Shadowed(Rule("wide-rule", "prohibited", "from.country in $wide") +
                 Rule("near-rule", "prohibited", "from.country in $near"))
            .size() == 1);
  CHECK(Shadowed(Rule("wide-rule", "prohibited", "from.country in $wide") +
                 Rule("ru-rule", "prohibited", "from.country == RU"))
            .size() == 1);
  CHECK(Shadowed(Rule("near-rule", "prohibited", "from.country in $near") +
                 Rule("ir-rule", "prohibited", "from.country == IR"))
            .empty());
}

TEST_CASE("an exemption the broad rule accepts but the narrow one does not prevents shadowing") {
  const std::string exempt = ", exemptions: [{kind: humanitarian, text: x}]";
  CHECK(Shadowed(Rule("broad", "prohibited", "to.country == KP", "2017-01-01", exempt) +
                 Rule("narrow", "prohibited", "to.country == KP and item.tags in [arms]"))
            .empty());
}

TEST_CASE("identical rules: only the later id is reported") {
  const auto s = Shadowed(Rule("a-rule", "prohibited", "to.country == KP") +
                          Rule("b-rule", "prohibited", "to.country == KP"));
  REQUIRE(s.size() == 1);
  CHECK(s[0] == "p/b-rule<p/a-rule");
}

}  // namespace
}  // namespace sancheck::lint
