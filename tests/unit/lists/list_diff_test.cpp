// List diff: two UN snapshots (the second made by editing a copy) differ by what was edited, in text and JSON.
#include <doctest/doctest.h>

#include <algorithm>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "common/files.hpp"
#include "lists/list_diff.hpp"
#include "lists/un_xml.hpp"

namespace sancheck::lists {
namespace {

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

screen::DesignationList Import(const std::string& text) {
  Diagnostics diags;
  auto list = ImportUnXml(std::make_shared<SourceFile>(SourceFile{"un.xml", text}), diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  return list;
}

TEST_CASE("the diff of two UN snapshots: one removed, one alias amended, one added") {
  Diagnostics diags;
  auto file = ReadSource(SANCHECK_SOURCE_DIR "/data/lists/un-consolidated-2026-02-27.xml", diags);
  REQUIRE(file);
  const auto older = Import(file->text);
  std::string text = file->text;
  // Removed: KPi.030's whole record.
  const size_t ref = text.find("<REFERENCE_NUMBER>KPi.030<");
  REQUIRE(ref != std::string::npos);
  const size_t start = text.rfind("<INDIVIDUAL>", ref);
  const size_t end = text.find("</INDIVIDUAL>", ref) + std::string("</INDIVIDUAL>").size();
  text.erase(start, end - start);
  // Amended: KPi.038's alias.
  text = Replaced(text, "<ALIAS_NAME>Jo Chun Ryong</ALIAS_NAME>", "<ALIAS_NAME>Jo Chun Ryong</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                        "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Cho Chun-ryong</ALIAS_NAME>");
  // Added: a new entity.
  text = Replaced(text, "<ENTITIES>",
                  "<ENTITIES><ENTITY><FIRST_NAME>NEW TRADING CO</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
                  "<REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER><LISTED_ON>2026-03-01</LISTED_ON></ENTITY>");
  text = Replaced(text, "dateGenerated=\"2026-02-27", "dateGenerated=\"2026-03-06");
  const auto newer = Import(text);

  const ListDiff diff = DiffLists(older, newer);
  REQUIRE(diff.removed.size() == 1);
  CHECK(diff.removed[0].reference == "KPi.030");
  REQUIRE(diff.added.size() == 1);
  CHECK(diff.added[0].reference == "KPe.999");
  REQUIRE(diff.amended.size() == 1);
  CHECK(diff.amended[0].reference == "KPi.038");
  REQUIRE(diff.amended[0].changes.size() == 1);
  CHECK(diff.amended[0].changes[0].field == "aliases");
  CHECK(diff.amended[0].changes[0].before == "Jo Chun Ryong");
  CHECK(diff.amended[0].changes[0].after == "Cho Chun-ryong; Jo Chun Ryong");  // a set: in one order

  const std::string out = DiffText(diff, older, newer);
  CHECK(out ==
        "un-consolidated 2026-02-27 -> un-consolidated 2026-03-06: 1 added, 1 removed, 1 amended\n"
        "added    KPe.999  NEW TRADING CO\n"
        "removed  KPi.030  KIM SONG CHOL\n"
        "amended  KPi.038  CHO CHUN RYONG: aliases\n"
        "    aliases: \"Jo Chun Ryong\" -> \"Cho Chun-ryong; Jo Chun Ryong\"\n");
  const auto json = nlohmann::json::parse(DiffJson(diff, older, newer));
  CHECK(json["old"]["snapshot"] == "2026-02-27");
  CHECK(json["new"]["entries"] == 1003);
  CHECK(json["added"][0]["reference"] == "KPe.999");
  CHECK(json["removed"][0]["name"] == "KIM SONG CHOL");
  CHECK(json["amended"][0]["changes"][0]["new"] == "Cho Chun-ryong; Jo Chun Ryong");

  CHECK(DiffLists(older, older).Empty());
  // The same aliases, dates of birth and programmes in another order amend nothing.
  auto reordered = older;
  for (auto& d : reordered.entries) {
    std::reverse(d.aliases.begin(), d.aliases.end());
    std::reverse(d.births.begin(), d.births.end());
    std::reverse(d.programs.begin(), d.programs.end());
  }
  CHECK(DiffLists(older, reordered).Empty());
  // ... and an alias written twice is the same set.
  auto repeated = older;
  for (auto& d : repeated.entries) {
    if (!d.aliases.empty()) d.aliases.push_back(d.aliases.front());
  }
  CHECK(DiffLists(older, repeated).Empty());
  // Two aliases are not one alias holding "; ": the sets are compared value by value.
  auto split = older, merged = older;
  split.entries[0].aliases = {"Petrov", "Ivan"};
  merged.entries[0].aliases = {"Ivan; Petrov"};
  const ListDiff apart = DiffLists(split, merged);
  REQUIRE(apart.amended.size() == 1);
  CHECK(apart.amended[0].changes[0].before == "Ivan; Petrov");  // shown alike, compared apart
  CHECK(apart.amended[0].changes[0].after == "Ivan; Petrov");
}

}  // namespace
}  // namespace sancheck::lists
