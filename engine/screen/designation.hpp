// A designation of the UN 1718 Committee: a listed individual, entity or vessel.
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

struct Designation {
  std::string reference;  ///< KPi.038, KPe.028, or VSL.<NAME> for vessels (synthetic)
  DesignationKind kind = DesignationKind::kEntity;
  std::string name;       ///< primary name as listed
  std::vector<std::string> aliases;
  std::optional<BirthDate> born;
  int born_until = 0;     ///< last possible year of birth when the list gives a range, else 0
  Date listed_on;         ///< the designation applies from this date
  std::string resolution; ///< designating resolution or Committee decision, as text
  std::string title;
  std::string note;
  // Vessels.
  std::string imo;        ///< 7 digits, empty when unknown
  Verification imo_status = Verification::kUnverified;
  std::optional<Country> flag;  ///< flag state at designation
  Verification flag_status = Verification::kUnverified;
  Verification listing_status = Verification::kVerified;
  // Entities.
  std::string company_imo;  ///< IMO company identification number, empty when unknown
  SourcePos pos;

  /// First and last year of birth (equal unless the list gives a range); 0 when unknown.
  int BornFrom() const { return born ? born->year : 0; }
  int BornTo() const { return born ? (born_until > 0 ? born_until : born->year) : 0; }
};

}  // namespace sancheck::screen
