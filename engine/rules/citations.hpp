// Citation text for UN Security Council resolutions: "S/RES/1718 (2006), OP 8(b)" and its document link.
#pragma once

#include <optional>
#include <string>

namespace sancheck::rules {

/// The adoption year of a UN Security Council resolution on the DPRK regime, if known.
std::optional<int> ResolutionYear(const std::string& resolution);

/// "S/RES/1718 (2006), OP 8(b)"; without a known year, "S/RES/<n>, OP <p>".
std::string CitationText(const std::string& resolution, const std::string& paragraph);

/// "2321 OP32", or "2270 annex V" when the paragraph names an annex.
std::string ShortCitation(const std::string& resolution, const std::string& paragraph);

/// The official document link (undocs.org) for a resolution.
std::string ResolutionUrl(const std::string& resolution);

}  // namespace sancheck::rules
