// Clearances: strict loading with positioned errors, and lookup by party id or name with expiry.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "screen/clearances.hpp"

namespace sancheck::screen {
namespace {

std::vector<Clearance> Parse(std::string text, Diagnostics& diags) {
  return ParseClearances(std::make_shared<const SourceFile>(SourceFile{"c.yaml", std::move(text)}), diags);
}

const char* kGood =
    "clearances:\n"
    "  - party: acme\n"
    "    reference: KPi.024\n"
    "    reason: South Korean citizen, passport checked\n"
    "    cleared_by: J. Analyst\n"
    "    expires: 2025-06-30\n"
    "  - party: \"Kim Yŏng-ch'ŏl\"\n"
    "    reference: KPi.024\n"
    "    reason: other person\n"
    "    cleared_by: J. Analyst\n"
    "    expires: 2020-01-01\n";

TEST_SUITE("screen.clearances") {
  TEST_CASE("a clearances file loads") {
    Diagnostics diags;
    const auto c = Parse(kGood, diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    REQUIRE(c.size() == 2);
    CHECK(c[0].party == "acme");
    CHECK(c[0].reference == "KPi.024");
    CHECK(c[0].cleared_by == "J. Analyst");
    CHECK(c[0].expires == *Date::Parse("2025-06-30"));
    CHECK(c[0].pos.line == 2);
  }

  TEST_CASE("lookup by id or by folded name, active until the expiry day inclusive") {
    Diagnostics diags;
    const auto c = Parse(kGood, diags);
    auto r = FindClearance(c, "acme", "Acme Ltd", "KPi.024", *Date::Parse("2025-06-30"));
    CHECK(r.state == ClearanceState::kActive);
    r = FindClearance(c, "acme", "Acme Ltd", "KPi.024", *Date::Parse("2025-07-01"));
    CHECK(r.state == ClearanceState::kExpired);
    REQUIRE(r.clearance != nullptr);
    CHECK(r.clearance->expires == *Date::Parse("2025-06-30"));
    CHECK(FindClearance(c, "acme", "", "KPi.038", *Date::Parse("2024-01-01")).state == ClearanceState::kNone);
    r = FindClearance(c, "p7", "KIM YONG CHOL", "KPi.024", *Date::Parse("2019-05-05"));
    CHECK(r.state == ClearanceState::kActive);
  }

  TEST_CASE("unknown keys, missing keys and bad dates are positioned errors") {
    Diagnostics diags;
    Parse("clearances:\n  - {party: a, reference: KPi.1, reason: r, cleared_by: b, expires: 2025-01-01, note: x}\n",
          diags);
    CHECK(diags.RenderAll().find("c.yaml:2:81") != std::string::npos);
    CHECK(diags.RenderAll().find("[clearances.unknown_key]") != std::string::npos);

    Diagnostics missing;
    Parse("clearances:\n  - {party: a, reference: KPi.1, reason: r, expires: 2025-01-01}\n", missing);
    CHECK(missing.RenderAll().find("[clearances.missing_key]") != std::string::npos);

    Diagnostics bad_date;
    Parse("clearances:\n  - {party: a, reference: KPi.1, reason: r, cleared_by: b, expires: 2025-13-01}\n", bad_date);
    CHECK(bad_date.RenderAll().find("[clearances.bad_date]") != std::string::npos);

    Diagnostics top;
    Parse("clearance: []\n", top);
    CHECK(top.RenderAll().find("[clearances.unknown_key]") != std::string::npos);

    Diagnostics dup;
    Parse("clearances:\n  - {party: a, reference: K, reason: r, cleared_by: b, expires: 2025-01-01}\n"
          "  - {party: A, reference: K, reason: r, cleared_by: b, expires: 2026-01-01}\n",
          dup);
    CHECK(dup.RenderAll().find("[clearances.duplicate]") != std::string::npos);

    Diagnostics broken;
    CHECK_NOTHROW(Parse("clearances: [\n", broken));
    CHECK(broken.HasErrors());
  }
}

}  // namespace
}  // namespace sancheck::screen
