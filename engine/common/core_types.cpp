// Parsing and formatting of the shared value types (dates, countries, HS codes, verdicts).
#include "sancheck/core_types.hpp"

#include <array>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace sancheck {
namespace {

// Officially assigned ISO 3166-1 alpha-2 codes (249), plus XK (Kosovo, as
// the UN and most lists use it). Space-separated pairs, sorted.
constexpr std::string_view kIsoCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
    "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
    "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
    "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW XK";

constexpr std::array<bool, Country::kCount> BuildAssigned() {
  std::array<bool, Country::kCount> table{};
  for (size_t i = 0; i + 1 < kIsoCodes.size(); i += 3) {
    table[static_cast<size_t>((kIsoCodes[i] - 'A') * 26 + (kIsoCodes[i + 1] - 'A'))] = true;
  }
  return table;
}

// Built at compile time: Country::Parse runs for both parties of every batch record.
constexpr std::array<bool, Country::kCount> kAssigned = BuildAssigned();

// Days-from-civil after Howard Hinnant's public-domain algorithm: exact for every Gregorian
// date, no tables, no time zones.
constexpr int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int32_t>(era * 146097 + static_cast<int>(doe) - 719468);
}

constexpr bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The day of 1 January of 1900 to 2199, and the days before each month, so that Date::Parse,
// run for every batch record, adds three numbers for the dates records hold.
constexpr int kFirstTableYear = 1900;
constexpr std::array<int32_t, 300> kNewYear = [] {
  std::array<int32_t, 300> days{};
  for (size_t i = 0; i < days.size(); ++i) days[i] = DaysFromCivil(kFirstTableYear + static_cast<int>(i), 1, 1);
  return days;
}();
constexpr int32_t kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

constexpr uint64_t kPow10[] = {1ULL,          10ULL,          100ULL,         1000ULL,
                               10000ULL,      100000ULL,      1000000ULL,     10000000ULL,
                               100000000ULL,  1000000000ULL,  10000000000ULL};

}  // namespace

Date Date::FromCivil(int y, unsigned m, unsigned d) { return Date{DaysFromCivil(y, m, d)}; }

void Date::ToCivil(int& year, unsigned& month, unsigned& day) const {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

int Date::Year() const {
  int y;
  unsigned m, d;
  ToCivil(y, m, d);
  return y;
}

bool Date::Parse(std::string_view t, Date& out) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  // "YYYY-MM-" as one word (it runs for every batch record): its six digits are tested at
  // once — a byte is a digit when its high nibble is 3, before and after adding 6 (a carry
  // out of a byte comes only from one that failed the first test) — then read by nibble.
  uint64_t w;
  std::memcpy(&w, t.data(), sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  constexpr uint64_t kHigh = 0x00F0F000F0F0F0F0ULL;    // the high nibbles of bytes 0-3, 5 and 6
  constexpr uint64_t kDigits = 0x0030300030303030ULL;  // each a 3
  if ((w & kHigh) != kDigits || ((w + 0x0606060606060606ULL) & kHigh) != kDigits) return false;
  auto digit = [&](int i) { return static_cast<int>((w >> (8 * i)) & 0xF); };
  const unsigned d8 = static_cast<unsigned char>(t[8]) - unsigned{'0'};
  const unsigned d9 = static_cast<unsigned char>(t[9]) - unsigned{'0'};
  if (d8 > 9 || d9 > 9) return false;
  const int y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const int m = digit(5) * 10 + digit(6);
  const int day = static_cast<int>(d8 * 10 + d9);
  if (y < 1900 || m < 1 || m > 12 || day < 1) return false;
  if (day > 28) {  // every month has 28 days: only later ones need the month's length
    static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kMonthDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0)) return false;
  }
  const size_t year = static_cast<size_t>(y - kFirstTableYear);
  if (year >= kNewYear.size()) {
    out = FromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(day));
  } else {
    out.days = kNewYear[year] + kDaysBeforeMonth[m - 1] + (m > 2 && IsLeap(y) ? 1 : 0) + day - 1;
  }
  return true;
}

Date Date::Today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now);
  return Date{static_cast<int32_t>(days.time_since_epoch().count())};
}

std::string Date::ToString() const {
  int y;
  unsigned m, d;
  ToCivil(y, m, d);
  char buf[40];  // room for any int year, so the compiler can prove no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

bool Country::Parse(std::string_view t, Country& out) {
  if (t.size() != 2 || t[0] < 'A' || t[0] > 'Z' || t[1] < 'A' || t[1] > 'Z') return false;
  const uint16_t code = static_cast<uint16_t>((t[0] - 'A') * 26 + (t[1] - 'A'));
  if (!kAssigned[code]) return false;
  out = Country{code};
  return true;
}

std::string Country::ToString() const {
  return {static_cast<char>('A' + code / 26), static_cast<char>('A' + code % 26)};
}

// A real chapter: 01 to 99 but 77, reserved in the HS nomenclature.
static bool ValidChapter(uint64_t chapter) { return chapter >= 1 && chapter != 77; }

bool HsCode::Valid(uint64_t value, uint8_t digits) {
  if (digits < 2 || digits > 10 || value >= kPow10[digits]) return false;
  return ValidChapter(value / kPow10[digits - 2]);
}

HsCode::HsCode(uint64_t value, uint8_t digits) : value_(value), digits_(digits) {
  if (!Valid(value, digits)) {
    throw std::invalid_argument("not an HS code (" + std::string(kHsCodeRule) + ")");
  }
}

bool HsCode::Parse(std::string_view t, HsCode& out) {
  uint64_t value = 0;
  uint8_t digits = 0;
  uint64_t chapter = 0;  // the first two digits as they pass: Valid's test without its division
  for (char c : t) {
    if (c == '.' || c == ' ') continue;
    if (c < '0' || c > '9' || digits == 10) return false;
    value = value * 10 + static_cast<uint64_t>(c - '0');
    if (++digits == 2) chapter = value;
  }
  if (digits < 2 || !ValidChapter(chapter)) return false;
  out.value_ = value;
  out.digits_ = digits;
  return true;
}

int HsCode::Chapter() const { return static_cast<int>(value_ / kPow10[digits_ - 2]); }

uint64_t HsCode::Low() const { return value_ * kPow10[10 - digits_]; }
uint64_t HsCode::High() const { return (value_ + 1) * kPow10[10 - digits_] - 1; }

std::string HsCode::ToString() const {
  std::string s(digits_, '0');
  uint64_t v = value_;
  for (int i = digits_ - 1; i >= 0; --i) {
    s[static_cast<size_t>(i)] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return s;
}

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kPermitted: return "permitted";
    case Verdict::kReview: return "review";
    case Verdict::kProhibited: return "prohibited";
  }
  return "review";
}

std::optional<Verdict> ParseVerdict(std::string_view t) {
  if (t == "permitted") return Verdict::kPermitted;
  if (t == "review") return Verdict::kReview;
  if (t == "prohibited") return Verdict::kProhibited;
  return std::nullopt;
}

}  // namespace sancheck
