// GuardOf(): a necessary condition of a compiled rule condition, in terms a record index can bucket on.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "expr/program.hpp"

namespace sancheck::batch {

/// One alternative of a guard: every constraint it has must hold. A missing
/// constraint (has_* false) holds for every record.
struct GuardAlt {
  bool has_from = false, has_to = false, has_hs = false, has_tags = false;
  /// Screening flagged a party: a designation or another list's entry (matched or possible),
  /// or a cleared match. A record whose parties screen clean reads all of those as false.
  bool needs_flag = false;
  expr::CountrySet from;  ///< exporter's country ∈ from
  expr::CountrySet to;    ///< importer's country ∈ to
  std::vector<std::pair<uint64_t, uint64_t>> hs;  ///< the item's HS interval meets one of these
  expr::TagSet tags;      ///< the item has one of these tags

  bool Unconstrained() const { return !has_from && !has_to && !has_hs && !has_tags && !needs_flag; }
};

/// A condition can be other than false (true or unknown) on a record only if
/// one alternative holds. No alternative: never; one unconstrained: always.
struct Guard {
  std::vector<GuardAlt> alts;
  static Guard Always() { return Guard{{GuardAlt{}}}; }
  static Guard Never() { return Guard{}; }
  bool IsAlways() const;
};

/// Over-approximates where `program` is not false, for batch records: a supply
/// with the exporter and importer both known (records lacking either bypass
/// the index), parties.country = {exporter, importer}, no transit country (`via`
/// is empty: a record has no such field), no traveller or vessel, exactly one
/// item whose origin is the exporter's country; the screening
/// facts (from/to/parties.designated, parties.cleared, parties.listed,
/// parties.listed_under) are false or empty when neither party was flagged.
/// Anything the analysis does not understand (not, comparisons of other
/// fields, via, ...) is "always", so the guard never hides a finding.
Guard GuardOf(const expr::Program& program);

}  // namespace sancheck::batch
