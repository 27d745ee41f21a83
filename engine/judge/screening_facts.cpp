// Screening facts and a finding's match, one policy for scenario activities and batch records.
#include "judge/screening_facts.hpp"

#include <algorithm>

namespace sancheck::judge {
namespace {

bool Reads(const rules::Rule& rule, expr::FieldId field) {
  const auto& read = rule.program.fields_read;
  return std::find(read.begin(), read.end(), field) != read.end();
}

}  // namespace

void AddPartyScreening(const PartyStatus& st, Truth designated, expr::ActivityFacts& f) {
  f.any_designated = KleeneOr(f.any_designated, designated);
  f.any_cleared = f.any_cleared || st.cleared;
  f.any_listed = KleeneOr(f.any_listed, st.listed);
  f.listed_under |= st.listed_under;
}

std::optional<Match> MatchFor(const rules::Rule& rule, std::span<const ReadParty> parties) {
  using expr::FieldId;
  if (Reads(rule, FieldId::kPartiesListed) || Reads(rule, FieldId::kPartiesListedUnder)) {
    for (const ReadParty& p : parties) {
      if (p.status->listed_match && p.status->listed != Truth::kFalse) return p.status->listed_match;
    }
  }
  const bool any = Reads(rule, FieldId::kPartiesDesignated) || Reads(rule, FieldId::kPartiesCleared);
  for (const ReadParty& p : parties) {
    if (!(any || Reads(rule, p.field))) continue;
    const PartyStatus& st = *p.status;
    if (st.match && (st.designated != Truth::kFalse || st.cleared)) return st.match;
  }
  return std::nullopt;
}

bool ReadsScreening(const rules::Rule& rule) {
  using expr::FieldId;
  for (FieldId f : {FieldId::kFromDesignated, FieldId::kToDesignated, FieldId::kPersonDesignated,
                    FieldId::kVesselDesignated, FieldId::kPartiesDesignated, FieldId::kPartiesCleared,
                    FieldId::kPartiesListed, FieldId::kPartiesListedUnder}) {
    if (Reads(rule, f)) return true;
  }
  return false;
}

}  // namespace sancheck::judge
