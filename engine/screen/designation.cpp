// Names of the designation enums as written in designation files.
#include "screen/designation.hpp"

#include <algorithm>

namespace sancheck::screen {

std::string_view DesignationKindName(DesignationKind k) {
  switch (k) {
    case DesignationKind::kIndividual: return "individual";
    case DesignationKind::kEntity: return "entity";
    case DesignationKind::kVessel: return "vessel";
  }
  return "entity";
}

std::optional<DesignationKind> ParseDesignationKind(std::string_view s) {
  if (s == "individual") return DesignationKind::kIndividual;
  if (s == "entity") return DesignationKind::kEntity;
  if (s == "vessel") return DesignationKind::kVessel;
  return std::nullopt;
}

BirthFit CompareBirth(const BirthDate& party, const std::vector<BirthSpan>& listed) {
  BirthFit best = BirthFit::kConflict;
  const int y = party.year;
  for (const BirthSpan& b : listed) {
    if (party.date && b.born.date && *party.date == *b.born.date) return BirthFit::kSameDate;
    if (y >= b.From() && y <= b.To()) {
      best = BirthFit::kSameYear;
    } else if (y >= b.From() - 1 && y <= b.To() + 1 && best == BirthFit::kConflict) {
      best = BirthFit::kNear;
    }
  }
  return best;
}

std::string ListedBirths(const std::vector<BirthSpan>& listed) {
  std::string out;
  for (const BirthSpan& b : listed) {
    if (!out.empty()) out += ", ";
    out += b.born.date ? b.born.date->ToString() : std::to_string(b.From());
    if (b.To() != b.From()) out += "-" + std::to_string(b.To());
  }
  return out;
}

int Designation::BornFrom() const {
  int from = 0;
  for (const BirthSpan& b : births) from = from == 0 ? b.From() : std::min(from, b.From());
  return from;
}

int Designation::BornTo() const {
  int to = 0;
  for (const BirthSpan& b : births) to = std::max(to, b.To());
  return to;
}

std::string_view VerificationName(Verification v) {
  switch (v) {
    case Verification::kVerified: return "verified";
    case Verification::kReported: return "reported";
    case Verification::kInferred: return "inferred";
    case Verification::kUnverified: return "unverified";
  }
  return "unverified";
}

std::optional<Verification> ParseVerification(std::string_view s) {
  if (s == "verified") return Verification::kVerified;
  if (s == "reported") return Verification::kReported;
  if (s == "inferred") return Verification::kInferred;
  if (s == "unverified") return Verification::kUnverified;
  return std::nullopt;
}

}  // namespace sancheck::screen
