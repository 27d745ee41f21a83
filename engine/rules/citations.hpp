// Citation text for UN Security Council resolutions: "S/RES/1718 (2006), OP 8(b)" and its document link.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sancheck/rules.hpp"

namespace sancheck::rules {

/// The adoption date of a UN Security Council resolution the built-in packs cite, if known.
std::optional<Date> ResolutionAdopted(const std::string& resolution);

/// The adoption year of such a resolution, if known.
std::optional<int> ResolutionYear(const std::string& resolution);

/// What a finding on an activity of `date` cites: the citations of resolutions adopted on or
/// before that day, those of unknown date, and those marked as clarifying an earlier ban. A 2007
/// arms sale is banned by 1718, not by the 2094 paragraph that restated the ban in 2013. All of
/// them if none is left.
std::vector<Citation> CitationsOn(const std::vector<Citation>& citations, Date date);

/// "S/RES/1718 (2006), OP 8(b)"; without a known year, "S/RES/<n>, OP <p>".
std::string CitationText(const std::string& resolution, const std::string& paragraph);

/// "2321 OP32", or "2270 annex V" when the paragraph names an annex.
std::string ShortCitation(const std::string& resolution, const std::string& paragraph);

/// The official document link (undocs.org) for a resolution.
std::string ResolutionUrl(const std::string& resolution);

}  // namespace sancheck::rules
