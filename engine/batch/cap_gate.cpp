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
  Record& r = local.rec;
  r.Reset();
  // As CheckRecord reads them, with the same parsers: a field that does not read makes the
  // record a bad one, which CheckRecord refuses and no pass counts (the writing pass reports
  // it), so it is left out here too, without the error message CheckRecord would make.
  for (const auto& [key, out] : {std::pair{FieldKey::kExporterCountry, &r.from}, std::pair{FieldKey::kImporterCountry, &r.to}}) {
    if (!raw.Has(key)) continue;
    Country c;
    if (!Country::Parse(raw.Get(key), c)) return false;
    out->Set(c);
  }
  if (raw.Has(FieldKey::kHs)) {
    HsCode hs;
    if (!HsCode::Parse(raw.Get(FieldKey::kHs), hs)) return false;
    r.hs.Set(hs);
    r.hs_lo = hs.Low();
    r.hs_hi = hs.High();
  }
  for (std::string_view t : raw.tags) {
    const int bit = tags.Find(t);
    if (bit < 0) return false;
    r.tags.set(static_cast<size_t>(bit));
  }
  local.ranks.Clear();
  index_->Candidates(r, local.ranks);
  return !local.ranks.Empty();
}

}  // namespace sancheck::batch
