// ScenarioParties: lazy one-time screening per party, then a cheap status per activity date.
#include "judge/party_screen.hpp"

namespace sancheck::judge {
namespace {

screen::Query QueryOf(const Party& p) {
  screen::Query q;
  q.name = p.name;
  q.aliases = p.aliases;
  q.country = p.country;
  q.kind = p.kind;
  q.born = p.born;
  q.imo = p.imo;
  return q;
}

}  // namespace

ScenarioParties::ScenarioParties(const Screening& screening, const Scenario& s, Date run_date)
    : screening_(screening), scenario_(s), run_date_(run_date), candidates_(s.parties.size()),
      unscreenable_(s.parties.size(), -1), status_(s.parties.size()) {}

void ScenarioParties::RefreshOne(int party, Date date) {
  if (party < 0 || static_cast<size_t>(party) >= scenario_.parties.size()) return;
  const auto idx = static_cast<size_t>(party);
  const Party& p = scenario_.parties[idx];
  if (!p.designated.empty()) {
    status_[idx] = StatedStatus(screening_, p, date);
    // A stated designation not yet in force on this date must not hide what the name matches.
    if (status_[idx].designated == Truth::kTrue) return;
  }
  // A name screening cannot read is no clear: the party's status is unknown (fail closed).
  if (unscreenable_[idx] < 0) unscreenable_[idx] = Unscreenable(p.name) ? 1 : 0;
  if (unscreenable_[idx] == 1) {
    status_[idx] = Unscreened();
    return;
  }
  status_[idx] = StatusAsOf(screening_, Candidates(party), p.id, p.name, date, run_date_);
}

const std::vector<screen::Candidate>& ScenarioParties::Candidates(int party) {
  auto& found = candidates_[static_cast<size_t>(party)];
  if (!found) found = AllCandidates(screening_, QueryOf(scenario_.parties[static_cast<size_t>(party)]));
  return *found;
}

void ScenarioParties::Refresh(const Activity& a, Date date) {
  for (int party : {a.from, a.to, a.person, a.vessel}) RefreshOne(party, date);
  for (int party : a.parties) RefreshOne(party, date);
}

}  // namespace sancheck::judge
