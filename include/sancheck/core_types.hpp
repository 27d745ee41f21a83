// Value types shared by every stage: calendar dates, country codes, HS codes, verdicts.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sancheck {

/// A calendar date stored as days since 1970-01-01 (proleptic Gregorian), so
/// comparisons and "day before" arithmetic are plain integer operations.
struct Date {
  int32_t days = 0;

  /// What Parse takes, for messages: a real calendar day of the years 1900 to 9999.
  static constexpr const char* kRule = "a calendar date YYYY-MM-DD of the years 1900 to 9999";
  /// Strict YYYY-MM-DD into `out`; false when `text` is not a date.
  static bool Parse(std::string_view text, Date& out);
  /// The same as an optional. Inline over the form above: GCC returns a std::optional of a
  /// small type through a stack slot, a stall per call in loops over millions of values.
  static std::optional<Date> Parse(std::string_view text) {
    Date d;
    return Parse(text, d) ? std::optional<Date>(d) : std::nullopt;
  }
  static Date FromCivil(int year, unsigned month, unsigned day);
  static Date Today();                                        ///< UTC
  void ToCivil(int& year, unsigned& month, unsigned& day) const;
  int Year() const;
  std::string ToString() const;                               ///< YYYY-MM-DD
  auto operator<=>(const Date&) const = default;
};

/// ISO 3166-1 alpha-2 code packed into 0..675 ((c0-'A')*26 + c1-'A').
/// Packing lets sets of countries be fixed-size bitsets in the evaluator.
struct Country {
  uint16_t code = 0;

  static constexpr int kCount = 26 * 26;
  /// Only officially assigned codes (plus XK, used by the UN for Kosovo) parse.
  static bool Parse(std::string_view text, Country& out);
  static std::optional<Country> Parse(std::string_view text) {  ///< inline: see Date::Parse
    Country c;
    return Parse(text, c) ? std::optional<Country>(c) : std::nullopt;
  }
  std::string ToString() const;
  bool operator==(const Country&) const = default;
};

inline constexpr Country kDprk{('K' - 'A') * 26 + ('P' - 'A')};

/// What an HS code must look like, for messages.
inline constexpr std::string_view kHsCodeRule =
    "2 to 10 digits of a real chapter: 01 to 97 except the reserved 77, or 98/99 for national use; "
    "dots and spaces are ignored";

/// A Harmonized System code of 2 to 10 digits. Stored as an interval of
/// 10-digit codes, [lo, hi], so that "is 930690 under chapter 93" and "does a
/// 4-digit declaration fall inside heading 8401" are interval tests.
/// Every HsCode is a real one: a chapter 00 code (e.g. "0000930690") lies
/// below every rule's interval and would match nothing, so it cannot exist.
class HsCode {
 public:
  /// Chapter 01, so that a default HsCode (an unset fact's) is valid too.
  HsCode() = default;
  /// `value` is the digits as a number, `digits` how many (leading zeros
  /// count). Throws std::invalid_argument when the pair breaks kHsCodeRule:
  /// a caller with text uses Parse(), which never throws.
  HsCode(uint64_t value, uint8_t digits);

  /// Accepts digits with optional dots and spaces ("8802.60", "0306 17").
  static bool Parse(std::string_view text, HsCode& out);
  static std::optional<HsCode> Parse(std::string_view text) {  ///< inline: see Date::Parse
    HsCode code;
    return Parse(text, code) ? std::optional<HsCode>(code) : std::nullopt;
  }
  uint64_t value() const { return value_; }
  uint8_t digits() const { return digits_; }
  int Chapter() const;      ///< the first two digits, 1..99
  uint64_t Low() const;   ///< first 10-digit code covered
  uint64_t High() const;  ///< last 10-digit code covered
  std::string ToString() const;  ///< digits only, leading zeros kept
  bool operator==(const HsCode&) const = default;

 private:
  static bool Valid(uint64_t value, uint8_t digits);
  uint64_t value_ = 1;
  uint8_t digits_ = 2;
};

/// Verdicts in increasing severity, so std::max picks the most severe.
enum class Verdict : uint8_t { kPermitted = 0, kReview = 1, kProhibited = 2 };

std::string_view VerdictName(Verdict v);
std::optional<Verdict> ParseVerdict(std::string_view text);

/// Three-valued truth for conditions over facts that may be missing: a rule
/// whose condition is kUnknown cannot be decided and yields `review`.
enum class Truth : uint8_t { kFalse = 0, kTrue = 1, kUnknown = 2 };

/// Kleene "or": true if either is true, else unknown if either is unknown.
constexpr Truth KleeneOr(Truth a, Truth b) {
  if (a == Truth::kTrue || b == Truth::kTrue) return Truth::kTrue;
  if (a == Truth::kUnknown || b == Truth::kUnknown) return Truth::kUnknown;
  return Truth::kFalse;
}

}  // namespace sancheck
