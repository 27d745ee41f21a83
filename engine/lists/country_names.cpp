// The table of country names that flag-state fields use, with their ISO codes.
#include "lists/country_names.hpp"

#include <array>
#include <utility>

namespace sancheck::lists {
namespace {

// Flag states of listed vessels and the usual open registries, under every spelling OFAC's
// files use. Extended when a list brings a new one: an unknown name leaves the flag empty.
constexpr std::array<std::pair<std::string_view, std::string_view>, 62> kNames = {{
    {"antigua and barbuda", "AG"}, {"bahamas", "BS"}, {"barbados", "BB"}, {"belize", "BZ"},
    {"bolivia", "BO"}, {"cambodia", "KH"}, {"cameroon", "CM"}, {"china", "CN"},
    {"comoros", "KM"}, {"cook islands", "CK"}, {"cuba", "CU"}, {"cyprus", "CY"},
    {"democratic people's republic of korea", "KP"}, {"korea, north", "KP"}, {"north korea", "KP"},
    {"djibouti", "DJ"}, {"dominica", "DM"}, {"equatorial guinea", "GQ"}, {"fiji", "FJ"},
    {"gabon", "GA"}, {"georgia", "GE"}, {"greece", "GR"}, {"honduras", "HN"},
    {"hong kong", "HK"}, {"india", "IN"}, {"indonesia", "ID"}, {"iran", "IR"},
    {"jamaica", "JM"}, {"kiribati", "KI"}, {"liberia", "LR"}, {"malaysia", "MY"},
    {"malta", "MT"}, {"marshall islands", "MH"}, {"mexico", "MX"}, {"moldova", "MD"},
    {"mongolia", "MN"}, {"nigeria", "NG"}, {"niue", "NU"}, {"palau", "PW"},
    {"panama", "PA"}, {"russia", "RU"}, {"saint kitts and nevis", "KN"}, {"st. kitts & nevis", "KN"},
    {"st. kitts and nevis", "KN"}, {"saint vincent and the grenadines", "VC"},
    {"st. vincent and the grenadines", "VC"}, {"samoa", "WS"}, {"sierra leone", "SL"},
    {"singapore", "SG"}, {"syria", "SY"}, {"tanzania", "TZ"}, {"thailand", "TH"},
    {"togo", "TG"}, {"tonga", "TO"}, {"turkey", "TR"}, {"tuvalu", "TV"},
    {"ukraine", "UA"}, {"united arab emirates", "AE"}, {"vanuatu", "VU"}, {"venezuela", "VE"},
    {"vietnam", "VN"}, {"sao tome and principe", "ST"},
}};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool SameName(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<Country> CountryByName(std::string_view name) {
  for (const auto& [n, code] : kNames) {
    if (SameName(name, n)) return Country::Parse(code);
  }
  return std::nullopt;
}

}  // namespace sancheck::lists
