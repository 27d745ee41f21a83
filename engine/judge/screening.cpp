// Screening policy: stated designations, list candidates as of a date, clearances set aside but reported.
#include "judge/screening.hpp"

#include "screen/designations_loader.hpp"

namespace sancheck::judge {
namespace {

Match MatchOf(const Screening& screening, const screen::Candidate& c, std::string_view party_id) {
  Match m;
  m.party = std::string(party_id);
  m.reference = c.designation->reference;
  m.name = c.designation->name;
  if (c.designation->list < screening.lists.size()) m.list = screening.lists[c.designation->list].name;
  m.regime = c.designation->regime;
  m.score = c.score;
  m.possible = c.strength == screen::Strength::kPossible;
  m.why = c.why;
  return m;
}

}  // namespace

std::unique_ptr<Screening> LoadScreening(const rules::RuleSet& set, const std::string& clearances_path,
                                         Diagnostics& diags, const FileReader* files) {
  auto screening = std::make_unique<Screening>();
  std::vector<screen::Designation> all;
  for (const auto& file : set.designation_files) {
    screen::DesignationList list = screen::LoadDesignationList(file, diags);
    if (!list.snapshot.empty()) {
      screening->snapshot += (screening->snapshot.empty() ? "" : ", ") + list.snapshot;
      const auto date = Date::Parse(list.snapshot);
      if (date && (!screening->oldest_snapshot || *date < *screening->oldest_snapshot)) {
        screening->oldest_snapshot = date;
      }
    }
    const auto index = static_cast<uint16_t>(screening->lists.size());
    screening->lists.push_back(ListInfo{list.name, list.snapshot, list.source, list.format, list.sha256,
                                        list.entries.size(), set.builtin_designation_files.count(file.get()) > 0});
    for (auto& d : list.entries) {
      d.list = index;
      all.push_back(std::move(d));
    }
  }
  if (!set.designation_files.empty()) {
    screening->screener = std::make_unique<screen::Screener>(std::move(all));
  }
  if (clearances_path.empty()) return screening;
  if (!files) {
    screening->clearances = screen::LoadClearances(clearances_path, diags);
  } else if (std::string error; auto text = files->Read(clearances_path, error)) {
    screening->clearances =
        screen::ParseClearances(std::make_shared<SourceFile>(SourceFile{clearances_path, std::move(*text)}), diags);
  } else {
    diags.Error({}, "clearances.unreadable", clearances_path + ": cannot read: " + error);
  }
  return screening;
}

std::vector<screen::Candidate> AllCandidates(const Screening& screening, const screen::Query& q) {
  if (!screening.screener) return {};
  return screening.screener->Screen(q, Date::FromCivil(9999, 12, 31));
}

PartyStatus StatusAsOf(const Screening& screening, const std::vector<screen::Candidate>& candidates,
                       std::string_view party_id, std::string_view party_name, Date date, Date run_date) {
  PartyStatus st;
  std::optional<Match> cleared;  // the best cleared candidate, reported when nothing else applies
  std::string expired_note;
  for (const screen::Candidate& c : candidates) {
    if (date < c.designation->listed_on) continue;  // not yet listed on the activity's date
    Match m = MatchOf(screening, c, party_id);
    const auto lookup =
        screen::FindClearance(screening.clearances, party_id, party_name, m.reference, run_date);
    if (lookup.state == screen::ClearanceState::kActive) {
      if (!cleared) {
        m.cleared_by = lookup.clearance->cleared_by;
        m.clearance_note = "cleared as a false positive by " + lookup.clearance->cleared_by + " until " +
                           lookup.clearance->expires.ToString() + ": " + lookup.clearance->reason;
        cleared = std::move(m);
      }
      continue;
    }
    if (lookup.state == screen::ClearanceState::kExpired) {
      m.clearance_note = "the clearance by " + lookup.clearance->cleared_by + " expired on " +
                         lookup.clearance->expires.ToString() + ", so the match applies again";
    }
    if (!m.possible) {
      st.designated = Truth::kTrue;
      st.match = std::move(m);
      return st;  // a match decides; nothing weaker can change that
    }
    if (!st.match) {
      st.designated = Truth::kUnknown;
      st.match = std::move(m);  // the best possible match, unless a stronger one follows
    }
  }
  if (!st.match && cleared) {
    st.cleared = true;
    st.match = std::move(cleared);
  }
  return st;
}

PartyStatus StatedStatus(const Screening& screening, const Party& p, Date date) {
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
    if (d->list < screening.lists.size()) m.list = screening.lists[d->list].name;
    m.regime = d->regime;
    if (date < d->listed_on) return st;  // not yet listed on the activity's date
  }
  st.designated = Truth::kTrue;
  st.match = m;
  return st;
}

}  // namespace sancheck::judge
