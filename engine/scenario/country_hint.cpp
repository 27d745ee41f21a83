// CountryHint(): capitals, a short table of alpha-3 codes and names, and the UK/GB exception.
#include "scenario/country_hint.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace sancheck {
namespace {

// What scenario writers put instead of the alpha-2 code for the countries the
// measures name most; not a gazetteer: an unknown name simply gets no hint.
struct Alias {
  std::string_view text;  ///< upper case
  std::string_view code;
};
constexpr Alias kAliases[] = {
    {"PRK", "KP"},  {"DPRK", "KP"}, {"NORTH KOREA", "KP"}, {"KOR", "KR"}, {"SOUTH KOREA", "KR"},
    {"KOREA", "KR"}, {"UK", "GB"},  {"GBR", "GB"},         {"UNITED KINGDOM", "GB"},
    {"RUS", "RU"},  {"RUSSIA", "RU"}, {"CHN", "CN"},       {"CHINA", "CN"},  {"IRN", "IR"},
    {"IRAN", "IR"}, {"SYR", "SY"},  {"SYRIA", "SY"},       {"USA", "US"},    {"UNITED STATES", "US"},
    {"JPN", "JP"},  {"JAPAN", "JP"}, {"DEU", "DE"},        {"GERMANY", "DE"}, {"FRA", "FR"},
    {"FRANCE", "FR"}, {"EGY", "EG"}, {"EGYPT", "EG"},      {"MNG", "MN"},    {"MONGOLIA", "MN"},
};

}  // namespace

std::optional<Country> CountryHint(std::string_view text) {
  std::string upper;
  for (char c : text) {
    if (c == ' ' && !upper.empty() && upper.back() == ' ') continue;
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  while (!upper.empty() && upper.back() == ' ') upper.pop_back();
  while (!upper.empty() && upper.front() == ' ') upper.erase(upper.begin());
  for (const auto& a : kAliases) {
    if (a.text == upper) return Country::Parse(a.code);
  }
  if (upper != text) return Country::Parse(upper);
  return std::nullopt;
}

}  // namespace sancheck
