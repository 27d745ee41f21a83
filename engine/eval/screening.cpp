// Screening glue: turns stated designations and list matches into party statuses for the evaluator.
#include "eval/screening.hpp"

#include "screen/designations_loader.hpp"

namespace sancheck::eval {
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

// A designation the scenario states itself (designated: KPi.038). It applies
// from its listing date like any other; a reference the list does not know is
// still taken at its word, since the file asserts it.
PartyStatus Stated(const Checker::Screening& screening, const Party& p, Date date) {
  PartyStatus st;
  Match m;
  m.party = p.id;
  m.reference = p.designated;
  m.name = p.name;
  m.score = 1.0;
  m.why = "designation stated in the scenario file";
  const screen::Designation* d = screening.screener ? screening.screener->Find(p.designated) : nullptr;
  if (d) {
    m.name = d->name;
    if (date < d->listed_on) return st;  // not yet listed on the activity's date
  }
  st.designated = Truth::kTrue;
  st.match = m;
  return st;
}

}  // namespace

std::unique_ptr<Checker::Screening> LoadScreening(const rules::RuleSet& set,
                                                  const std::string& clearances_path,
                                                  Diagnostics& diags) {
  auto screening = std::make_unique<Checker::Screening>();
  std::vector<screen::Designation> all;
  for (const auto& file : set.designation_files) {
    screen::DesignationList list = screen::LoadDesignationList(file, diags);
    if (!list.snapshot.empty()) {
      screening->snapshot += (screening->snapshot.empty() ? "" : ", ") + list.snapshot;
    }
    for (auto& d : list.entries) all.push_back(std::move(d));
  }
  if (!set.designation_files.empty()) {
    screening->screener = std::make_unique<screen::Screener>(std::move(all));
  }
  if (!clearances_path.empty()) screening->clearances = screen::LoadClearances(clearances_path, diags);
  return screening;
}

std::vector<PartyStatus> ScreenParties(const Checker::Screening& screening, const Scenario& s, Date date,
                                       Date run_date) {
  std::vector<PartyStatus> out(s.parties.size());
  for (size_t i = 0; i < s.parties.size(); ++i) {
    const Party& p = s.parties[i];
    if (!p.designated.empty()) {
      out[i] = Stated(screening, p, date);
      continue;
    }
    if (!screening.screener) continue;
    const auto candidates = screening.screener->Screen(QueryOf(p), date);
    if (candidates.empty()) continue;
    const screen::Candidate& best = candidates.front();
    Match m;
    m.party = p.id;
    m.reference = best.designation->reference;
    m.name = best.designation->name;
    m.score = best.score;
    m.possible = best.strength == screen::Strength::kPossible;
    m.why = best.why;
    PartyStatus& st = out[i];
    st.designated = m.possible ? Truth::kUnknown : Truth::kTrue;
    const auto lookup = screen::FindClearance(screening.clearances, p.id, p.name, m.reference, run_date);
    if (lookup.state == screen::ClearanceState::kActive) {
      // Cleared matches stay visible: the pack's cleared-match rule reports them.
      st.designated = Truth::kFalse;
      st.cleared = true;
      m.cleared_by = lookup.clearance->cleared_by;
      m.clearance_note = "cleared as a false positive by " + lookup.clearance->cleared_by + " until " +
                         lookup.clearance->expires.ToString() + ": " + lookup.clearance->reason;
    } else if (lookup.state == screen::ClearanceState::kExpired) {
      m.clearance_note = "the clearance by " + lookup.clearance->cleared_by + " expired on " +
                         lookup.clearance->expires.ToString() + ", so the match applies again";
    }
    st.match = m;
  }
  return out;
}

std::string DesignationsSnapshot(const Checker::Screening& screening) { return screening.snapshot; }

}  // namespace sancheck::eval
