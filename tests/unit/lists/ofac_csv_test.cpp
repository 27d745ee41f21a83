// OFAC legacy CSV import: the hand-made fixture field by field, the real SDN snapshot's counts, bad rows positioned.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "common/files.hpp"
#include "lists_test_util.hpp"
#include "lists/country_names.hpp"
#include "lists/ofac_csv.hpp"
#include "lists/ofac_remarks.hpp"

namespace sancheck::lists {
namespace {

using screen::Designation;
using screen::DesignationKind;
using screen::Verification;

#define FIXTURES SANCHECK_SOURCE_DIR "/tests/unit/lists/fixtures/"
// The real OFAC files are not in the repository: they sit in the shared reference data
// beside the checkout (../shared/reference/data/); the tests that read them are skipped
// where they are absent.
#define REAL_OFAC SANCHECK_SOURCE_DIR "/../shared/reference/data/"

std::shared_ptr<const SourceFile> Read(const std::string& path) {
  Diagnostics diags;
  auto file = ReadSource(path, diags);
  REQUIRE_MESSAGE(file, diags.RenderAll());
  return file;
}

screen::DesignationList ImportFiles(const std::string& dir, Diagnostics& diags) {
  OfacFiles files{Read(dir + "sdn.csv"), Read(dir + "add.csv"), Read(dir + "alt.csv"), nullptr};
  return ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
}

const Designation& Entry(const screen::DesignationList& list, const std::string& reference) {
  const auto it = std::find_if(list.entries.begin(), list.entries.end(),
                               [&](const Designation& d) { return d.reference == reference; });
  REQUIRE(it != list.entries.end());
  return *it;
}

TEST_CASE("the OFAC fixture: quoting, -0-, programmes, aliases, vessels, dates of birth") {
  Diagnostics diags;
  const auto list = ImportFiles(FIXTURES, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  CHECK(list.name == "ofac-sdn");
  CHECK(list.format == "ofac-csv");
  CHECK(list.snapshot == "2021-06-01");
  REQUIRE(list.inputs.size() == 3);
  CHECK(list.inputs[0].file == "sdn.csv");
  CHECK(list.inputs[2].file == "alt.csv");
  REQUIRE(list.entries.size() == 6);  // the closing DOS end-of-file byte is no record

  const Designation& kim = Entry(list, "OFAC-100");
  CHECK(kim.kind == DesignationKind::kIndividual);
  CHECK(kim.name == "KIM, Yong Chol");
  CHECK(kim.regime == "OFAC SDN");
  CHECK(kim.programs == std::vector<std::string>{"DPRK"});
  CHECK(kim.aliases == std::vector<std::string>{"KIM, Hak Song"});
  CHECK(kim.nationality == "Korea, North");
  CHECK(kim.listed_on.ToString() == "1900-01-01");  // no listing date in the CSV: listed on every date
  REQUIRE(kim.births.size() == 4);
  CHECK(kim.births[0].born.date->ToString() == "1968-03-26");
  CHECK(kim.births[1].born.date->ToString() == "1970-10-15");
  CHECK(kim.births[2].born.year == 1960);
  CHECK(!kim.births[2].born.date);
  CHECK(kim.births[3].From() == 1950);
  CHECK(kim.births[3].To() == 1955);

  const Designation& firm = Entry(list, "OFAC-101");
  CHECK(firm.kind == DesignationKind::kEntity);
  CHECK(firm.name == "KOREA \"TANGUN\" TRADING CORPORATION");
  CHECK(firm.programs == std::vector<std::string>{"NPWMD", "DPRK2"});
  CHECK(firm.aliases == std::vector<std::string>{"TANGUN TRADING"});  // the alias equal to the name is dropped
  CHECK(firm.company_imo == "5123456");
  CHECK(firm.births.empty());

  const Designation& tanker = Entry(list, "OFAC-102");
  CHECK(tanker.kind == DesignationKind::kVessel);
  CHECK(tanker.imo.empty());  // no IMO in its remarks: none is made up
  REQUIRE(tanker.flag);
  CHECK(tanker.flag->ToString() == "KP");
  CHECK(tanker.flag_status == Verification::kVerified);
  CHECK(tanker.aliases == std::vector<std::string>{"CHONMASAN"});
  CHECK(tanker.note.find("call sign HMZF") != std::string::npos);

  const Designation& rye = Entry(list, "OFAC-103");
  CHECK(rye.imo == "7389704");
  CHECK(rye.imo_status == Verification::kVerified);
  CHECK(rye.flag->ToString() == "KP");
  CHECK(rye.programs == std::vector<std::string>{"DPRK4", "DPRK3"});

  const Designation& unknown_flag = Entry(list, "OFAC-104");
  CHECK(unknown_flag.imo == "9187629");
  CHECK(!unknown_flag.flag);  // "Atlantis" is no country the table knows: left empty, never guessed
  CHECK(unknown_flag.flag_status == Verification::kUnverified);
  // ... and said, at its flag field.
  const std::string said = diags.RenderAll();
  CHECK(said.find("sdn.csv:5:") != std::string::npos);
  CHECK(said.find("lists.ofac.flag_unread") != std::string::npos);
  CHECK(said.find("'Atlantis'") != std::string::npos);

  CHECK(Entry(list, "OFAC-105").programs == std::vector<std::string>{"CUBA"});
}

TEST_CASE("OFAC remarks: the shapes of a date of birth") {
  const auto r = ReadOfacRemarks(
      "DOB Mar 1968; alt. DOB circa 26 Mar 1968; alt. DOB 01 Jan 1960 to 31 Dec 1962; alt. DOB circa 1979-1982; "
      "alt. DOB 1970.; DOB sometime; alt. nationality Iran");
  REQUIRE(r.births.size() == 5);
  CHECK(r.births[0].born.year == 1968);
  CHECK(!r.births[0].born.date);
  CHECK(!r.births[1].born.date);
  CHECK(r.births[2].From() == 1960);
  CHECK(r.births[2].To() == 1962);
  CHECK(r.births[3].To() == 1982);
  CHECK(r.births[4].born.year == 1970);
  CHECK(r.unread_births == std::vector<std::string>{"DOB sometime"});
  CHECK(r.nationalities == std::vector<std::string>{"Iran"});

  // "Circa" as a sentence starts it, read as months are, in any case.
  const auto capital = ReadOfacRemarks("DOB Circa 1964");
  REQUIRE(capital.births.size() == 1);
  CHECK(capital.births[0].born.year == 1964);
  CHECK(capital.unread_births.empty());
}

TEST_CASE("OFAC remarks: dates of birth as files before June 2012 wrote them") {
  const auto r = ReadOfacRemarks("DOB 5 Jan 1971; alt. DOB 05 JUNE 1972; alt. DOB 17 September 1973; DOB 1958/1959");
  REQUIRE(r.births.size() == 3);
  CHECK(r.births[0].born.date == Date::Parse("1971-01-05"));
  CHECK(r.births[1].born.date == Date::Parse("1972-06-05"));
  CHECK(r.births[2].born.date == Date::Parse("1973-09-17"));
  CHECK(r.unread_births == std::vector<std::string>{"DOB 1958/1959"});  // which year is meant: said, not guessed
  CHECK(ReadOfacRemarks("DOB 5 Jul 19").births.empty());                 // a two-digit year: no century guessed
  CHECK(ReadOfacRemarks("DOB 32 Jan 1971").births.empty());
}

TEST_CASE("OFAC remarks: a citizenship is a nationality") {
  const auto r = ReadOfacRemarks("DOB 1971; citizen Iran; nationality Iran; alt. citizen Syria");
  CHECK(r.nationalities == std::vector<std::string>{"Iran", "Syria"});
}

TEST_CASE("flag states by any of the names lists print, every registry of ISO 3166-1") {
  const std::pair<const char*, const char*> names[] = {
      {"Korea, North", "KP"}, {"Democratic People's Republic of Korea", "KP"}, {"St. Kitts & Nevis", "KN"},
      {"Saint Kitts and Nevis", "KN"}, {"San Marino", "SM"}, {"Sao Tome & Principe", "ST"},
      {"S\u00e3o Tom\u00e9 and Pr\u00edncipe", "ST"}, {"Gambia, The", "GM"}, {"The Bahamas", "BS"},
      {"Eswatini", "SZ"}, {"Burma", "MM"}, {"Curacao", "CW"}, {"Cura\u00e7ao", "CW"}, {"Cote d'Ivoire", "CI"},
      {"C\u00f4te d\u2019Ivoire", "CI"}, {"Congo, Democratic Republic of the", "CD"}, {"Tanzania", "TZ"},
      {"MADAGASCAR", "MG"}, {"Sri Lanka", "LK"}, {"Guyana", "GY"}, {"Micronesia, Federated States of", "FM"},
      {"Virgin Islands, British", "VG"}, {"T\u00fcrkiye", "TR"}, {"Kosovo", "XK"}};
  for (const auto& [name, code] : names) {
    INFO(name);
    const auto country = CountryByName(name);
    REQUIRE(country);
    CHECK(country->ToString() == code);
  }
  for (const char* none : {"Atlantis", "Korea", "", "None Identified", "Saint", "Guinea Bissau Islands"}) {
    INFO(none);
    CHECK(!CountryByName(none));
  }
  CHECK(SaysNoCountry("None Identified"));
  CHECK_FALSE(SaysNoCountry("Atlantis"));
  CHECK_FALSE(SaysNoCountry("\u0420\u043e\u0441\u0441\u0438\u044f"));  // another script: unread, said
  CHECK_FALSE(SaysNoCountry("?"));
  // A wrong code in the table would make its name unknown without a word.
  for (const std::string_view code : CountryTableCodes()) {
    INFO(code);
    CHECK(Country::Parse(code));
  }
  CHECK(CountryTableCodes().size() > 249);  // every ISO 3166-1 entry, and other spellings
}

TEST_CASE("OFAC remarks: a weak alias holding a semicolon, a date of birth not in OFAC's form") {
  const auto r = ReadOfacRemarks("a.k.a. 'P; TEN'; DOB: 1968; a.k.a. 'ABU-'UMAR'; a.k.a. 'Q; DOB 1960; a.k.a. 'R'.");
  // The quote of 'Q is never closed before another item starts: it stays as cut, read as nothing.
  CHECK(r.weak_aliases == std::vector<std::string>{"P; TEN", "ABU-'UMAR", "R"});
  CHECK(r.unread_births == std::vector<std::string>{"DOB: 1968"});
  REQUIRE(r.births.size() == 1);
  CHECK(r.births[0].born.year == 1960);
  // sdn_comments.csv quotes them with double quotes; a quote of the other kind inside is the name's.
  const auto c = ReadOfacRemarks("a.k.a. \"blackjack1987\"; a.k.a. \"KHALEE'S; I\"; n.k.a. \"X'; DOB 1971.");
  CHECK(c.weak_aliases == std::vector<std::string>{"blackjack1987", "KHALEE'S; I"});
  REQUIRE(c.births.size() == 1);
  CHECK(c.births[0].born.year == 1971);
}

TEST_CASE("OFAC remarks: weak aliases, IMO numbers under any label, the end-of-file byte after the last field") {
  Diagnostics diags;
  const std::string sdn =
      "1,\"ROBOW, Mukhtar\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1969; a.k.a. 'ABU MANSUR'; "
      "a.k.a. 'ABU-'UMAR'.\"\r\n"
      "2,\"CHONGBONG SHIPPING CO LTD\",-0- ,\"DPRK3\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Vessel Registration "
      "Identification IMO 5878589.\"\r\n"
      "3,\"SEA STAR\",\"vessel\",\"DPRK3\",-0- ,-0- ,-0- ,-0- ,-0- ,\"Malta\",-0- ,\"IMO 9187629 (Malta); "
      "Company Number IMO 15411\"\r\n"
      "4,\"LAST\",-0- ,\"DPRK3\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \x1A";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr, nullptr, nullptr};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_FALSE(diags.HasErrors());
  const Designation& robow = Entry(list, "OFAC-1");
  CHECK(robow.aliases == std::vector<std::string>{"ABU MANSUR", "ABU-'UMAR"});
  CHECK(robow.note.find("weak a.k.a.: ABU MANSUR; ABU-'UMAR") != std::string::npos);
  CHECK(Entry(list, "OFAC-2").company_imo == "5878589");
  CHECK(Entry(list, "OFAC-3").imo == "9187629");
  CHECK(Entry(list, "OFAC-4").note.empty());  // the 0x1A byte is no part of the last field
  // "IMO 15411" has no 7 digits: said, not guessed.
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items().front().Render().find("'Company Number IMO 15411' names IMO with no 7-digit number") !=
        std::string::npos);
}

TEST_CASE("a vessel's remarks giving two IMO numbers: the registration's kept, the other said") {
  Diagnostics diags;
  const std::string sdn =
      "200,\"SHIP ONE\",\"vessel\",\"DPRK3\",-0- ,\"HPAB\",-0- ,-0- ,-0- ,\"Korea, North\",-0- ,\"IMO 9123453; "
      "Vessel Registration Identification IMO 9999993.\"\r\n\x1A";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr, nullptr, nullptr};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Entry(list, "OFAC-200").imo == "9999993");
  CHECK(Entry(list, "OFAC-200").note.find("IMO 9123453") != std::string::npos);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items().front().code == "lists.ofac.imo_several");
  CHECK(diags.items().front().message.find("IMO 9123453 in its remarks is not the vessel's IMO kept (9999993)") !=
        std::string::npos);
}

TEST_CASE("a file without OFAC's end-of-file byte is imported with a warning at its last line") {
  Diagnostics diags;
  // An alt file cut at a row's end: every row reads, so only the missing byte shows the cut.
  const std::string sdn = "1,\"KIM, Il\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A";
  const std::string alt = "1,1,\"aka\",\"KIM, Ilsong\",-0- \r\n1,2,\"aka\",\"KIM, Ilsung\",-0- \r\n";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr,
                  std::make_shared<SourceFile>(SourceFile{"alt.csv", alt}), nullptr};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Entry(list, "OFAC-1").aliases.size() == 2);
  REQUIRE(diags.items().size() == 1);
  const std::string said = diags.items().front().Render();
  CHECK(said.find("alt.csv:2:1: warning: the file does not end with OFAC's end-of-file byte (0x1A)") !=
        std::string::npos);
}

TEST_CASE("Remarks cut at OFAC's 1,000 characters are said to be cut, at the entry's Remarks") {
  Diagnostics diags;
  std::string remarks = "DOB 1968; a.k.a. 'ABU'";
  while (remarks.size() < 1000) remarks += "; alt. Digital Currency Address - XBT 1Gq";
  remarks.resize(1000);
  const std::string sdn = "7,\"KIM, Il\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" + remarks +
                          "\"\r\n8,\"RI, Su\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" +
                          remarks.substr(0, 999) + "\"\r\n\x1A";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr, nullptr, nullptr};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(Entry(list, "OFAC-7").aliases == std::vector<std::string>{"ABU"});
  REQUIRE(diags.items().size() == 1);  // the entry of 999 characters is whole
  CHECK(diags.items().front().Render().find(
            "sdn.csv:1:68: warning: entry OFAC-7: Remarks reach OFAC's 1000-character limit") != std::string::npos);
}

// An SDN row whose Remarks are cut at OFAC's 1,000 characters in the middle of "a.k.a.", with a
// date of birth and a weak alias only in the continuation.
std::string CutSdnRow(const std::string& num, std::string* cut_tail) {
  std::string remarks = "Nationality Korea, North";
  while (remarks.size() < 1000) remarks += "; alt. Digital Currency Address - XBT 1Gq";
  remarks.resize(997);
  remarks += "; a";
  *cut_tail = ".k.a. 'KIM IL SONG'; DOB 12 Oct 1972; Linked To: \"LAZARUS GROUP\".";
  return num + ",\"KIM, Il\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" + remarks + "\"\r\n";
}

TEST_CASE("sdn_comments.csv continues Remarks cut at 1,000 characters: one text, read whole") {
  Diagnostics diags;
  std::string tail;
  const std::string sdn = CutSdnRow("7", &tail) + "8,\"RI, Su\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A";
  // Two rows for entry 7 (joined in order); OFAC's bare quotes inside the quoted remark kept.
  const std::string comments = "7,\"" + tail.substr(0, 20) + "\"\r\n7,\"" + tail.substr(20) + "\"\r\n\x1A";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr, nullptr,
                  std::make_shared<SourceFile>(SourceFile{"sdn_comments.csv", comments})};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_MESSAGE(diags.items().empty(), diags.RenderAll());  // no remarks_cut: the rest was read
  const Designation& kim = Entry(list, "OFAC-7");
  CHECK(kim.aliases == std::vector<std::string>{"KIM IL SONG"});
  REQUIRE(kim.births.size() == 1);
  CHECK(kim.births[0].born.year == 1972);
  CHECK(Entry(list, "OFAC-8").aliases.empty());
  REQUIRE(list.inputs.size() == 2);
  CHECK(list.inputs[1].file == "sdn_comments.csv");
  CHECK(list.source.find("sdn_comments") != std::string::npos);

  SUBCASE("without the comments file the cut is said, and what it holds is not read") {
    Diagnostics cut;
    OfacFiles alone{files.sdn, nullptr, nullptr, nullptr};
    const auto without = ImportOfacCsv(alone, *Date::Parse("2021-06-01"), cut);
    CHECK(Entry(without, "OFAC-7").births.empty());
    REQUIRE(cut.items().size() == 1);
    CHECK(cut.items().front().Render().find("sdn_comments.csv, not given) is left out") != std::string::npos);
  }
  SUBCASE("the comments file's end-of-file byte may have line ends after it, as the other files' may") {
    Diagnostics ends;
    OfacFiles trailing{files.sdn, nullptr, nullptr,
                       std::make_shared<SourceFile>(SourceFile{"sdn_comments.csv", comments + "\r\n\r\n"})};
    const auto read = ImportOfacCsv(trailing, *Date::Parse("2021-06-01"), ends);
    REQUIRE_MESSAGE(ends.items().empty(), ends.RenderAll());
    CHECK(Entry(read, "OFAC-7").aliases == std::vector<std::string>{"KIM IL SONG"});
  }
  SUBCASE("a comments file with no row for the cut entry says so") {
    Diagnostics cut;
    OfacFiles other{files.sdn, nullptr, nullptr,
                    std::make_shared<SourceFile>(SourceFile{"sdn_comments.csv", "8,\" more\"\r\n\x1A"})};
    const auto list = ImportOfacCsv(other, *Date::Parse("2021-06-01"), cut);
    REQUIRE(cut.items().size() == 2);
    CHECK(cut.items()[0].Render().find("sdn_comments.csv, which has no row for it) is left out") != std::string::npos);
    // The row for entry 8, whose Remarks are OFAC's empty field: read as its Remarks, and said.
    CHECK(cut.items()[1].Render().find("entry OFAC-8: sdn_comments.csv continues Remarks of 4 characters") !=
          std::string::npos);
    CHECK(Entry(list, "OFAC-8").note == "more");
  }
}

TEST_CASE("malformed sdn_comments.csv: positioned errors, nothing imported") {
  Diagnostics diags;
  const std::string sdn = "1,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  auto import = [&](const std::string& comments) {
    OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr, nullptr,
                    std::make_shared<SourceFile>(SourceFile{"sdn_comments.csv", comments})};
    return ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  };
  auto first_error = [&] {
    for (const auto& d : diags.items()) {
      if (d.severity == Severity::kError) return d.Render();
    }
    return std::string();
  };
  SUBCASE("a row of an entry that is not listed (another snapshot's file)") {
    import("1,\"x\"\r\n\r\n9,\"y\"\r\n");
    CHECK_STARTS(first_error(), "sdn_comments.csv:3:1: error: ent_num '9' is not in the SDN file");
  }
  SUBCASE("a carriage return alone inside a row would join the next row to this entry") {
    import("1,\"; a.k.a. 'X'\"\r2,\"; DOB 1970\"\r\n");
    CHECK_STARTS(first_error(), "sdn_comments.csv:1:17: error: a carriage return inside a row");
  }
  SUBCASE("a quoted remark not closed on its line") {
    import("1,\"x\"\r\n1,\"y; a.k.a. 'Z'\r\n");
    CHECK_STARTS(diags.items().front().Render(), "sdn_comments.csv:2:3: error: the quoted remark is not closed on its line");
  }
  SUBCASE("no entity number") {
    import("\xEF\xBB\xBF" "1,\"x\"\r\nABC,\"y\"\r\n");
    CHECK_STARTS(diags.items().front().Render(), "sdn_comments.csv:2:1: error: expected an entity number and a comma");
  }
  SUBCASE("a NUL byte") {
    import(std::string("1,\"x\0\"\r\n", 7));
    CHECK(diags.HasErrors());
  }
  CHECK(diags.HasErrors());
}

TEST_CASE("a date of birth after the snapshot is said and left out") {
  Diagnostics diags;
  const std::string sdn =
      "7,\"KIM, Il\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 2031; alt. DOB 1960.\"\r\n\x1A";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr, nullptr, nullptr};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_FALSE(diags.HasErrors());
  const Designation& kim = Entry(list, "OFAC-7");
  REQUIRE(kim.births.size() == 1);
  CHECK(kim.births[0].born.year == 1960);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items().front().Render().find("a date of birth in 2031, after the snapshot 2021-06-01") != std::string::npos);
}

TEST_CASE("a year given twice is one date of birth, and the consolidated list is labelled as such") {
  Diagnostics diags;
  const std::string sdn =
      "7,\"KIM, Il\",\"individual\",\"SSI\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB circa 1948; alt. DOB Dec 1948; "
      "alt. DOB 1950.\"\r\n\x1A";
  OfacFiles files{std::make_shared<SourceFile>(SourceFile{"cons_prim.csv", sdn}), nullptr, nullptr, nullptr,
                  OfacList::kConsolidated};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_FALSE(diags.HasErrors());
  const Designation& kim = Entry(list, "OFAC-7");
  REQUIRE(kim.births.size() == 2);
  CHECK(kim.births[0].born.year == 1948);
  CHECK(kim.births[1].born.year == 1950);
  CHECK(list.name == "ofac-consolidated");
  CHECK(kim.regime == kOfacConsolidatedRegime);
  CHECK(list.source.find("non-SDN") != std::string::npos);
}

TEST_CASE("malformed OFAC files: positioned errors") {
  Diagnostics diags;
  auto import = [&](const std::string& sdn, const std::string& alt = "") {
    OfacFiles files{std::make_shared<SourceFile>(SourceFile{"sdn.csv", sdn}), nullptr,
                    alt.empty() ? nullptr : std::make_shared<SourceFile>(SourceFile{"alt.csv", alt}), nullptr};
    return ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  };
  const std::string good = "1,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  SUBCASE("bad quoting") {
    import(good + "2,\"B\"x,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:2:6: error: text after the closing quote");
  }
  SUBCASE("lines ending with a carriage return alone") {
    import("1,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"x\"\r2,\"B\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"y\"\r");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:1:57: error: a carriage return without a line feed");
  }
  SUBCASE("a carriage return alone after an unquoted field") {
    import("1,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r2,\"B\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:1:58: error: a carriage return without a line feed (");
  }
  SUBCASE("an unterminated quote (a truncated file)") {
    // At the quote that opens the field running to the end, with its line: not past the last line.
    import(good + "2,\"B,-0- ,CUBA,-0- \r\n3,C,-0- \r\n");
    CHECK(diags.items().front().Render() ==
          "sdn.csv:2:3: error: unterminated quoted field (the quote opened here is never closed) [lists.ofac.bad_csv]\n"
          "  2,\"B,-0- ,CUBA,-0- \n"
          "    ^\n");
  }
  SUBCASE("too few fields") {
    import(good + "2,\"B\",-0- \r\n");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:2:1: error: expected 12 fields, found 3");
  }
  SUBCASE("no entity number") {
    import(good + "x,\"B\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:2:1: error: ent_num must be a number");
  }
  SUBCASE("an unknown SDN_Type") {
    import("1,\"A\",\"submarine\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:1:7: error: SDN_Type must be");
  }
  SUBCASE("an empty SDN file, or an empty alternate-names file, is no list") {
    import("");
    CHECK_STARTS(diags.items().front().Render(), "sdn.csv:1:1: error: the SDN file has no row");
  }
  SUBCASE("an empty alternate-names file") {
    import(good, "\x1A");
    CHECK_STARTS(diags.items().front().Render(), "alt.csv:1:1: error: the alternate names file has no row");
  }
  SUBCASE("an alias of an entry that is not listed") {
    import(good, "1,5,\"aka\",\"AA\",-0- \r\n9,6,\"aka\",\"ZZ\",-0- \r\n");
    CHECK_STARTS(diags.items().front().Render(), "alt.csv:2:1: error: ent_num '9' is not in the SDN file");
  }
}

const bool kNoRealOfac = !std::filesystem::exists(REAL_OFAC "ofac-sdn.csv");

TEST_CASE("the real OFAC SDN snapshot: 8976 entries, 414 under a DPRK programme" * doctest::skip(kNoRealOfac)) {
  Diagnostics diags;
  OfacFiles files{Read(REAL_OFAC "ofac-sdn.csv"), Read(REAL_OFAC "ofac-add.csv"), Read(REAL_OFAC "ofac-alt.csv"), nullptr};
  const auto list = ImportOfacCsv(files, *Date::Parse("2021-06-01"), diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  CHECK(list.entries.size() == 8976);
  size_t dprk = 0, dprk_vessels = 0, with_imo = 0;
  for (const auto& d : list.entries) {
    const bool any = std::any_of(d.programs.begin(), d.programs.end(),
                                 [](const std::string& p) { return p.rfind("DPRK", 0) == 0; });
    dprk += any;
    dprk_vessels += any && d.kind == DesignationKind::kVessel;
    with_imo += !d.imo.empty();
  }
  CHECK(dprk == 414);
  CHECK(dprk_vessels == 106);
  CHECK(with_imo > 350);
  const Designation& kim = Entry(list, "OFAC-12211");
  CHECK(kim.name == "KIM, Yong Chol");
  REQUIRE(kim.births.size() == 2);
  CHECK(kim.births[0].born.year == 1947);
}

}  // namespace
}  // namespace sancheck::lists
