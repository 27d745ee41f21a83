// Exemption kinds: owned by their pack, listed by rules of that pack only, claims resolved by name and bounded by date.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <span>
#include <fstream>

#include "rules/exemptions.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {
namespace {

namespace fs = std::filesystem;

// Writes each pack to its own file and loads them together.
struct Packs {
  std::vector<fs::path> files;
  Diagnostics diags;
  std::unique_ptr<RuleSet> set;

  explicit Packs(const std::vector<std::string>& texts) {
    std::vector<std::string> paths;
    for (size_t i = 0; i < texts.size(); ++i) {
      // One file per process and pack: ctest runs test cases in parallel processes.
      files.push_back(fs::temp_directory_path() /
                      ("sancheck-exemptions-" + std::to_string(::getpid()) + "-" + std::to_string(i) + ".yaml"));
      std::ofstream(files.back()) << texts[i];
      paths.push_back(files.back().string());
    }
    set = LoadRuleSet(paths, diags);
  }
  ~Packs() {
    for (const auto& f : files) fs::remove(f);
  }
};

std::string Pack(const std::string& name, const std::string& kinds, const std::string& rule_kinds) {
  return "pack: " + name + "\nversion: '1'\nexemptions:\n" + kinds +
         "rules:\n  - {id: r, title: t, verdict: prohibited, effective: 2017-01-01, applies_to: [supply],"
         " citations: [{resolution: '1', paragraph: '1'}], when: to.country == KP, message: m" +
         (rule_kinds.empty() ? "" : ", exemptions: [" + rule_kinds + "]") + "}\n";
}

const std::string kWindDown =
    "  wind-down: {title: contract wind-down, citations: [{resolution: '2375', paragraph: '16'}],"
    " from: 2017-09-11, until: 2017-12-10, window: 90-day window, text: contracts}\n";
const std::string kSignOff =
    "  sign-off: {title: legal sign-off, citations: [{resolution: Policy, paragraph: '4'}], text: signed}\n";

TEST_CASE("a rule lists only kinds its own pack defines, with a suggestion for a typo") {
  Packs own({Pack("un", kWindDown, "{kind: wind-dwn}")});
  CHECK_FALSE(own.set);
  CHECK(own.diags.RenderAll().find("unknown exemption kind 'wind-dwn' (did you mean 'wind-down'?)") !=
        std::string::npos);
  Packs other({Pack("un", kWindDown, ""), Pack("acme", kSignOff, "{kind: wind-down}")});
  CHECK_FALSE(other.set);
  CHECK(other.diags.RenderAll().find("exemption kind 'wind-down' belongs to pack 'un'") != std::string::npos);
}

TEST_CASE("kind names are unique across the loaded packs") {
  Packs p({Pack("un", kWindDown, ""), Pack("acme", kWindDown, "")});
  CHECK_FALSE(p.set);
  CHECK(p.diags.RenderAll().find("exemption kind 'wind-down' is defined twice (by packs 'un' and 'acme'") !=
        std::string::npos);
}

TEST_CASE("a claim covers a rule of the kind's pack that lists it, inside the window, and says why not otherwise") {
  Packs p({Pack("un", kWindDown, "{kind: wind-down}"), Pack("acme", kSignOff, "{kind: sign-off}")});
  REQUIRE_MESSAGE(p.set, p.diags.RenderAll());
  const Rule& un = *p.set->Find("un/r");
  const Exemption wind{ExemptionKind::kOther, "wind-down", "C-1", {}};
  CHECK(JudgeExemptionClaim(*p.set, un, wind, *Date::Parse("2017-12-10")).covers);
  const auto late = JudgeExemptionClaim(*p.set, un, wind, *Date::Parse("2017-12-11"));
  CHECK_FALSE(late.covers);
  CHECK(late.why == "claimed: contract wind-down (\"C-1\") — the 90-day window of 2375 OP16 closed on 2017-12-10");
  const Exemption sign{ExemptionKind::kOther, "sign-off", "", {}};
  const auto foreign = JudgeExemptionClaim(*p.set, un, sign, *Date::Parse("2018-01-01"));
  CHECK_FALSE(foreign.covers);
  CHECK(foreign.why == "claimed: legal sign-off — an exemption of pack acme covers only that pack's rules, not un/r");
  CHECK(JudgeExemptionClaim(*p.set, *p.set->Find("acme/r"), sign, *Date::Parse("2018-01-01")).covers);
}

TEST_CASE("a scenario's claim of an unknown kind is an error at the claim") {
  Packs p({Pack("un", kWindDown, "{kind: wind-down}")});
  REQUIRE(p.set);
  Scenario s;
  Activity a;
  a.exemption = Exemption{ExemptionKind::kOther, "wind-donw", "", {}};
  s.activities.push_back(a);
  Diagnostics diags;
  CheckExemptionClaims(*p.set, std::span(&s, 1), diags);
  CHECK(diags.HasErrors());
  CHECK(diags.RenderAll().find("unknown exemption kind 'wind-donw' (did you mean 'wind-down'?)") != std::string::npos);
}

}  // namespace
}  // namespace sancheck::rules
