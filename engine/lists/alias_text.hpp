// Reads one alias field of an official list that holds several names and remarks into separate names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sancheck::lists {

/// What one alias field says: its names, the years of birth its remarks give, and the remarks.
struct AliasText {
  std::vector<std::string> names;    ///< each once, in the field's order
  std::vector<int> birth_years;      ///< from a remark such as "born in Kandahar on 01 Jan.1967"
  std::vector<std::string> remarks;  ///< the remarks cut from the names ("born 1 Jan. 1953 (...)")
};

/// The UN XML writes several names in one ALIAS_NAME: "Qasim Soleimani; Qasem Sulaimani",
/// the original script with its romanisations in parentheses ("حسن غول (Hassan Ghul; Hassan
/// Gul)"), a list's enumeration run into the field ("Mohammed Sabet b) M. Javad Kareemi Sabet"),
/// a birth remark ("Mohammad Ishaq Akhund born in 1963") and the marker "(original script)".
/// Kept as one alias, none of those names could be matched: the field is screened as one long
/// name. A field with none of these is one name, as written (trimmed).
AliasText SplitAliasText(std::string_view field);

}  // namespace sancheck::lists
