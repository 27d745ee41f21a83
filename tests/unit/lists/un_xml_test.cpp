// UN XML import: the real Consolidated List's counts and hard cases; malformed files give positioned errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "common/files.hpp"
#include "lists_test_util.hpp"
#include "lists/import_text.hpp"
#include "lists/un_xml.hpp"

namespace sancheck::lists {
namespace {

using screen::Designation;
using screen::DesignationKind;

const screen::DesignationList& RealList() {
  static const screen::DesignationList list = [] {
    Diagnostics diags;
    auto file = ReadSource(SANCHECK_SOURCE_DIR "/data/lists/un-consolidated-2026-02-27.xml", diags);
    REQUIRE(file);
    auto out = ImportUnXml(file, diags);
    CHECK_MESSAGE(!diags.HasErrors(), diags.RenderAll());
    return out;
  }();
  return list;
}

const Designation* Find(const screen::DesignationList& list, const std::string& reference) {
  for (const auto& d : list.entries) {
    if (d.reference == reference) return &d;
  }
  return nullptr;
}

screen::DesignationList Import(const std::string& text, Diagnostics& diags) {
  return ImportUnXml(std::make_shared<SourceFile>(SourceFile{"un.xml", text}), diags);
}

// The first error, rendered: "un.xml:LINE:COL: error: ...".
std::string FirstError(const Diagnostics& diags) {
  REQUIRE(diags.HasErrors());
  return diags.items().front().Render();
}

const char* kRecord = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>KIM</FIRST_NAME>
      <SECOND_NAME>SONG CHOL</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.030</REFERENCE_NUMBER>
      <LISTED_ON>2016-11-30</LISTED_ON>
      <INDIVIDUAL_DATE_OF_BIRTH>
        <TYPE_OF_DATE>EXACT</TYPE_OF_DATE>
        <DATE>1968-03-26</DATE>
      </INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
)";

std::string Edited(std::string from, const std::string& to) {
  std::string text = kRecord;
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

TEST_CASE("the UN list: 80 KPi and 75 KPe under DPRK, and every regime's count") {
  const auto& list = RealList();
  CHECK(list.name == "un-consolidated");
  CHECK(list.snapshot == "2026-02-27");
  CHECK(list.format == "un-xml");
  REQUIRE(list.inputs.size() == 1);
  CHECK(list.inputs[0].file == "un-consolidated-2026-02-27.xml");
  CHECK(list.inputs[0].sha256.size() == 64);
  size_t kpi = 0, kpe = 0;
  for (const auto& d : list.entries) {
    if (d.regime != "DPRK") continue;
    if (d.reference.rfind("KPi.", 0) == 0 && d.kind == DesignationKind::kIndividual) ++kpi;
    if (d.reference.rfind("KPe.", 0) == 0 && d.kind == DesignationKind::kEntity) ++kpe;
  }
  CHECK(kpi == 80);
  CHECK(kpe == 75);
  const std::map<std::string, size_t> expected = {
      {"Al-Qaida", 341}, {"CAR", 15},  {"DPRK", 155},      {"DRC", 53},  {"GB", 10},
      {"Haiti", 11},     {"Iran", 121}, {"Iraq", 75},      {"Libya", 30}, {"Somalia", 24},
      {"SouthSudan", 8}, {"Sudan", 9},  {"Taliban", 140}, {"Yemen", 11}};
  const auto counts = list.CountsByRegime();
  CHECK(std::map<std::string, size_t>(counts.begin(), counts.end()) == expected);
  CHECK(list.entries.size() == 1003);
}

TEST_CASE("KPi.030 KIM SONG CHOL has both dates of birth") {
  const Designation* d = Find(RealList(), "KPi.030");
  REQUIRE(d);
  CHECK(d->name == "KIM SONG CHOL");
  REQUIRE(d->births.size() == 2);
  CHECK(d->births[0].born.date->ToString() == "1968-03-26");
  CHECK(d->births[1].born.date->ToString() == "1970-10-15");
  CHECK(d->aliases == std::vector<std::string>{"Kim Hak Song"});
  CHECK(d->nationality == "Democratic People's Republic of Korea");
  CHECK(d->listed_on.ToString() == "2016-11-30");
}

TEST_CASE("KPi.038 CHO CHUN RYONG: name, alias, title") {
  const Designation* d = Find(RealList(), "KPi.038");
  REQUIRE(d);
  CHECK(d->name == "CHO CHUN RYONG");
  CHECK(d->aliases == std::vector<std::string>{"Jo Chun Ryong"});
  CHECK(d->title == "Chairman of the Second Economic Committee (SEC)");
  REQUIRE(d->births.size() == 1);
  CHECK(d->births[0].born.date->ToString() == "1960-04-04");
}

TEST_CASE("a name field holding two names: the first the name, the other an alias (CDe.003)") {
  const Designation* d = Find(RealList(), "CDe.003");
  REQUIRE(d);
  CHECK(d->name == "COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)");
  REQUIRE_FALSE(d->aliases.empty());
  CHECK(d->aliases.front() == "GREAT LAKES BUSINESS COMPANY (GLBC)");
  CHECK(std::count(d->aliases.begin(), d->aliases.end(), "CAGL") == 1);
  // No name is left holding a separator.
  for (const Designation& e : RealList().entries) {
    CHECK_MESSAGE(e.name.find(';') == std::string::npos, e.reference);
  }
}

TEST_CASE("a shipping company's IMO company number comes from its narrative") {
  const Designation* d = Find(RealList(), "KPe.022");  // "IMO Number: 5342883"
  REQUIRE(d);
  CHECK(d->company_imo == "5342883");
  d = Find(RealList(), "KPe.066");  // "Company Number IMO 5434358"
  REQUIRE(d);
  CHECK(d->company_imo == "5434358");
  d = Find(RealList(), "KPe.020");  // "International Maritime Organization (IMO) Number: 1790183"
  REQUIRE(d);
  CHECK(d->company_imo == "1790183");
  d = Find(RealList(), "KPe.001");  // no number in the narrative
  REQUIRE(d);
  CHECK(d->company_imo.empty());
}

TEST_CASE("a range of years (KPi.066: born between 1967 and 1969)") {
  const Designation* d = Find(RealList(), "KPi.066");
  REQUIRE(d);
  REQUIRE(d->births.size() == 1);
  CHECK(d->births[0].From() == 1967);
  CHECK(d->births[0].To() == 1969);
}

TEST_CASE("names in their original script, zoned dates, the latest amendment") {
  const auto& list = RealList();
  const size_t with_original = static_cast<size_t>(std::count_if(
      list.entries.begin(), list.entries.end(), [](const Designation& d) { return !d.original_names.empty(); }));
  CHECK(with_original > 300);
  const Designation* saddam = nullptr;
  for (const auto& d : list.entries) {
    if (!d.original_names.empty() && d.original_names[0] == "صدام حسين التكريتي") saddam = &d;
  }
  REQUIRE(saddam);
  CHECK(saddam->regime == "Iraq");
  // LISTED_ON "2015-04-07-04:00" (an xs:date with a zone) is that calendar date.
  const bool zoned = std::any_of(list.entries.begin(), list.entries.end(),
                                 [](const Designation& d) { return d.listed_on.ToString() == "2015-04-07"; });
  CHECK(zoned);
  const Designation* badege = Find(list, "CDi.001");
  REQUIRE(badege);
  REQUIRE(badege->updated);
  CHECK(badege->updated->ToString() == "2016-10-13");
}

TEST_CASE("a small file reads completely") {
  Diagnostics diags;
  const auto list = Import(kRecord, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 1);
  CHECK(list.entries[0].pos.line == 4);
  CHECK(list.entries[0].pos.column == 5);
}

TEST_CASE("a DELISTED_ON date is kept: the entry stops applying that day") {
  Diagnostics diags;
  const auto list = Import(Edited("<LISTED_ON>2016-11-30</LISTED_ON>",
                                  "<LISTED_ON>2016-11-30</LISTED_ON><DELISTED_ON>2024-05-01</DELISTED_ON>"),
                           diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.at(0).delisted_on);
  CHECK(list.entries[0].delisted_on->ToString() == "2024-05-01");
  Diagnostics bad;
  Import(Edited("<LISTED_ON>2016-11-30</LISTED_ON>", "<LISTED_ON>2016-11-30</LISTED_ON><DELISTED_ON>soon</DELISTED_ON>"),
         bad);
  CHECK(bad.RenderAll().find("un_xml.bad_date") != std::string::npos);
}

TEST_CASE("aliases of every quality are kept, low-quality ones are named in the note") {
  Diagnostics diags;
  const auto list = Import(Edited("<LISTED_ON>",
                                  "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Kim Hak Song</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                                  "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Kim S.</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                                  "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS><LISTED_ON>"),
                           diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 1);
  CHECK(list.entries[0].aliases == std::vector<std::string>{"Kim Hak Song", "Kim S."});
  CHECK(list.entries[0].note == "low-quality a.k.a.: Kim S.");

  SUBCASE("a quality in capitals is the same quality") {
    Diagnostics capitals;
    const auto upper = Import(Edited("<LISTED_ON>",
                                     "<INDIVIDUAL_ALIAS><QUALITY>LOW</QUALITY><ALIAS_NAME>Kim S.</ALIAS_NAME>"
                                     "</INDIVIDUAL_ALIAS><LISTED_ON>"),
                              capitals);
    REQUIRE_MESSAGE(!capitals.HasErrors(), capitals.RenderAll());
    CHECK(upper.entries.at(0).note == "low-quality a.k.a.: Kim S.");
  }
}

TEST_CASE("every name part is kept as printed, a repeated one too (SDi.006 OSMAN MOHAMED HAMID MOHAMED)") {
  Diagnostics diags;
  const auto list = Import(Edited("<SECOND_NAME>SONG CHOL</SECOND_NAME>",
                                  "<SECOND_NAME>SONG</SECOND_NAME><THIRD_NAME>KIM</THIRD_NAME>"),
                           diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 1);
  CHECK(list.entries[0].name == "KIM SONG KIM");
  const Designation* osman = Find(RealList(), "SDi.006");
  REQUIRE(osman);
  CHECK(osman->name == "OSMAN MOHAMED HAMID MOHAMED");
}

// The births of the one entry of the small file with `xml` inserted before its LISTED_ON.
std::vector<screen::BirthSpan> BirthsBefore(const std::string& xml) {
  Diagnostics diags;
  const auto list = Import(Edited("<LISTED_ON>", xml + "<LISTED_ON>"), diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 1);
  return list.entries[0].births;
}

TEST_CASE("an alias's date of birth is one of the person's, an approximate date is its year") {
  const auto births = BirthsBefore(
      "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>KIM HAK SONG</ALIAS_NAME>"
      "<DATE_OF_BIRTH>1971-05-05</DATE_OF_BIRTH><COUNTRY_OF_BIRTH>Korea</COUNTRY_OF_BIRTH></INDIVIDUAL_ALIAS>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><DATE>1970-10-15</DATE>"
      "</INDIVIDUAL_DATE_OF_BIRTH>");
  REQUIRE(births.size() == 3);
  CHECK(births[0].born.year == 1970);  // the record's own first, in document order
  CHECK_FALSE(births[0].born.date);    // APPROXIMATELY: the year only
  CHECK(births[1].born.date == Date::Parse("1968-03-26"));
  CHECK(births[2].born.date == Date::Parse("1971-05-05"));  // the alias's
  // The real list: KPi.016's alias is born 1958-02-22.
  const Designation* kpi016 = Find(RealList(), "KPi.016");
  REQUIRE(kpi016);
  CHECK(std::any_of(kpi016->births.begin(), kpi016->births.end(),
                    [](const screen::BirthSpan& b) { return b.born.date == Date::Parse("1958-02-22"); }));
}

TEST_CASE("a file of another date: a second nationality, a date's type not in capitals") {
  // NATIONALITY2 is in the schema beside NATIONALITY; TYPE_OF_DATE has been written "Exact".
  Diagnostics diags;
  const auto list = Import(Edited("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE>",
                                  "<TYPE_OF_DATE>Approximately</TYPE_OF_DATE><YEAR>1966</YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
                                  "<NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>"
                                  "<NATIONALITY2><VALUE>Russian Federation</VALUE></NATIONALITY2>"
                                  "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>exact</TYPE_OF_DATE>"),
                           diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 1);
  const Designation& d = list.entries[0];
  CHECK(d.nationality == "Democratic People's Republic of Korea; Russian Federation");
  REQUIRE(d.births.size() == 2);
  CHECK(d.births[0].born.year == 1966);  // "Approximately", in document order first
  CHECK(d.births[1].born.date == Date::Parse("1968-03-26"));  // "exact"
}

TEST_CASE("a YEAR beside a DATE in one date of birth is kept when it is another year") {
  const auto births = BirthsBefore(
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1958-05-01</DATE>"
      "<YEAR>1959</YEAR></INDIVIDUAL_DATE_OF_BIRTH>");
  CHECK(std::any_of(births.begin(), births.end(), [](const screen::BirthSpan& b) { return b.born.year == 1959; }));
  CHECK(std::any_of(births.begin(), births.end(),
                    [](const screen::BirthSpan& b) { return b.born.date == Date::Parse("1958-05-01"); }));
}

// The fixture's one date of birth replaced by `birth`: imported without an error, the birth left
// out, and one warning holding `said`.
void CheckBirthLeftOut(const std::string& birth, const std::string& said) {
  Diagnostics diags;
  const auto list = Import(Edited("<DATE>1968-03-26</DATE>", birth), diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(list.entries.size() == 1);
  CHECK(list.entries[0].births.empty());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items().front().Render().find(said) != std::string::npos);
}

TEST_CASE("a date of birth given only as a note is said, not silently dropped") {
  CheckBirthLeftOut("<NOTE>Nov. 1973</NOTE>", "warning: a date of birth given only as the note 'Nov. 1973'");
}

TEST_CASE("a date of birth after the list's own date is said and left out") {
  CheckBirthLeftOut("<DATE>2031-03-26</DATE>", "a date of birth in 2031, after the list's date 2026-02-27");
  Diagnostics same_year;
  const auto early = Import(Edited("<DATE>1968-03-26</DATE>", "<DATE>2026-01-02</DATE>"), same_year);
  CHECK(same_year.items().empty());
  CHECK(early.entries.at(0).births.size() == 1);
}

TEST_CASE("a file on one line: each record's column is its own tag's, found in one pass") {
  std::string one_line = kRecord;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  const std::string second = "<INDIVIDUAL><FIRST_NAME>RI</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
                             "<REFERENCE_NUMBER>KPi.099</REFERENCE_NUMBER><LISTED_ON>2016-11-30</LISTED_ON></INDIVIDUAL>";
  one_line.insert(one_line.find("</INDIVIDUALS>"), second);
  Diagnostics diags;
  const auto list = Import(one_line, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  REQUIRE(list.entries.size() == 2);
  CHECK(list.entries[0].pos.column == static_cast<int>(one_line.find("<INDIVIDUAL>")) + 1);
  CHECK(list.entries[1].pos.column == static_cast<int>(one_line.find("<INDIVIDUAL><FIRST_NAME>RI")) + 1);
}

TEST_CASE("a file on one line: an error inside a record is at its own element, not the first of its name") {
  std::string one_line = kRecord;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  // Two records, each with two dates of birth: the bad YEAR is the second record's second.
  const std::string births = "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1958</YEAR>"
                             "</INDIVIDUAL_DATE_OF_BIRTH><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
                             "<YEAR>YEAR2</YEAR></INDIVIDUAL_DATE_OF_BIRTH>";
  auto with_births = [&](const char* reference, const char* second_year) {
    std::string b = births;
    b.replace(b.find("YEAR2"), 5, second_year);
    return std::string("<INDIVIDUAL><FIRST_NAME>RI</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>") +
           reference + "</REFERENCE_NUMBER><LISTED_ON>2016-11-30</LISTED_ON>" + b + "</INDIVIDUAL>";
  };
  one_line.insert(one_line.find("</INDIVIDUALS>"), with_births("KPi.098", "1960") + with_births("KPi.099", "19S9"));
  Diagnostics diags;
  Import(one_line, diags);
  REQUIRE(diags.HasErrors());
  CHECK_STARTS(diags.items().front().Render(),
               "un.xml:1:" + std::to_string(one_line.find("<YEAR>19S9") + 1) + ": error: YEAR '19S9'");
}

TEST_CASE("a file on one line: each of a record's many warned children is placed at its own tag") {
  // Placed from the last child of the name placed, not counted again from the record's tag:
  // thousands of such children in one record took minutes.
  std::string one_line = kRecord;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  std::string notes;
  constexpr int kNotes = 300;
  for (int i = 0; i < kNotes; ++i) {
    notes += "<INDIVIDUAL_DATE_OF_BIRTH><NOTE>note " + std::to_string(i) + "</NOTE></INDIVIDUAL_DATE_OF_BIRTH>";
  }
  one_line.insert(one_line.find("</INDIVIDUAL>"), notes);
  Diagnostics diags;
  Import(one_line, diags);
  CHECK_FALSE(diags.HasErrors());
  int placed = 0;
  size_t from = 0;
  for (const auto& d : diags.items()) {
    const std::string said = d.Render();
    if (said.find("the note 'note ") == std::string::npos) continue;
    // The k-th warning is the k-th note's, at its element's start tag.
    const std::string element = "<INDIVIDUAL_DATE_OF_BIRTH><NOTE>note " + std::to_string(placed) + "<";
    const size_t at = one_line.find(element, from);
    REQUIRE(at != std::string::npos);
    CHECK_STARTS(said, "un.xml:1:" + std::to_string(at + 1) + ": warning:");
    from = at + 1;
    ++placed;
  }
  CHECK(placed > 0);
}

TEST_CASE("list dates: an xs:date or xs:dateTime, its time and zone dropped") {
  for (const char* good : {"2026-02-27", "2026-02-27Z", "2026-02-27-04:00", "2026-02-27T00:00:09.554Z",
                           "2026-02-27T23:59:60+14:00", "2026-02-27T10:00:09", " 2026-02-27T10:00:09.5 ",
                           "2026-02-27T24:00:00Z"}) {
    const std::string shown = good;
    CAPTURE(shown);
    CHECK(ParseListDate(good) == Date::Parse("2026-02-27"));
  }
  for (const char* bad : {"2026-02-27garbage", "2026-02-27T", "2026-02-27T10:00", "2026-02-27T10:00:09.",
                          "2026-02-27T25:00:00Z", "2026-02-27T10:61:00Z", "2026-02-27+5", "2026-02-27T10:00:09+15:00",
                          "2026-02-27T24:30:00", "2026-02-27T10:00:61", "2026-02-27T10:00:09+14:30",
                          "2026-02-27 10:00:09", "2026-02-30"}) {
    const std::string shown = bad;
    CAPTURE(shown);
    CHECK_FALSE(ParseListDate(bad).has_value());
  }
}

TEST_CASE("malformed UN files: positioned errors") {
  Diagnostics diags;
  SUBCASE("truncated") {
    Import(std::string(kRecord).substr(0, 300), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:");
    CHECK(FirstError(diags).find("malformed XML") != std::string::npos);
    CHECK(diags.items().front().pos.line > 1);
  }
  SUBCASE("a bad date") {
    Import(Edited("<LISTED_ON>2016-11-30", "<LISTED_ON>2016-13-30"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:9:7: error: LISTED_ON '2016-13-30'");
  }
  SUBCASE("a bad date of birth") {
    Import(Edited("<DATE>1968-03-26", "<DATE>1968-02-30"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:12:9: error: DATE '1968-02-30'");
  }
  SUBCASE("no reference") {
    Import(Edited("<REFERENCE_NUMBER>KPi.030</REFERENCE_NUMBER>", ""), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:4:5: error: INDIVIDUAL has no REFERENCE_NUMBER");
  }
  SUBCASE("no name") {
    std::string text = Edited("<SECOND_NAME>SONG CHOL</SECOND_NAME>", "");
    text.replace(text.find("<FIRST_NAME>KIM</FIRST_NAME>"), 28, "<FIRST_NAME/>");
    Import(text, diags);
    CHECK_STARTS(FirstError(diags), "un.xml:4:5: error: INDIVIDUAL KPi.030 has no name (FIRST_NAME)");
  }
  SUBCASE("the wrong root element") {
    Import("<?xml version=\"1.0\"?>\n<sdnList/>\n", diags);
    CHECK_STARTS(FirstError(diags), "un.xml:2:1: error: the root element must be CONSOLIDATED_LIST");
  }
  SUBCASE("a field of the record given twice (the second would be dropped, a regime or a date with it)") {
    Import(Edited("<LISTED_ON>2016-11-30</LISTED_ON>", "<LISTED_ON>2016-11-30</LISTED_ON><LISTED_ON>2010-01-01</LISTED_ON>"),
           diags);
    CHECK(FirstError(diags).find("error: 'LISTED_ON' is given twice in one INDIVIDUAL [lists.un_xml.repeated]") !=
          std::string::npos);
  }
  SUBCASE("an unknown element") {
    Import(Edited("<LISTED_ON>", "<SHOE_SIZE>9</SHOE_SIZE><LISTED_ON>"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:9:7: error: unknown element 'SHOE_SIZE'");
  }
  SUBCASE("a DOCTYPE (entity declarations) is refused") {
    Import("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n<CONSOLIDATED_LIST/>\n", diags);
    CHECK_STARTS(FirstError(diags), "un.xml:2:1: error: a DOCTYPE");
  }
  SUBCASE("a DOCTYPE in UTF-16 is refused too, before its entities are read") {
    const std::string utf8 =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE x [<!ENTITY a \"KIM\">]>\n<CONSOLIDATED_LIST/>\n";
    std::string utf16 = "\xFF\xFE";  // little-endian, with its byte order mark
    for (char c : utf8) {
      utf16 += c;
      utf16 += '\0';
    }
    Import(utf16, diags);
    CHECK(FirstError(diags).find("error: a DOCTYPE declaration is not accepted") != std::string::npos);
  }
  SUBCASE("an element the schema does not give inside an alias or a date of birth") {
    Import(Edited("<DATE>1968-03-26</DATE>", "<DATE_OF_BIRTH>1968-03-26</DATE_OF_BIRTH>"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:12:9: error: unknown element 'DATE_OF_BIRTH' in INDIVIDUAL_DATE_OF_BIRTH");
  }
  SUBCASE("a nationality as bare text, where the schema has VALUE") {
    Import(Edited("<LISTED_ON>", "<NATIONALITY>Sudan</NATIONALITY><LISTED_ON>"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:9:7: error: NATIONALITY holds text 'Sudan'");
  }
  SUBCASE("a year and a range in one date of birth") {
    Import(Edited("<DATE>1968-03-26</DATE>", "<YEAR>1968</YEAR><FROM_YEAR>1967</FROM_YEAR><TO_YEAR>1969</TO_YEAR>"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:10:7: error: INDIVIDUAL_DATE_OF_BIRTH gives a DATE or YEAR and a FROM_YEAR/TO_YEAR range");
  }
  SUBCASE("a range without its end, at the element") {
    Import(Edited("<DATE>1968-03-26</DATE>", "<FROM_YEAR>1967</FROM_YEAR>"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:10:7: error: INDIVIDUAL_DATE_OF_BIRTH has no TO_YEAR");
  }
  SUBCASE("a dateGenerated with text after the date") {
    Import(Edited("2026-02-27T00:00:09.554Z", "2026-02-27garbage"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:2:1: error: dateGenerated '2026-02-27garbage' is not a date");
  }
  SUBCASE("a dateGenerated whose time is not one") {
    Import(Edited("2026-02-27T00:00:09.554Z", "2026-02-27Tnoon"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:2:1: error: dateGenerated '2026-02-27Tnoon' is not a date");
  }
  SUBCASE("a dateGenerated whose zone is not one") {
    Import(Edited("2026-02-27T00:00:09.554Z", "2026-02-27T00:00:09+5"), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:2:1: error: dateGenerated '2026-02-27T00:00:09+5' is not a date");
  }
  SUBCASE("a file that lists no one") {
    Import(Edited(std::string(kRecord).substr(std::string(kRecord).find("  <INDIVIDUALS>"),
                                              std::string(kRecord).find("  <ENTITIES/>") -
                                                  std::string(kRecord).find("  <INDIVIDUALS>")),
                  ""),
           diags);
    CHECK_STARTS(FirstError(diags), "un.xml:1:1: error: the file lists no INDIVIDUAL and no ENTITY");
  }
  SUBCASE("no dateGenerated") {
    Import(Edited(" dateGenerated=\"2026-02-27T00:00:09.554Z\"", ""), diags);
    CHECK_STARTS(FirstError(diags), "un.xml:2:1: error: CONSOLIDATED_LIST has no dateGenerated");
  }
}

}  // namespace
}  // namespace sancheck::lists
