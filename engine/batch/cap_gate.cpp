// CapGate: the capped rules' own index, read with the fields a record's guard needs.
#include "batch/cap_gate.hpp"

namespace sancheck::batch {

std::unique_ptr<CapGate> CapGate::Make(const rules::RuleSet& set, const std::vector<uint32_t>& order) {
  // The run's rule order with the other rules left out: the gate asks only whether any
  // capped rule is a candidate, never which.
  std::vector<uint32_t> capped;
  for (const uint32_t rule : order) {
    if (set.rules[rule].cap) capped.push_back(rule);
  }
  if (capped.empty()) return nullptr;
  auto index = std::make_unique<RuleIndex>(set, capped);
  if (index->screening_gated()) return nullptr;
  return std::unique_ptr<CapGate>(new CapGate(std::move(index)));
}

CapGate::Local CapGate::MakeLocal() const {
  Local local;
  local.ranks.Reset(index_->rank_count());
  return local;
}

bool CapGate::MayMeet(const RawRecord& raw, const TagLookup& tags, Local& local) const {
  local.rec.Reset();
  // As CheckRecord reads them: a field that does not read makes the record a bad one, which
  // CheckRecord refuses and no pass counts (the writing pass reports it), so it is left out
  // here too, without the error message CheckRecord would make.
  if (!ReadGuardFields(raw, tags, local.rec, nullptr)) return false;
  local.ranks.Clear();
  index_->Candidates(local.rec, local.ranks);
  return !local.ranks.Empty();
}

}  // namespace sancheck::batch
