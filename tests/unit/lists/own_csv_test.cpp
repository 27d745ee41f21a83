// Own watch-list CSV import: the documented columns, lists inside fields, and positioned errors for bad files.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "common/files.hpp"
#include "lists_test_util.hpp"
#include "lists/own_csv.hpp"

namespace sancheck::lists {
namespace {

using screen::DesignationKind;

screen::DesignationList Import(const std::string& text, Diagnostics& diags) {
  return ImportOwnCsv(std::make_shared<SourceFile>(SourceFile{"own.csv", text}), *Date::Parse("2024-06-30"), "OWN",
                      diags);
}

std::string FirstError(const Diagnostics& diags) {
  REQUIRE(diags.HasErrors());
  return diags.items().front().Render();
}

TEST_CASE("the own-list fixture") {
  Diagnostics diags;
  auto file = ReadSource(SANCHECK_SOURCE_DIR "/tests/unit/lists/fixtures/own.csv", diags);
  REQUIRE(file);
  const auto list = ImportOwnCsv(file, *Date::Parse("2024-06-30"), "OWN", diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  CHECK(list.name == "own");
  CHECK(list.format == "csv");
  CHECK(list.regime == "OWN");
  REQUIRE(list.entries.size() == 3);
  const auto& john = list.entries[0];
  CHECK(john.reference == "W-1");
  CHECK(john.name == "Doe, John");
  CHECK(john.aliases == std::vector<std::string>{"Johnny Doe", "J. Doe"});
  REQUIRE(john.births.size() == 2);
  CHECK(john.births[0].born.date->ToString() == "1968-03-26");
  CHECK(john.births[1].To() == 1955);
  CHECK(john.nationality == "US");
  CHECK(john.programs == std::vector<std::string>{"fraud"});
  CHECK(john.regime == "OWN");
  CHECK(list.entries[1].name == "ACME \"Global\" Trading");
  CHECK(list.entries[1].programs == std::vector<std::string>{"fraud", "export"});
  CHECK(list.entries[2].kind == DesignationKind::kVessel);
  CHECK(list.entries[2].flag->ToString() == "PA");
}

TEST_CASE("columns in any order, optional ones may be left out") {
  Diagnostics diags;
  const auto list = Import("name,listed_on,kind,reference\nX,2024-01-01,entity,R1\n", diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 1);
  CHECK(list.entries[0].reference == "R1");
}

TEST_CASE("malformed own lists: positioned errors") {
  Diagnostics diags;
  const std::string header = "reference,kind,name,aliases,born,country,program,listed_on\n";
  SUBCASE("an unknown column") {
    Import("reference,kind,name,alias,listed_on\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:1:21: error: unknown column 'alias' (did you mean 'aliases'?)");
  }
  SUBCASE("a missing required column") {
    Import("reference,kind,name\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:1:1: error: the header has no 'listed_on' column");
  }
  SUBCASE("bad quoting") {
    Import(header + "W-1,entity,AC\"ME,,,,,2024-01-01\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:2:14: error: a quote inside an unquoted field");
  }
  SUBCASE("a bad date") {
    Import(header + "W-1,entity,ACME,,,,,2024-02-30\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:2:21: error: listed_on must be a date");
  }
  SUBCASE("a bad date of birth") {
    Import(header + "W-1,individual,DOE,,1960;1970/1965,,,2024-02-01\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:2:21: error: bad date of birth '1970/1965'");
  }
  SUBCASE("a missing reference and a duplicate one") {
    Import(header + ",entity,ACME,,,,,2024-02-01\nW,entity,A,,,,,2024-02-01\nW,entity,B,,,,,2024-02-01\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:2:1: error: reference must not be empty");
    CHECK_STARTS(diags.items().back().Render(), "own.csv:4:1: error: reference 'W' is listed twice");
  }
  SUBCASE("a bad country and kind") {
    Import(header + "W-1,person,ACME,,,XX,,2024-02-01\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:2:5: error: kind must be individual, entity or vessel");
  }
  SUBCASE("a short row") {
    Import(header + "W-1,entity\n", diags);
    CHECK_STARTS(FirstError(diags), "own.csv:2:1: error: expected 8 fields as in the header, found 2");
  }
}

}  // namespace
}  // namespace sancheck::lists
