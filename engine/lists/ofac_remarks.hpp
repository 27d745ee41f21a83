// Facts OFAC's SDN files keep inside the free-text Remarks field: dates of birth, IMO numbers, nationality.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "screen/designation.hpp"

namespace sancheck::lists {

/// What Remarks says, each item as the text gave it ("DOB 26 Mar 1968; alt. DOB 15 Oct 1970;
/// POB ...; nationality Iran; Vessel Registration Identification IMO 9187629; ...").
struct OfacRemarks {
  std::vector<screen::BirthSpan> births;
  std::vector<std::string> unread_births;  ///< DOB items in a shape not understood (left out, never guessed)
  std::string vessel_imo;                  ///< "Vessel Registration Identification IMO nnnnnnn"
  std::string company_imo;                 ///< "Company Number IMO" / "Identification Number IMO"
  std::vector<std::string> nationalities;
  /// "a.k.a. 'ABU MANSUR'", "f.k.a. 'ANA I'": the weak aliases OFAC keeps in Remarks, not in alt.csv.
  std::vector<std::string> weak_aliases;
  /// Every IMO number an item names under any label ("IMO 9187629", "... IMO 9187629 (Malta)"),
  /// in order, each once; the labelled ones above are among them.
  std::vector<std::string> imos;
  /// Items that name IMO with no 7-digit number after it ("IMO 15411"): said, not guessed.
  std::vector<std::string> unread_imos;
};

/// Reads the `;`-separated items of a Remarks field. A DOB is an exact date ("26 Mar 1968"),
/// a month ("Mar 1968") or a year ("1968", "circa 1968"), all kept at the precision a
/// BirthSpan has (a month or a circa date becomes its year), or a range ("1950 to 1955",
/// "01 Jan 1960 to 31 Dec 1962", "circa 1979-1982") kept as a range of years.
OfacRemarks ReadOfacRemarks(std::string_view remarks);

}  // namespace sancheck::lists
