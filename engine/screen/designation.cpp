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

std::optional<BirthSpan> BirthSpan::Parse(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    if (auto born = BirthDate::Parse(text)) return BirthSpan{*born, 0};
    return std::nullopt;
  }
  const std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
  // Years only: "1950-01-01/1955" is no range a list gives.
  if (a.size() != 4 || b.size() != 4) return std::nullopt;
  auto from = BirthDate::Parse(a);
  auto to = BirthDate::Parse(b);
  if (!from || !to || to->year < from->year) return std::nullopt;
  return BirthSpan{*from, to->year == from->year ? 0 : to->year};
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
