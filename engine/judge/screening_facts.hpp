// What screening found about the parties, as the conditions read it and as a finding reports it: shared by the scenario and batch front ends.
#pragma once

#include <optional>
#include <span>

#include "expr/fields.hpp"
#include "expr/types.hpp"
#include "judge/screening.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::judge {

/// Adds a party's screening beyond its own `designated` bit to the activity's facts: the
/// UN DPRK designation (parties.designated), a cleared match, entries of other lists
/// (parties.listed, parties.listed_under).
void AddPartyScreening(const PartyStatus& st, Truth designated, expr::ActivityFacts& f);

/// A party a rule may have read: the field naming its designation (from.designated, ...;
/// kPartiesDesignated for a party only `parties.*` reaches, a joint-venture partner) and
/// its status.
struct ReadParty {
  expr::FieldId field;
  const PartyStatus* status;
};

/// The match a finding of `rule` reports: the first party, in the order given, whose
/// screening the rule read and that matched (an entry of another list when the rule reads
/// parties.listed*, else a UN DPRK designation, possible or cleared).
std::optional<Match> MatchFor(const rules::Rule& rule, std::span<const ReadParty> parties);

/// The rule reads some party's screening (designated, cleared, listed).
bool ReadsScreening(const rules::Rule& rule);

}  // namespace sancheck::judge
