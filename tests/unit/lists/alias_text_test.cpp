// One alias field holding several names and remarks: SplitAliasText and the UN list's real cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "lists/alias_text.hpp"
#include "lists/un_xml.hpp"

namespace sancheck::lists {
namespace {

using Names = std::vector<std::string>;

TEST_CASE("a field of one name is that name, trimmed, and a parenthesis without a list stays") {
  CHECK(SplitAliasText("  KIM SONG CHOL ").names == Names{"KIM SONG CHOL"});
  CHECK(SplitAliasText("PROPAGANDA AND AGITATION DEPARTMENT (PAD)").names ==
        Names{"PROPAGANDA AND AGITATION DEPARTMENT (PAD)"});
  CHECK(SplitAliasText("").names.empty());
  const AliasText plain = SplitAliasText("Jo Chun Ryong");
  CHECK(plain.birth_years.empty());
  CHECK(plain.remarks.empty());
}

TEST_CASE("names separated by semicolons are separate names, each once") {
  CHECK(SplitAliasText("Fazel Rahim; Fazil Rahim").names == Names{"Fazel Rahim", "Fazil Rahim"});
  CHECK(SplitAliasText("Abas Rashidi; Abas Rashidi;").names == Names{"Abas Rashidi"});
}

TEST_CASE("the original script with its romanisations in parentheses") {
  CHECK(SplitAliasText("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)").names ==
        Names{"حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"});
  // A name with its own parenthesis before the list, and the "(original script)" marker inside.
  CHECK(SplitAliasText("Hay'at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham)").names ==
        Names{"Hay'at Tahrir al-Sham (HTS)", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"});
}

TEST_CASE("an enumeration run into the field starts a new name") {
  CHECK(SplitAliasText("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; M. Jawad Karimi Sabet").names ==
        Names{"Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet", "M. Jawad Karimi Sabet"});
  // A letter and parenthesis inside a word or a parenthesis is no enumeration.
  CHECK(SplitAliasText("Alpha (a) Trading").names == Names{"Alpha (a) Trading"});
}

TEST_CASE("a birth remark is cut from the name, its first year outside parentheses is a birth") {
  const AliasText kandahar = SplitAliasText("Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967");
  CHECK(kandahar.names == Names{"Khirullah Said Wali Khairkhwa"});
  CHECK(kandahar.birth_years == std::vector<int>{1967});
  CHECK(kandahar.remarks == Names{"born in Kandahar on 01 Jan.1967"});
  const AliasText passport = SplitAliasText(
      "Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239, date of issue 4 May 2014)");
  CHECK(passport.names == Names{"Safia Farkash Mohammed Al-Hadad"});
  CHECK(passport.birth_years == std::vector<int>{1953});
  CHECK(SplitAliasText("Mohammad Ishaq Akhund born in 1963").birth_years == std::vector<int>{1963});
  // "Born" as a name, or a word not followed by a place, a day or a date, is part of the name.
  CHECK(SplitAliasText("Max Born").names == Names{"Max Born"});
  CHECK(SplitAliasText("Anna Born Smith").names == Names{"Anna Born Smith"});
}

TEST_CASE("a hostile field, nested or long, is read in linear time without deep recursion") {
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "A; (";
  nested += "B";
  nested += std::string(100000, ')');
  const AliasText deep = SplitAliasText(nested);
  CHECK_FALSE(deep.names.empty());
  std::string many;
  for (int i = 0; i < 200000; ++i) many += "Name" + std::to_string(i % 1000) + "; ";
  CHECK(SplitAliasText(many).names.size() == 1000);
}

const screen::Designation& Entry(const screen::DesignationList& list, const std::string& reference) {
  const auto it = std::find_if(list.entries.begin(), list.entries.end(),
                               [&](const screen::Designation& d) { return d.reference == reference; });
  REQUIRE(it != list.entries.end());
  return *it;
}

bool HasAlias(const screen::Designation& d, const std::string& alias) {
  return std::find(d.aliases.begin(), d.aliases.end(), alias) != d.aliases.end();
}

TEST_CASE("the UN list: every name of a field holding several is an alias of its own") {
  Diagnostics diags;
  auto file = ReadSource(SANCHECK_SOURCE_DIR "/data/lists/un-consolidated-2026-02-27.xml", diags);
  REQUIRE(file);
  const screen::DesignationList list = ImportUnXml(file, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  const auto& soleimani = Entry(list, "IRi.039");
  CHECK(HasAlias(soleimani, "Qasem Sulaimani"));
  CHECK(HasAlias(soleimani, "Haji Qassem"));
  const auto& ghul = Entry(list, "QDi.306");
  CHECK(HasAlias(ghul, "Hassan Gul"));
  CHECK(HasAlias(ghul, "حسن غول"));
  const auto& khairkhwa = Entry(list, "TAi.093");
  CHECK(HasAlias(khairkhwa, "Khirullah Said Wali Khairkhwa"));
  CHECK(std::any_of(khairkhwa.births.begin(), khairkhwa.births.end(),
                    [](const screen::BirthSpan& b) { return b.born.year == 1967; }));
  CHECK(khairkhwa.note.find("a.k.a. remarks: born in Kandahar on 01 Jan.1967") != std::string::npos);
  // No alias of the list still holds a semicolon: each was a list of names.
  for (const auto& d : list.entries) {
    for (const auto& alias : d.aliases) CHECK_MESSAGE(alias.find(';') == std::string::npos, d.reference, ": ", alias);
  }
}

}  // namespace
}  // namespace sancheck::lists
