// CapGate: the capped rules' own index, read with the fields a record's guard needs, or a line's first bytes.
#include "batch/cap_gate.hpp"

#include <cstring>

namespace sancheck::batch {
namespace {

// Moves `p` past `text` when the line goes on with it.
inline bool Expect(std::string_view line, size_t& p, std::string_view text) {
  if (line.size() - p < text.size() || std::memcmp(line.data() + p, text.data(), text.size()) != 0) return false;
  p += text.size();
  return true;
}

// Moves `p` past a string's characters to its closing quote, when it has no backslash (the
// string then ends at the first quote, as JSON reads it).
bool PlainString(std::string_view line, size_t& p) {
  for (; p < line.size(); ++p) {
    if (line[p] == '"') return true;
    if (line[p] == '\\') return false;
  }
  return false;
}

// The code of a country written as two capital letters, or -1 (a code that is not assigned
// makes the record a bad one: any value serves for the gate).
int CountryCode(std::string_view line, size_t& p) {
  if (p + 2 > line.size()) return -1;
  const char a = line[p], b = line[p + 1];
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return -1;
  p += 2;
  return (a - 'A') * 26 + (b - 'A');
}

}  // namespace

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

bool LeadingCountries(std::string_view line, uint16_t& from, uint16_t& to) {
  size_t p = 0;
  if (!Expect(line, p, R"({"id":")") || !PlainString(line, p)) return false;
  if (!Expect(line, p, R"(","date":")") || !PlainString(line, p)) return false;
  if (!Expect(line, p, R"(","exporter_country":")")) return false;
  const int f = CountryCode(line, p);
  if (f < 0 || !Expect(line, p, R"(","importer_country":")")) return false;
  const int t = CountryCode(line, p);
  if (t < 0 || !Expect(line, p, "\"")) return false;
  from = static_cast<uint16_t>(f);
  to = static_cast<uint16_t>(t);
  return true;
}

bool CapGate::SurelyOut(std::string_view line) const {
  uint16_t from = 0, to = 0;
  return reads_countries_first_ && LeadingCountries(line, from, to) && !index_->HasExporterBucket(from) &&
         !index_->HasImporterBucket(to);
}

}  // namespace sancheck::batch
