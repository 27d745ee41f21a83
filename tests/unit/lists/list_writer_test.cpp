// List writer: what it writes loads back with LoadDesignationList, every field equal (the round trip).
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "../screen/designation_checks.hpp"
#include "common/files.hpp"
#include "lists/list_writer.hpp"
#include "lists/un_xml.hpp"

namespace sancheck::lists {
namespace {

using screen::BirthSpan;
using screen::Designation;
using screen::DesignationKind;
using screen::Verification;

screen::DesignationList RoundTrip(const screen::DesignationList& list) {
  Diagnostics diags;
  auto file = std::make_shared<SourceFile>(SourceFile{"list.yaml", DesignationListYaml(list)});
  auto back = screen::LoadDesignationList(file, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  screen::CheckSameProvenance(list, back);
  REQUIRE(back.entries.size() == list.entries.size());
  for (size_t i = 0; i < list.entries.size(); ++i) screen::CheckSameEntry(list.entries[i], back.entries[i]);
  return back;
}

TEST_CASE("the whole UN list round-trips through the YAML list format") {
  Diagnostics diags;
  auto file = ReadSource(SANCHECK_SOURCE_DIR "/data/lists/un-consolidated-2026-02-27.xml", diags);
  REQUIRE(file);
  const auto list = ImportUnXml(file, diags);
  REQUIRE(!diags.HasErrors());
  const auto back = RoundTrip(list);
  CHECK(back.CountsByRegime() == list.CountsByRegime());
}

TEST_CASE("every field, awkward text, vessels and a list regime round-trip") {
  screen::DesignationList list;
  list.name = "own";
  list.snapshot = "2026-01-31";
  list.source = "Compliance team: \"watch\" list # internal";
  list.format = "csv";
  list.regime = "OWN";
  list.inputs.push_back({"own.csv", std::string(64, 'a')});
  Designation person;
  person.reference = "1968";
  person.kind = DesignationKind::kIndividual;
  person.name = "NO";
  person.aliases = {"null", "~ Tilde", "Yes: it's", "- dash", "# hash"};
  person.original_names = {"김송철"};
  person.births = {BirthSpan{*BirthDate::Parse("1968-03-26"), 0}, BirthSpan{*BirthDate::Parse("1950"), 1955},
                   BirthSpan{*BirthDate::Parse("1940"), 0}};
  person.listed_on = *Date::Parse("2016-11-30");
  person.updated = Date::Parse("2020-01-02");
  person.programs = {"DPRK", "DPRK2"};
  person.nationality = "Democratic People's Republic of Korea";
  person.resolution = "res. 2321 (2016)";
  person.title = "Official";
  person.note = "a 'note' with \\ backslash and \"quotes\", a line\nbreak and a tab\there";
  list.entries.push_back(person);
  Designation ship;
  ship.reference = "OFAC-1";
  ship.kind = DesignationKind::kVessel;
  ship.name = "CHON MA SAN";
  ship.listed_on = *Date::Parse("2018-03-30");
  ship.regime = "OFAC DPRK";
  ship.imo = "8660313";
  ship.imo_status = Verification::kVerified;
  ship.flag = Country::Parse("KP");
  ship.flag_status = Verification::kReported;
  ship.listing_status = Verification::kInferred;
  list.entries.push_back(ship);
  Designation firm;
  firm.reference = "E-1";
  firm.kind = DesignationKind::kEntity;
  firm.name = "ACME";
  firm.listed_on = *Date::Parse("2018-03-30");
  firm.regime = "";
  firm.company_imo = "5123456";
  list.entries.push_back(firm);
  RoundTrip(list);
}

TEST_CASE("an empty list round-trips, a list the loader would refuse is never given out") {
  screen::DesignationList list;
  list.snapshot = "2026-01-31";
  list.name = "empty";
  RoundTrip(list);
  Diagnostics diags;
  CHECK(LoadableListYaml(list, "empty.yaml", diags));
  Designation nameless;  // an importer defect: the loader requires a name
  nameless.reference = "X-1";
  nameless.listed_on = *Date::Parse("2020-01-01");
  list.entries.push_back(nameless);
  CHECK_FALSE(LoadableListYaml(list, "broken.yaml", diags));
  CHECK(diags.RenderAll().find("lists.not_loadable") != std::string::npos);
}

}  // namespace
}  // namespace sancheck::lists
