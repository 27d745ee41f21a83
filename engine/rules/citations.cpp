// Resolution years and citation formatting for the Security Council resolutions the built-in packs cite.
#include "rules/citations.hpp"

#include <map>

#include "sancheck/rules.hpp"

namespace sancheck::rules {

std::optional<int> ResolutionYear(const std::string& resolution) {
  static const std::map<std::string, int> kYears = {
      {"1695", 2006}, {"1718", 2006}, {"1874", 2009}, {"2087", 2013}, {"2094", 2013},
      {"2270", 2016}, {"2321", 2016}, {"2356", 2017}, {"2371", 2017}, {"2375", 2017},
      {"2397", 2017}, {"2664", 2022},
      // Other UN regimes (the un-regimes pack).
      {"1267", 1999}, {"1483", 2003}, {"1591", 2005}, {"1596", 2005}, {"1737", 2006}, {"1807", 2008},
      {"1844", 2008}, {"1970", 2011}, {"1973", 2011}, {"1988", 2011}, {"2048", 2012}, {"2134", 2014},
      {"2140", 2014}, {"2206", 2015}, {"2255", 2015}, {"2610", 2021}, {"2653", 2022}};
  const auto it = kYears.find(resolution);
  if (it == kYears.end()) return std::nullopt;
  return it->second;
}

namespace {
bool IsAnnex(const std::string& paragraph) { return paragraph.rfind("annex", 0) == 0; }
}  // namespace

std::string CitationText(const std::string& resolution, const std::string& paragraph) {
  std::string text = "S/RES/" + resolution;
  if (const auto year = ResolutionYear(resolution)) text += " (" + std::to_string(*year) + ")";
  return text + (IsAnnex(paragraph) ? ", " : ", OP ") + paragraph;
}

std::string ShortCitation(const std::string& resolution, const std::string& paragraph) {
  return resolution + (IsAnnex(paragraph) ? " " : " OP") + paragraph;
}

std::string ResolutionUrl(const std::string& resolution) {
  const auto year = ResolutionYear(resolution);
  if (!year) return "";
  return "https://undocs.org/S/RES/" + resolution + "(" + std::to_string(*year) + ")";
}

}  // namespace sancheck::rules

namespace sancheck {

std::string_view VerificationName(Verification v) {
  switch (v) {
    case Verification::kText: return "text";
    case Verification::kSummary: return "summary";
    case Verification::kUnverified: break;
  }
  return "unverified";
}

std::optional<Verification> ParseVerification(std::string_view s) {
  for (auto v : {Verification::kText, Verification::kSummary, Verification::kUnverified}) {
    if (VerificationName(v) == s) return v;
  }
  return std::nullopt;
}

}  // namespace sancheck
