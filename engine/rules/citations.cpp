// Resolution years and citation formatting for the Security Council resolutions the built-in packs cite.
#include "rules/citations.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "sancheck/rules.hpp"

namespace sancheck::rules {

std::optional<Date> ResolutionAdopted(const std::string& resolution) {
  // Adoption dates of the resolutions the built-in packs cite (un.org), DPRK regime first.
  static const std::pair<const char*, const char*> kTable[] = {
      {"1695", "2006-07-15"}, {"1718", "2006-10-14"}, {"1874", "2009-06-12"}, {"2087", "2013-01-22"},
      {"2094", "2013-03-07"}, {"2270", "2016-03-02"}, {"2321", "2016-11-30"}, {"2356", "2017-06-02"},
      {"2371", "2017-08-05"}, {"2375", "2017-09-11"}, {"2397", "2017-12-22"}, {"2664", "2022-12-09"},
      // Other UN regimes (the un-regimes pack).
      {"1267", "1999-10-15"}, {"1483", "2003-05-22"}, {"1591", "2005-03-29"}, {"1596", "2005-04-18"},
      {"1737", "2006-12-23"}, {"1807", "2008-03-31"}, {"1844", "2008-11-20"}, {"1970", "2011-02-26"},
      {"1973", "2011-03-17"}, {"1988", "2011-06-17"}, {"2048", "2012-05-18"}, {"2134", "2014-01-28"},
      {"2140", "2014-02-26"}, {"2206", "2015-03-03"}, {"2255", "2015-12-22"}, {"2610", "2021-12-17"},
      {"2653", "2022-10-21"}};
  static const std::map<std::string, Date> kAdopted = [] {
    std::map<std::string, Date> m;
    for (const auto& [number, date] : kTable) m.emplace(number, *Date::Parse(date));
    return m;
  }();
  const auto it = kAdopted.find(resolution);
  if (it == kAdopted.end()) return std::nullopt;
  return it->second;
}

std::optional<int> ResolutionYear(const std::string& resolution) {
  const auto adopted = ResolutionAdopted(resolution);
  if (!adopted) return std::nullopt;
  return adopted->Year();
}

std::vector<Citation> CitationsOn(const std::vector<Citation>& citations, Date date) {
  std::vector<Citation> out;
  for (const Citation& c : citations) {
    if (!c.clarifies && (!c.adopted || !(date < *c.adopted))) out.push_back(c);
  }
  // A rule in force before every resolution it cites is a pack's slip: cite them all, not none.
  if (out.empty()) return citations;
  // A clarification comes with what it clarifies, never alone.
  for (const Citation& c : citations) {
    if (c.clarifies) out.push_back(c);
  }
  return out;
}

namespace {
bool IsAnnex(const std::string& paragraph) { return paragraph.rfind("annex", 0) == 0; }
}  // namespace

std::string CitationText(const std::string& resolution, const std::string& paragraph) {
  // Only a resolution number is a Security Council symbol: a company policy cited without a
  // text of its own reads as written, not as "S/RES/ACME Export Policy".
  const bool numbered = !resolution.empty() && std::all_of(resolution.begin(), resolution.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  if (!numbered) return resolution + ", " + paragraph;
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
