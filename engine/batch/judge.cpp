// Judge::Run: index lookup, then the one judging step (JudgeRule) for each candidate rule over the record's facts.
#include "batch/judge.hpp"

#include <algorithm>
#include <string>
#include <tuple>

#include "common/imo_number.hpp"
#include "judge/rule_judge.hpp"
#include "judge/screening_facts.hpp"

namespace sancheck::batch {

namespace {

// Screening costs far more than judging: only worth it when a rule reads a designation.
bool ReadsDesignation(const rules::RuleSet& set, bool capped_only) {
  return std::any_of(set.rules.begin(), set.rules.end(),
                     [&](const rules::Rule& r) { return (!capped_only || r.cap) && judge::ReadsScreening(r); });
}

}  // namespace

Judge::Judge(const rules::RuleSet& set, const RuleIndex& index, const std::vector<uint32_t>& order,
             bool use_index, const judge::Screening* screening, NameCache* names, Date run_date, bool capped_only)
    : set_(set), index_(index), order_(order), use_index_(use_index), capped_only_(capped_only),
      screening_(screening), run_date_(run_date) {
  candidates_.Reset(index.rank_count());
  screens_.resize(order.size());
  for (size_t rank = 0; rank < order.size(); ++rank) screens_[rank] = judge::ReadsScreening(set.rules[order[rank]]);
  if (!ReadsDesignation(set, capped_only)) return;
  if (!screening || !screening->screener) {
    // No list: every party's designation is unknown, the same for every record (judge::Unscreened).
    unscreened_ = true;
    from_status_ = to_status_ = judge::Unscreened();
  } else if (names) {
    names_ = std::make_unique<NameScreen>(*screening, *names, run_date);
    listed_imo_numbers_ = screening->screener->ImoNumbers();
  }
}

void Judge::VesselStatus(std::string_view imo, Date date, judge::PartyStatus& out) {
  out.Clear();
  if (imo.empty()) return;
  if (unscreened_) {
    out = judge::Unscreened();
    return;
  }
  // Nearly every vessel is on no list: only an IMO number some entry has is screened (once).
  // A record's number is checked as 7 digits (CheckRecord).
  const auto value = ImoValue(imo);
  if (!names_ || !value || !std::binary_search(listed_imo_numbers_.begin(), listed_imo_numbers_.end(), *value)) return;
  const std::string number(imo);
  auto it = std::find_if(listed_imos_.begin(), listed_imos_.end(), [&](const auto& e) { return e.first == number; });
  if (it == listed_imos_.end()) {
    screen::Query q;
    q.imo = number;
    listed_imos_.emplace_back(number, judge::AllCandidates(*screening_, q));
    it = listed_imos_.end() - 1;
  }
  // A clearance names a vessel as a record does: by its IMO number.
  const std::string name = "IMO" + number;
  out = judge::StatusAsOf(*screening_, it->second, name, name, date, run_date_);
}

void Judge::ScreenParties(const Record& r, const Parties& parties) {
  names_->Status(parties.from, r.date, from_status_);
  names_->Status(parties.to, r.date, to_status_);
  VesselStatus(r.vessel_imo, r.date, vessel_status_);
}

std::shared_ptr<const Match> Judge::MatchOf(const rules::Rule& rule) const {
  // The record names its parties by role: the exporter's match first, as the scenario front end
  // reports the supplier's before the recipient's, then the carrying vessel's.
  for (const auto& [field, status, role] :
       {std::tuple{expr::FieldId::kFromDesignated, &from_status_, "exporter"},
        std::tuple{expr::FieldId::kToDesignated, &to_status_, "importer"},
        std::tuple{expr::FieldId::kVesselDesignated, &vessel_status_, "vessel"}}) {
    const judge::ReadParty read[] = {{field, status}};
    if (auto m = judge::MatchFor(rule, read)) {
      m->party = role;
      return std::make_shared<const Match>(std::move(*m));
    }
  }
  return nullptr;
}

void Judge::Run(const Record& r, const Parties& parties, std::vector<Finding>& out) {
  candidates_.Clear();
  if (use_index_) {
    index_.Candidates(r, candidates_);
  } else {
    index_.All(candidates_);
  }
  // Rules met only when screening flags a party were every record's candidates: when the index
  // has such rules the parties are screened here (they would be, for those rules), after the
  // index search so that their table slots have arrived, and only a flagged record meets them.
  // With no list loaded no party can be cleared: every record meets them, its parties unknown.
  bool screened = false;
  if (unscreened_) {
    screened = true;  // the constructor set both statuses
    if (use_index_) index_.FlaggedCandidates(r, candidates_);
  } else if (use_index_ && index_.screening_gated() && names_) {
    ScreenParties(r, parties);
    screened = true;
    if (from_status_.Flagged() || to_status_.Flagged() || vessel_status_.Flagged()) {
      index_.FlaggedCandidates(r, candidates_);
    }
  }
  if (candidates_.Empty()) return;  // most records: no rule can match, no facts to build
  if (capped_only_) {
    bool any = false;
    candidates_.ForEach([&](uint32_t rank) { any = any || set_.rules[order_[rank]].cap.has_value(); });
    if (!any) return;
  }
  facts_.Fill(r);
  facts_.SetStale(screening_ && screening_->StaleFor(r.date));
  // Names are screened only when a rule this record meets reads a designation.
  if (!screened) {
    bool screen = false;
    if (names_) candidates_.ForEach([&](uint32_t rank) { screen = screen || screens_[rank]; });
    if (screen) {
      ScreenParties(r, parties);
    } else {
      from_status_.Clear();
      to_status_.Clear();
      vessel_status_.Clear();
    }
  } else if (unscreened_) {
    VesselStatus(r.vessel_imo, r.date, vessel_status_);
  }
  facts_.SetScreening(from_status_, to_status_, vessel_status_);
  candidates_.ForEach([&](uint32_t rank) {
    const rules::Rule& rule = set_.rules[order_[rank]];
    if (capped_only_ && !rule.cap) return;
    judge::JudgeRule(rule, facts_.facts(), [&](const judge::Outcome& o) {
      Finding f;
      f.rank = rank;
      f.undecided = o.undecided;
      f.verdict = o.verdict;
      f.capped = o.capped;
      if (screens_[rank]) f.match = MatchOf(rule);
      out.push_back(std::move(f));
    });
  });
}

}  // namespace sancheck::batch
