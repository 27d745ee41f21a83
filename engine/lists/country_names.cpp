// The table of country names that flag-state fields use, with their ISO codes.
#include "lists/country_names.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace sancheck::lists {
namespace {

// Every ISO 3166-1 country and territory by its English short name, and the other spellings
// sanctions lists print (OFAC's "Korea, North", "Burma", "Gambia, The"; the UN's formal names).
// Compared by NameKey, so letter case, accents, "&" for "and", "St." for "Saint", a leading or
// trailing "The" and punctuation do not matter. A new list's flag that is none of these stays
// unknown, and the importer says so.
constexpr std::pair<std::string_view, std::string_view> kNames[] = {
    {"Afghanistan", "AF"}, {"Aland Islands", "AX"}, {"Albania", "AL"}, {"Algeria", "DZ"},
    {"American Samoa", "AS"}, {"Andorra", "AD"}, {"Angola", "AO"}, {"Anguilla", "AI"},
    {"Antarctica", "AQ"}, {"Antigua and Barbuda", "AG"}, {"Argentina", "AR"}, {"Armenia", "AM"},
    {"Aruba", "AW"}, {"Australia", "AU"}, {"Austria", "AT"}, {"Azerbaijan", "AZ"},
    {"Bahamas", "BS"}, {"Bahrain", "BH"}, {"Bangladesh", "BD"}, {"Barbados", "BB"},
    {"Belarus", "BY"}, {"Belgium", "BE"}, {"Belize", "BZ"}, {"Benin", "BJ"}, {"Bermuda", "BM"},
    {"Bhutan", "BT"}, {"Bolivia", "BO"}, {"Bolivia (Plurinational State of)", "BO"},
    {"Bonaire, Sint Eustatius and Saba", "BQ"}, {"Bosnia and Herzegovina", "BA"}, {"Botswana", "BW"},
    {"Bouvet Island", "BV"}, {"Brazil", "BR"}, {"British Indian Ocean Territory", "IO"},
    {"British Virgin Islands", "VG"}, {"Virgin Islands, British", "VG"}, {"Brunei", "BN"},
    {"Brunei Darussalam", "BN"}, {"Bulgaria", "BG"}, {"Burkina Faso", "BF"}, {"Burundi", "BI"},
    {"Cabo Verde", "CV"}, {"Cape Verde", "CV"}, {"Cambodia", "KH"}, {"Cameroon", "CM"},
    {"Canada", "CA"}, {"Cayman Islands", "KY"}, {"Central African Republic", "CF"}, {"Chad", "TD"},
    {"Chile", "CL"}, {"China", "CN"}, {"People's Republic of China", "CN"}, {"Christmas Island", "CX"},
    {"Cocos (Keeling) Islands", "CC"}, {"Colombia", "CO"}, {"Comoros", "KM"}, {"Congo", "CG"},
    {"Republic of the Congo", "CG"}, {"Congo, Republic of the", "CG"}, {"Congo-Brazzaville", "CG"},
    {"Democratic Republic of the Congo", "CD"}, {"Congo, Democratic Republic of the", "CD"},
    {"Congo-Kinshasa", "CD"}, {"Cook Islands", "CK"}, {"Costa Rica", "CR"}, {"Cote d'Ivoire", "CI"},
    {"Ivory Coast", "CI"}, {"Croatia", "HR"}, {"Cuba", "CU"}, {"Curacao", "CW"}, {"Cyprus", "CY"},
    {"Czechia", "CZ"}, {"Czech Republic", "CZ"}, {"Denmark", "DK"}, {"Djibouti", "DJ"},
    {"Dominica", "DM"}, {"Dominican Republic", "DO"}, {"Ecuador", "EC"}, {"Egypt", "EG"},
    {"El Salvador", "SV"}, {"Equatorial Guinea", "GQ"}, {"Eritrea", "ER"}, {"Estonia", "EE"},
    {"Eswatini", "SZ"}, {"Swaziland", "SZ"}, {"Ethiopia", "ET"}, {"Falkland Islands", "FK"},
    {"Falkland Islands (Malvinas)", "FK"}, {"Faroe Islands", "FO"}, {"Fiji", "FJ"}, {"Finland", "FI"},
    {"France", "FR"}, {"French Guiana", "GF"}, {"French Polynesia", "PF"},
    {"French Southern Territories", "TF"}, {"Gabon", "GA"}, {"Gambia", "GM"}, {"Georgia", "GE"},
    {"Germany", "DE"}, {"Ghana", "GH"}, {"Gibraltar", "GI"}, {"Greece", "GR"}, {"Greenland", "GL"},
    {"Grenada", "GD"}, {"Guadeloupe", "GP"}, {"Guam", "GU"}, {"Guatemala", "GT"}, {"Guernsey", "GG"},
    {"Guinea", "GN"}, {"Guinea-Bissau", "GW"}, {"Guyana", "GY"}, {"Haiti", "HT"},
    {"Heard Island and McDonald Islands", "HM"}, {"Holy See", "VA"}, {"Vatican City", "VA"},
    {"Honduras", "HN"}, {"Hong Kong", "HK"}, {"Hungary", "HU"}, {"Iceland", "IS"}, {"India", "IN"},
    {"Indonesia", "ID"}, {"Iran", "IR"}, {"Iran (Islamic Republic of)", "IR"}, {"Iraq", "IQ"},
    {"Ireland", "IE"}, {"Isle of Man", "IM"}, {"Israel", "IL"}, {"Italy", "IT"}, {"Jamaica", "JM"},
    {"Japan", "JP"}, {"Jersey", "JE"}, {"Jordan", "JO"}, {"Kazakhstan", "KZ"}, {"Kenya", "KE"},
    {"Kiribati", "KI"}, {"North Korea", "KP"}, {"Korea, North", "KP"},
    {"Democratic People's Republic of Korea", "KP"}, {"Korea, Democratic People's Republic of", "KP"},
    {"DPRK", "KP"}, {"South Korea", "KR"}, {"Korea, South", "KR"}, {"Republic of Korea", "KR"},
    {"Korea, Republic of", "KR"}, {"Kosovo", "XK"}, {"Kuwait", "KW"}, {"Kyrgyzstan", "KG"},
    {"Laos", "LA"}, {"Lao People's Democratic Republic", "LA"}, {"Latvia", "LV"}, {"Lebanon", "LB"},
    {"Lesotho", "LS"}, {"Liberia", "LR"}, {"Libya", "LY"}, {"Liechtenstein", "LI"},
    {"Lithuania", "LT"}, {"Luxembourg", "LU"}, {"Macau", "MO"}, {"Macao", "MO"}, {"Madagascar", "MG"},
    {"Malawi", "MW"}, {"Malaysia", "MY"}, {"Maldives", "MV"}, {"Mali", "ML"}, {"Malta", "MT"},
    {"Marshall Islands", "MH"}, {"Martinique", "MQ"}, {"Mauritania", "MR"}, {"Mauritius", "MU"},
    {"Mayotte", "YT"}, {"Mexico", "MX"}, {"Micronesia", "FM"}, {"Micronesia, Federated States of", "FM"},
    {"Micronesia (Federated States of)", "FM"}, {"Moldova", "MD"}, {"Republic of Moldova", "MD"},
    {"Monaco", "MC"}, {"Mongolia", "MN"}, {"Montenegro", "ME"}, {"Montserrat", "MS"},
    {"Morocco", "MA"}, {"Mozambique", "MZ"}, {"Myanmar", "MM"}, {"Burma", "MM"}, {"Namibia", "NA"},
    {"Nauru", "NR"}, {"Nepal", "NP"}, {"Netherlands", "NL"}, {"New Caledonia", "NC"},
    {"New Zealand", "NZ"}, {"Nicaragua", "NI"}, {"Niger", "NE"}, {"Nigeria", "NG"}, {"Niue", "NU"},
    {"Norfolk Island", "NF"}, {"North Macedonia", "MK"}, {"Macedonia", "MK"},
    {"Northern Mariana Islands", "MP"}, {"Norway", "NO"}, {"Oman", "OM"}, {"Pakistan", "PK"},
    {"Palau", "PW"}, {"Palestine", "PS"}, {"State of Palestine", "PS"}, {"West Bank", "PS"},
    {"Gaza", "PS"}, {"Panama", "PA"}, {"Papua New Guinea", "PG"}, {"Paraguay", "PY"}, {"Peru", "PE"},
    {"Philippines", "PH"}, {"Pitcairn", "PN"}, {"Poland", "PL"}, {"Portugal", "PT"},
    {"Puerto Rico", "PR"}, {"Qatar", "QA"}, {"Reunion", "RE"}, {"Romania", "RO"}, {"Russia", "RU"},
    {"Russian Federation", "RU"}, {"Rwanda", "RW"}, {"Saint Barthelemy", "BL"},
    {"Saint Helena", "SH"}, {"Saint Helena, Ascension and Tristan da Cunha", "SH"},
    {"Saint Kitts and Nevis", "KN"}, {"Saint Lucia", "LC"}, {"Saint Martin", "MF"},
    {"Saint Pierre and Miquelon", "PM"}, {"Saint Vincent and the Grenadines", "VC"}, {"Samoa", "WS"},
    {"San Marino", "SM"}, {"Sao Tome and Principe", "ST"}, {"Saudi Arabia", "SA"}, {"Senegal", "SN"},
    {"Serbia", "RS"}, {"Seychelles", "SC"}, {"Sierra Leone", "SL"}, {"Singapore", "SG"},
    {"Sint Maarten", "SX"}, {"Slovakia", "SK"}, {"Slovenia", "SI"}, {"Solomon Islands", "SB"},
    {"Somalia", "SO"}, {"South Africa", "ZA"}, {"South Georgia and the South Sandwich Islands", "GS"},
    {"South Sudan", "SS"}, {"Spain", "ES"}, {"Sri Lanka", "LK"}, {"Sudan", "SD"}, {"Suriname", "SR"},
    {"Svalbard and Jan Mayen", "SJ"}, {"Sweden", "SE"}, {"Switzerland", "CH"}, {"Syria", "SY"},
    {"Syrian Arab Republic", "SY"}, {"Taiwan", "TW"}, {"Tajikistan", "TJ"}, {"Tanzania", "TZ"},
    {"United Republic of Tanzania", "TZ"}, {"Thailand", "TH"}, {"Timor-Leste", "TL"},
    {"East Timor", "TL"}, {"Togo", "TG"}, {"Tokelau", "TK"}, {"Tonga", "TO"},
    {"Trinidad and Tobago", "TT"}, {"Tunisia", "TN"}, {"Turkey", "TR"}, {"Turkiye", "TR"},
    {"Turkmenistan", "TM"}, {"Turks and Caicos Islands", "TC"}, {"Tuvalu", "TV"}, {"Uganda", "UG"},
    {"Ukraine", "UA"}, {"United Arab Emirates", "AE"}, {"United Kingdom", "GB"},
    {"United Kingdom of Great Britain and Northern Ireland", "GB"}, {"United States", "US"},
    {"United States of America", "US"}, {"United States Minor Outlying Islands", "UM"},
    {"Uruguay", "UY"}, {"Uzbekistan", "UZ"}, {"Vanuatu", "VU"}, {"Venezuela", "VE"},
    {"Venezuela (Bolivarian Republic of)", "VE"}, {"Vietnam", "VN"}, {"Viet Nam", "VN"},
    {"Virgin Islands, U.S.", "VI"}, {"United States Virgin Islands", "VI"},
    {"Wallis and Futuna", "WF"}, {"Western Sahara", "EH"}, {"Yemen", "YE"}, {"Zambia", "ZM"},
    {"Zimbabwe", "ZW"},
};

// Latin letters with an accent (U+00C0..U+00FF, two bytes in UTF-8 after 0xC3) as the letter
// alone: "Côte d'Ivoire", "Curaçao", "Türkiye", "São Tomé". '?' for the signs in that block.
constexpr std::string_view kLatin1Letters = "aaaaaaaceeeeiiii?nooooo?ouuuuy??aaaaaaaceeeeiiii?nooooo?ouuuuy?y";

// A name as the table compares it: lower-case letters and digits in words one space apart,
// accents dropped, "&" as "and", "st" as "saint", "the" first or last dropped ("Gambia, The").
std::string NameKey(std::string_view name) {
  std::vector<std::string> words(1);
  auto end_word = [&] {
    if (!words.back().empty()) words.emplace_back();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(name[i + 1]) < 0xC0) {
      const char folded = kLatin1Letters[static_cast<unsigned char>(name[++i]) - 0x80];
      if (folded != '?') {
        words.back() += folded;
        continue;
      }
      end_word();
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      words.back() += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      words.back() += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'' || (c == 0xE2 && name.substr(i, 3) == "\u2019")) {
      i += c == 0xE2 ? 2 : 0;  // an apostrophe splits no word: "people's", "d'ivoire" as one
    } else {
      end_word();
      if (c == '&') words.back() = "and", end_word();
    }
  }
  if (words.back().empty()) words.pop_back();
  if (!words.empty() && words.back() == "the") words.pop_back();
  if (!words.empty() && words.front() == "the") words.erase(words.begin());
  std::string key;
  for (const std::string& w : words) {
    if (!key.empty()) key += ' ';
    key += w == "st" ? "saint" : w;
  }
  return key;
}

}  // namespace

std::optional<Country> CountryByName(std::string_view name) {
  static const std::vector<std::pair<std::string, std::string_view>> kKeys = [] {
    std::vector<std::pair<std::string, std::string_view>> keys;
    for (const auto& [n, code] : kNames) keys.emplace_back(NameKey(n), code);
    std::sort(keys.begin(), keys.end());
    return keys;
  }();
  const std::string key = NameKey(name);
  const auto it = std::lower_bound(kKeys.begin(), kKeys.end(), key,
                                   [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it == kKeys.end() || it->first != key || key.empty()) return std::nullopt;
  return Country::Parse(it->second);
}

bool SaysNoCountry(std::string_view name) {
  // A name in another script keys to nothing, and is a name all the same: only a blank field is none.
  if (name.find_first_not_of(" \t") == std::string_view::npos) return true;
  const std::string key = NameKey(name);
  return key == "none identified" || key == "unknown" || key == "none";
}

std::vector<std::string_view> CountryTableCodes() {
  std::vector<std::string_view> codes;
  for (const auto& entry : kNames) codes.push_back(entry.second);
  return codes;
}

}  // namespace sancheck::lists
