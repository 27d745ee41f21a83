// Names of the designation enums as written in designation files.
#include "screen/designation.hpp"

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
