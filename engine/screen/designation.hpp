// A designation on a sanctions list (the UN 1718 list, another UN regime, OFAC, an own list): an individual, entity or vessel.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"
#include "sancheck/scenario.hpp"

namespace sancheck::screen {

enum class DesignationKind : uint8_t { kIndividual, kEntity, kVessel };

std::string_view DesignationKindName(DesignationKind k);
std::optional<DesignationKind> ParseDesignationKind(std::string_view s);

/// How far a fact about a designation (an IMO number, a flag, the listing itself) is confirmed
/// by an official source.
enum class Verification : uint8_t { kVerified, kReported, kInferred, kUnverified };

std::string_view VerificationName(Verification v);
std::optional<Verification> ParseVerification(std::string_view s);

/// One date of birth as a list gives it: an exact date, a year, or a range of years.
struct BirthSpan {
  BirthDate born;
  int until = 0;  ///< last possible year when the list gives a range, else 0

  int From() const { return born.year; }
  int To() const { return until > 0 ? until : born.year; }

  /// The one reading of a listed date of birth (list files, own CSV lists): "1960",
  /// "1960-04-04" or a range of years "1950/1955"; nullopt otherwise.
  static std::optional<BirthSpan> Parse(std::string_view text);
};

/// How a party's date of birth fits the dates a list gives.
enum class BirthFit : uint8_t {
  kSameDate,  ///< the exact date of one listed birth
  kSameYear,  ///< within one listed year or range
  kNear,      ///< a year off one of them: neither confirms nor contradicts
  kConflict,  ///< more than a year away from every listed birth
};

/// The best fit of `party` over every listed birth (`listed` must not be empty).
BirthFit CompareBirth(const BirthDate& party, const std::vector<BirthSpan>& listed);

/// "1968-03-26, 1970-10-15" / "1967-1969": the listed births as a reader sees them.
std::string ListedBirths(const std::vector<BirthSpan>& listed);

struct Designation {
  std::string reference;  ///< KPi.038, KPe.028, or VSL.<NAME> for vessels (synthetic)
  DesignationKind kind = DesignationKind::kEntity;
  std::string name;       ///< primary name as listed
  std::vector<std::string> aliases;
  std::vector<std::string> original_names;  ///< the name in its original script (Hangul, Cyrillic, Han, Arabic)
  /// Every date of birth the list gives (the UN lists several for some persons); any may be true.
  std::vector<BirthSpan> births;
  Date listed_on;         ///< the designation applies from this date
  std::optional<Date> updated;  ///< the list's last amendment of the entry
  /// The day the entry was removed from the list: from then on it no longer applies (a list
  /// normally drops such entries; one that keeps them dated must not keep them in force).
  std::optional<Date> delisted_on;
  std::string regime;     ///< the sanctions regime: "DPRK" (UN 1718), "ISIL (Da'esh) & Al-Qaida", an OFAC programme...
  std::vector<std::string> programs;  ///< OFAC programmes or an own list's categories
  std::string nationality;  ///< as the list gives it (free text)
  uint16_t list = 0;      ///< which loaded list the entry came from (index into the screener's lists)
  std::string resolution; ///< designating resolution or Committee decision, as text
  std::string title;
  std::string note;       ///< title and note: empty when read for screening (EntryText::kForScreening)
  // Vessels.
  std::string imo;        ///< 7 digits, empty when unknown
  Verification imo_status = Verification::kUnverified;
  std::optional<Country> flag;  ///< flag state at designation
  Verification flag_status = Verification::kUnverified;
  Verification listing_status = Verification::kVerified;
  // Entities.
  std::string company_imo;  ///< IMO company identification number, empty when unknown
  SourcePos pos;

  /// Earliest and latest year of birth over every date the list gives; 0 when unknown.
  int BornFrom() const;
  int BornTo() const;
};

}  // namespace sancheck::screen
