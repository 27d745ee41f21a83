// Designations loader: the built-in lists load completely; bad input gives positioned errors.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "common/files.hpp"
#include "screen/designations_loader.hpp"
#include "un_screener.hpp"

namespace sancheck::screen {
namespace {

std::shared_ptr<const SourceFile> Text(std::string text) {
  return std::make_shared<const SourceFile>(SourceFile{"d.yaml", std::move(text)});
}

std::string Errors(const std::string& text) {
  Diagnostics diags;
  LoadDesignations(Text(text), diags);
  return diags.RenderAll();
}

const char* kHead = "designations:\n  snapshot: 2024-09-26\n  entries:\n";

TEST_SUITE("screen.designations") {
  TEST_CASE("the built-in UN lists load: 80 individuals and 75 entities under DPRK, the vessels") {
    int individuals = 0, entities = 0, vessels = 0, others = 0;
    std::string cho_name;
    int kim_jong_sik_from = 0, kim_jong_sik_to = 0;
    std::optional<Country> ul_ji_bong_flag;
    size_t lists = 0;
    for (const auto& [path, list] : BuiltinLists()) {
      ++lists;
      if (path.ends_with("un-consolidated.yaml")) {
        CHECK(list.name == "un-consolidated");
        CHECK(list.snapshot == "2026-02-27");
        CHECK(list.format == "un-xml");
      }
      for (const auto& d : list.entries) {
        if (d.regime != "DPRK") {
          ++others;
          continue;
        }
        individuals += d.kind == DesignationKind::kIndividual;
        entities += d.kind == DesignationKind::kEntity;
        vessels += d.kind == DesignationKind::kVessel;
        if (d.reference == "KPi.038") cho_name = d.name;
        if (d.reference == "KPi.066") {
          kim_jong_sik_from = d.BornFrom();
          kim_jong_sik_to = d.BornTo();
        }
        if (d.reference == "VSL.UL-JI-BONG-6") ul_ji_bong_flag = d.flag;
      }
    }
    CHECK(cho_name == "CHO CHUN RYONG");
    CHECK(kim_jong_sik_from == 1967);
    CHECK(kim_jong_sik_to == 1969);
    CHECK(ul_ji_bong_flag == kDprk);
    CHECK(lists == 2);
    CHECK(individuals == 80);
    CHECK(entities == 75);
    CHECK(vessels == 37);
    CHECK(others == 1003 - 155);
  }

  TEST_CASE("a minimal entry") {
    Diagnostics diags;
    const auto list = LoadDesignationList(
        Text(std::string(kHead) + "    - {reference: KPe.999, kind: entity, name: X, listed_on: 2020-01-02}\n"), diags);
    CHECK_FALSE(diags.HasErrors());
    REQUIRE(list.entries.size() == 1);
    CHECK(list.entries[0].pos.line == 4);
    CHECK(list.entries[0].pos.column == 7);
  }

  TEST_CASE("unknown keys are errors with their position") {
    const std::string e = Errors(std::string(kHead) +
                                 "    - {reference: KPe.1, kind: entity, name: X, listed_on: 2020-01-02, nme: Y}\n");
    CHECK(e.find("d.yaml:4:72") != std::string::npos);
    CHECK(e.find("[designations.unknown_key]") != std::string::npos);
    CHECK(Errors("designations:\n  snapshot: 2024-09-26\n  entries: []\n  extra: 1\n").find(
              "designations.unknown_key") != std::string::npos);
  }

  TEST_CASE("bad values") {
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: X, listed_on: 2020-02-30}\n")
              .find("[designations.bad_date]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: individual, name: X, listed_on: 2020-01-01, born: 19x0}\n")
              .find("[designations.bad_date]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: person, name: X, listed_on: 2020-01-01}\n")
              .find("[designations.bad_value]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: vessel, name: X, listed_on: 2020-01-01, imo: \"12\"}\n")
              .find("[designations.bad_imo]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: X, listed_on: 2020-01-01, flag: KP}\n")
              .find("[designations.bad_key]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: vessel, name: X, listed_on: 2020-01-01, flag: XX}\n")
              .find("[designations.bad_country]") != std::string::npos);
    CHECK(Errors(std::string(kHead) +
                 "    - {reference: A, kind: entity, name: X, listed_on: 2020-01-01, delisted_on: 2019-12-31}\n")
              .find("[designations.bad_value]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, listed_on: 2020-01-01}\n")
              .find("[designations.missing_key]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: X, listed_on: 2020-01-01}\n" +
                 "    - {reference: A, kind: entity, name: Y, listed_on: 2020-01-01}\n")
              .find("[designations.duplicate_reference]") != std::string::npos);
  }

  TEST_CASE("entries that would clear parties silently are refused: listed after the snapshot, unscreenable names") {
    // A mistyped year: listed after the list's own date, the entry would match no earlier activity.
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: X, listed_on: 2099-01-01}\n")
              .find("d.yaml:4:56: error: listed_on 2099-01-01 is after the list's snapshot 2024-09-26") !=
          std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: X, listed_on: 2024-09-26}\n").empty());
    // Names and aliases screening cannot match, and control characters that would forge report lines.
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: \"!!!\", listed_on: 2020-01-01}\n")
              .find("name '!!!' has no letter or digit to screen") != std::string::npos);
    CHECK(Errors(std::string(kHead) +
                 "    - {reference: A, kind: entity, name: X, aliases: [\"\\u200B\\u200B\"], listed_on: 2020-01-01}\n")
              .find("aliases") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: entity, name: \"X\\e[2J\", listed_on: 2020-01-01}\n")
              .find("name holds the control character U+001B") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: \"A\\nadded FAKE\", kind: entity, name: X, listed_on: 2020-01-01}\n")
              .find("reference holds the control character U+000A") != std::string::npos);
    // More aliases than any list has: refused, bounding what one entry costs to index.
    std::string many = std::string(kHead) + "    - reference: A\n      kind: entity\n      name: X\n      listed_on: 2020-01-01\n      aliases:\n";
    for (int i = 0; i < 4097; ++i) many += "        - \"X" + std::to_string(i) + "\"\n";
    CHECK(Errors(many).find("aliases holds 4097 names, more than the 4096 an entry may have") != std::string::npos);
  }

  TEST_CASE("several dates of birth, years and ranges, the best fit decides") {
    Diagnostics diags;
    const auto list = LoadDesignationList(
        Text(std::string(kHead) +
             "    - {reference: KPi.030, kind: individual, name: KIM SONG CHOL, listed_on: 2020-01-01,\n"
             "       born: [1968-03-26, 1970-10-15, 1950/1952]}\n"),
        diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    const auto& births = list.entries.at(0).births;
    REQUIRE(births.size() == 3);
    CHECK(births[2].From() == 1950);
    CHECK(births[2].To() == 1952);
    CHECK(CompareBirth(*BirthDate::Parse("1970-10-15"), births) == BirthFit::kSameDate);
    CHECK(CompareBirth(*BirthDate::Parse("1968"), births) == BirthFit::kSameYear);
    CHECK(CompareBirth(*BirthDate::Parse("1951"), births) == BirthFit::kSameYear);
    CHECK(CompareBirth(*BirthDate::Parse("1971"), births) == BirthFit::kNear);
    CHECK(CompareBirth(*BirthDate::Parse("1960"), births) == BirthFit::kConflict);
    CHECK(ListedBirths(births) == "1968-03-26, 1970-10-15, 1950-1952");
    CHECK(Errors(std::string(kHead) +
                 "    - {reference: A, kind: individual, name: X, listed_on: 2020-01-01, born: 1955/1950}\n")
              .find("[designations.bad_date]") != std::string::npos);
    CHECK(Errors(std::string(kHead) + "    - {reference: A, kind: individual, name: X, listed_on: 2020-01-01, "
                                      "born: [1950, 1960], born_until: 1962}\n")
              .find("[designations.bad_value]") != std::string::npos);
  }

  TEST_CASE("provenance, regimes and counts") {
    Diagnostics diags;
    const std::string head =
        "designations:\n  name: un-consolidated\n  snapshot: 2026-02-27\n  format: un-xml\n  regime: DPRK\n"
        "  inputs: [{file: un.xml, sha256: " + std::string(64, 'a') + "}]\n";
    const std::string entries =
        "  entries:\n"
        "    - {reference: KPi.1, kind: individual, name: X, listed_on: 2020-01-01, original_names: [조춘룡]}\n"
        "    - {reference: QDi.1, kind: individual, name: Y, listed_on: 2020-01-01, regime: Al-Qaida}\n";
    const auto list = LoadDesignationList(Text(head + "  counts: {Al-Qaida: 1, DPRK: 1}\n" + entries), diags);
    REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    CHECK(list.name == "un-consolidated");
    CHECK(list.format == "un-xml");
    CHECK(list.sha256.size() == 64);
    REQUIRE(list.inputs.size() == 1);
    CHECK(list.entries[0].regime == "DPRK");
    CHECK(list.entries[0].original_names.at(0) == "조춘룡");
    CHECK(list.entries[1].regime == "Al-Qaida");
    // A list edited after import no longer adds up.
    CHECK(Errors(head + "  counts: {Al-Qaida: 1, DPRK: 2}\n" + entries).find("[designations.count_mismatch]") !=
          std::string::npos);
    CHECK(Errors(head + "  counts: {DPRK: 1}\n" + entries).find("[designations.count_mismatch]") !=
          std::string::npos);
    // Without a name, the file's stem names the list.
    Diagnostics d2;
    CHECK(LoadDesignationList(Text(std::string(kHead) + "    []\n"), d2).name == "d");
  }

  TEST_CASE("a list file holds one designations section and nothing beside it, a pack file may hold rules too") {
    const std::string list = std::string(kHead) + "    - {reference: A1, kind: entity, name: GRAU, listed_on: 2020-01-01}\n";
    CHECK(Errors(list).empty());
    // A key beside it (here an `entries:` written one level too high) would be ignored.
    CHECK(Errors(list + "entries: []\n").find("d.yaml:5:1: error: unknown key 'entries' in a designation list file") !=
          std::string::npos);
    CHECK(Errors("- 1\n---\n" + list).find("[designations.wrong_type]") != std::string::npos);
    // A second list would be merged under the first's provenance.
    CHECK(Errors(list + "---\n" + list).find("d.yaml:6:1: error: a second 'designations:' document") !=
          std::string::npos);
    CHECK(Errors("# only a comment\n---\n" + list).empty());  // an empty document is nothing
    // The same text as one of a rule pack's files: its other keys and documents are the pack's.
    Diagnostics diags;
    const auto pack = LoadDesignationList(Text("pack: p\nversion: '1'\n" + list + "---\nrules: []\n"), diags,
                                          ListFileRole::kPackFile);
    CHECK_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    CHECK(pack.entries.size() == 1);
  }

  TEST_CASE("format is one an importer writes, as it decides whose listing an entry is") {
    const std::string entries = "  entries:\n    - {reference: A1, kind: entity, name: GRAU, listed_on: 2020-01-01}\n";
    for (const char* format : {"un-xml", "ofac-csv", "csv"}) {
      CHECK(Errors("designations:\n  snapshot: 2024-09-26\n  format: " + std::string(format) + "\n" + entries).empty());
    }
    // A misspelt ofac-csv read as a UN list would make an OFAC entry with a DPRK programme a UN designation.
    CHECK(Errors("designations:\n  snapshot: 2024-09-26\n  format: ofac_csv\n" + entries)
              .find("d.yaml:3:11: error: format must be un-xml, ofac-csv or csv, found 'ofac_csv'") != std::string::npos);
  }

  TEST_CASE("what reports show beside a match holds no control character") {
    const std::string entry = "    - {reference: A1, kind: entity, name: GRAU, listed_on: 2020-01-01";
    CHECK(Errors("designations:\n  name: \"evil\\nFAKE: line\"\n  snapshot: 2024-09-26\n  entries:\n" + entry + "}\n")
              .find("d.yaml:2:9: error: name holds the control character U+000A") != std::string::npos);
    CHECK(Errors(std::string(kHead) + entry + ", regime: \"own\\e[31m\"}\n")
              .find("regime holds the control character U+001B") != std::string::npos);
    CHECK(Errors(std::string(kHead) + entry + ", programs: [\"a\\tb\"]}\n")
              .find("programs holds the control character U+0009") != std::string::npos);
  }

  TEST_CASE("counts are whole numbers written as digits") {
    const std::string head = "designations:\n  snapshot: 2024-09-26\n";
    const std::string entries = "  entries:\n    - {reference: A1, kind: entity, name: GRAU, listed_on: 2020-01-01}\n";
    CHECK(Errors(head + "  counts: {'': 1}\n" + entries).empty());
    for (const char* bad : {"1.4", "1.0", "+1", "1e0", "0x1", "18446744073709551617", "-1", "[1]"}) {
      const std::string errors = Errors(head + "  counts: {'': " + bad + "}\n" + entries);
      CHECK_MESSAGE(errors.find("a count must be a whole number of entries (digits only)") != std::string::npos, bad);
      // The count that cannot be read is the error, not a total that then fails to add up.
      CHECK_MESSAGE(errors.find("count_mismatch") == std::string::npos, bad);
    }
  }

  TEST_CASE("a vessel's IMO number failing its check digit is kept, with a warning") {
    const std::string head = "designations:\n  snapshot: 2024-09-26\n  entries:\n";
    Diagnostics diags;
    const auto list = LoadDesignationList(
        Text(head + "    - {reference: V1, kind: vessel, name: SHIP ONE, listed_on: 2020-01-01, imo: '9176188'}\n"
                    "    - {reference: V2, kind: vessel, name: SHIP TWO, listed_on: 2020-01-01, imo: '9176187'}\n"
                    "    - {reference: E1, kind: entity, name: OWNER CO, listed_on: 2020-01-01, company_imo: '5985863'}\n"),
        diags);
    CHECK_FALSE(diags.HasErrors());
    REQUIRE(diags.items().size() == 1);  // the company number is numbered otherwise: not checked
    CHECK(diags.items()[0].code == "designations.imo_check_digit");
    CHECK(diags.items()[0].pos.line == 4);
    REQUIRE(list.entries.size() == 3);
    CHECK(list.entries[0].imo == "9176188");
  }

  TEST_CASE("broken YAML and a missing section are diagnostics, not exceptions") {
    CHECK(Errors("designations: [unclosed\n").find("[designations.yaml]") != std::string::npos);
    CHECK(Errors("pack: x\n").find("[designations.missing]") != std::string::npos);
    CHECK(Errors("designations:\n  snapshot: 2024-09-26\n  entries: {a: 1}\n").find("[designations.wrong_type]") !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace sancheck::screen
