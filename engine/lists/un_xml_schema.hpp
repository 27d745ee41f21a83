// The elements the UN Consolidated List's schema (sc-sanctions.xsd) gives the records and the nested elements the importer reads.
#pragma once

#include <array>
#include <string_view>
#include <vector>

namespace sancheck::lists {

// The children the UN schema (sc-sanctions.xsd) gives a record. Any other element means the
// schema changed under the importer: an error, not a silently dropped field.
inline constexpr std::array<std::string_view, 27> kIndividualChildren = {
    "DATAID", "VERSIONNUM", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "UN_LIST_TYPE",
    "REFERENCE_NUMBER", "LISTED_ON", "GENDER", "SUBMITTED_BY", "NAME_ORIGINAL_SCRIPT", "COMMENTS1", "TITLE",
    "DESIGNATION", "NATIONALITY", "NATIONALITY2", "LIST_TYPE", "LAST_DAY_UPDATED", "INDIVIDUAL_ALIAS", "INDIVIDUAL_ADDRESS",
    "INDIVIDUAL_DATE_OF_BIRTH", "INDIVIDUAL_PLACE_OF_BIRTH", "INDIVIDUAL_DOCUMENT", "SORT_KEY",
    "SORT_KEY_LAST_MOD", "DELISTED_ON"};
inline constexpr std::array<std::string_view, 17> kEntityChildren = {
    "DATAID", "VERSIONNUM", "FIRST_NAME", "UN_LIST_TYPE", "REFERENCE_NUMBER", "LISTED_ON", "SUBMITTED_ON",
    "NAME_ORIGINAL_SCRIPT", "COMMENTS1", "LIST_TYPE", "LAST_DAY_UPDATED", "ENTITY_ALIAS", "ENTITY_ADDRESS",
    "SORT_KEY", "SORT_KEY_LAST_MOD", "DELISTED_ON", "SUBMITTED_BY"};

// The children the schema gives the nested elements this importer reads: an element it does not
// know there would be a date of birth or an alias dropped without a word.
struct NestedChildren {
  std::string_view element;
  std::vector<std::string_view> children;
};
inline const std::array<NestedChildren, 10>& KnownNested() {
  static const std::array<NestedChildren, 10> kNested = {{
      {"INDIVIDUAL_ALIAS", {"QUALITY", "ALIAS_NAME", "NOTE", "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"}},
      {"ENTITY_ALIAS", {"QUALITY", "ALIAS_NAME", "NOTE"}},
      {"INDIVIDUAL_DATE_OF_BIRTH", {"TYPE_OF_DATE", "NOTE", "DATE", "YEAR", "FROM_YEAR", "TO_YEAR"}},
      {"NATIONALITY", {"VALUE", "NOTE"}},
      {"NATIONALITY2", {"VALUE", "NOTE"}},  // a second nationality, in the schema beside the first
      {"TITLE", {"VALUE", "NOTE"}},
      {"DESIGNATION", {"VALUE", "NOTE"}},
      {"LAST_DAY_UPDATED", {"VALUE", "NOTE"}},
      {"LIST_TYPE", {"VALUE", "NOTE"}},
      {"NAME_ORIGINAL_SCRIPT", {}},
  }};
  return kNested;
}

}  // namespace sancheck::lists
