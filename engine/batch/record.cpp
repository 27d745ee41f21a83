// CheckRecord(): raw record text → checked values; RecordFacts: checked values → the evaluator's facts.
#include "batch/record.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "batch/json_text.hpp"
#include "common/imo_number.hpp"
#include "common/short_decimal.hpp"
#include "common/utf8.hpp"
#include "judge/screening_facts.hpp"
#include "rules/rule_set.hpp"
#include "scenario/unit_hint.hpp"
#include "scenario/country_hint.hpp"

namespace sancheck::batch {
namespace {

bool ValidImo(std::string_view s) { return s.size() == 10 && s.substr(0, 3) == "IMO" && IsImoNumber(s.substr(3)); }

// 'text', built by appending: GCC 12 warns (-Wrestrict, falsely) on "'" + std::string(...).
std::string Quoted(std::string_view text) {
  std::string s;
  s.reserve(text.size() + 2);
  s += '\'';
  s.append(text);
  s += '\'';
  return s;
}

bool Fail(const RawRecord& raw, FieldKey key, std::string_view code, std::string message, RecordError& err) {
  err.column = raw.column[static_cast<int>(key)];
  err.field = std::string(FieldName(key));
  err.code = std::string(code);
  err.message = std::move(message);
  return false;
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Text the conversion below surely reads as a finite number >= 0: digits with maybe a fraction,
// no sign or exponent, and at most kPlainNumberBytes (300) characters, so 0 or between 1e-299
// and 1e300 (no overflow, no underflow). Other text, valid or not, is left to the conversion.
bool PlainNonNegative(std::string_view t) {
  if (t.empty() || t.size() > kPlainNumberBytes || !IsDigit(t.front()) || !IsDigit(t.back())) return false;
  bool point = false;  // at most one, and (by the ends' test) between digits
  for (const char c : t) {
    if (IsDigit(c)) continue;
    if (c != '.' || point) return false;
    point = true;
  }
  return true;
}

// The text converted to a double, with the errors of a number that is not one or is negative.
[[gnu::noinline]] bool Convert(const RawRecord& raw, FieldKey key, expr::Known<double>& out, RecordError& err) {
  const std::string_view t = raw.Get(key);
  if (const auto plain = ShortDecimal(t)) {  // most records: the general parser is not needed
    out.Set(*plain);
    return true;
  }
  double v = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v)) {
    return Fail(raw, key, "batch.bad_value", Quoted(t) + " is not a number", err);
  }
  // A negative quantity or value would be subtracted from a cap total: refused, as in scenario files.
  if (v < 0) return Fail(raw, key, "batch.bad_value", Quoted(t) + " is negative (quantities and values are >= 0)", err);
  out.Set(v);
  return true;
}

bool Number(const RawRecord& raw, FieldKey key, bool needed, expr::Known<double>& out, RecordError& err) {
  if (!raw.Has(key)) return true;
  // Converting text to a double is most of a record's value checks: skipped when no rule reads it.
  if (!needed && (raw.PlainNumber(key) || PlainNonNegative(raw.Get(key)))) return true;
  return Convert(raw, key, out, err);
}

// Out of line and cold, so that CountryField, run twice per record, stays small enough to inline.
[[gnu::noinline, gnu::cold]] bool FailCountry(const RawRecord& raw, FieldKey key, RecordError& err) {
  const auto hint = CountryHint(raw.Get(key));
  return Fail(raw, key, "batch.bad_value",
              Quoted(raw.Get(key)) + " is not an ISO 3166-1 alpha-2 country code (upper case)" +
                  (hint ? " (did you mean '" + hint->ToString() + "'?)" : ""),
              err);
}

// A field that does not read: false, the error said only when asked for (`err`).
bool CountryField(const RawRecord& raw, FieldKey key, expr::Known<Country>& out, RecordError* err) {
  if (!raw.Has(key)) return true;
  Country c;
  if (!Country::Parse(raw.Get(key), c)) return err && FailCountry(raw, key, *err);
  out.Set(c);
  return true;
}

}  // namespace

bool ReadGuardFields(const RawRecord& raw, const TagLookup& tags, Record& out, RecordError* err) {
  if (!CountryField(raw, FieldKey::kExporterCountry, out.from, err)) return false;
  if (!CountryField(raw, FieldKey::kImporterCountry, out.to, err)) return false;
  if (raw.Has(FieldKey::kHs)) {
    HsCode hs;
    if (!HsCode::Parse(raw.Get(FieldKey::kHs), hs)) {
      return err && Fail(raw, FieldKey::kHs, "batch.bad_value",
                         Quoted(raw.Get(FieldKey::kHs)) + " is not an HS code (" + std::string(kHsCodeRule) + ")", *err);
    }
    out.hs.Set(hs);
    out.hs_lo = hs.Low();
    out.hs_hi = hs.High();
  }
  // A tag or unit no pack knows is an error, as in scenario files: a misspelt
  // `amunition` would match no rule and let the record through.
  for (std::string_view t : raw.tags) {
    const int bit = tags.Find(t);
    if (bit < 0) {
      return err && Fail(raw, FieldKey::kTags, "batch.unknown_tag",
                         "unknown tag " + Quoted(t) + ": no loaded rule pack knows it" + tags.DidYouMean(t), *err);
    }
    out.tags.set(static_cast<size_t>(bit));
  }
  return true;
}

RecordNeeds RecordNeeds::Of(const rules::RuleSet& set) {
  RecordNeeds needs{false, false};
  for (const rules::Rule& rule : set.rules) {
    for (expr::FieldId f : rule.program.fields_read) {
      needs.quantity = needs.quantity || f == expr::FieldId::kItemQuantity;
      needs.value_usd = needs.value_usd || f == expr::FieldId::kItemValueUsd;
    }
    needs.quantity = needs.quantity || rule.cap.has_value();
  }
  return needs;
}

bool CheckRecord(const RawRecord& raw, const TagLookup& tags, Record& out, RecordError& err, const RecordNeeds& needs) {
  out.Reset();
  if (!raw.Has(FieldKey::kId) || raw.Get(FieldKey::kId).empty()) {
    err.column = 1;
    err.field = "id";
    err.code = "batch.missing_field";
    err.message = "the record has no id";
    return false;
  }
  out.id = raw.Get(FieldKey::kId);
  out.from_name = raw.Get(FieldKey::kExporterName);
  out.to_name = raw.Get(FieldKey::kImporterName);
  // Every text field is UTF-8, so whatever is echoed or screened is well-formed text.
  if (!raw.ascii) {
    for (int k = 0; k < kFieldCount; ++k) {
      const auto key = static_cast<FieldKey>(k);
      if (raw.Has(key) && !IsValidUtf8(raw.Get(key))) {
        return Fail(raw, key, "batch.bad_value", "not valid UTF-8 text", err);
      }
    }
    for (std::string_view t : raw.tags) {
      if (!IsValidUtf8(t)) return Fail(raw, FieldKey::kTags, "batch.bad_value", "a tag is not valid UTF-8 text", err);
    }
  }
  if (!raw.Has(FieldKey::kDate)) {
    err.column = 1;
    err.field = "date";
    err.code = "batch.missing_field";
    err.message = "the record has no date";
    return false;
  }
  if (!Date::Parse(raw.Get(FieldKey::kDate), out.date)) {
    return Fail(raw, FieldKey::kDate, "batch.bad_value",
                Quoted(raw.Get(FieldKey::kDate)) + " is not " + Date::kRule, err);
  }
  if (!ReadGuardFields(raw, tags, out, &err)) return false;
  if (!Number(raw, FieldKey::kQuantity, needs.quantity, out.quantity, err)) return false;
  if (!Number(raw, FieldKey::kValueUsd, needs.value_usd, out.value_usd, err)) return false;
  if (raw.Has(FieldKey::kUnit) && !raw.Get(FieldKey::kUnit).empty()) {
    const auto u = ParseUnit(raw.Get(FieldKey::kUnit));
    if (!u) {
      return Fail(raw, FieldKey::kUnit, "batch.bad_value",
                  "unknown unit " + Quoted(raw.Get(FieldKey::kUnit)) + UnitHint(raw.Get(FieldKey::kUnit)) +
                      "; expected pcs, kg, t, l, bbl, m3 or MWh", err);
    }
    out.unit.Set(*u);
  }
  if (raw.Has(FieldKey::kVesselImo) && !raw.Get(FieldKey::kVesselImo).empty()) {
    if (!ValidImo(raw.Get(FieldKey::kVesselImo))) {
      return Fail(raw, FieldKey::kVesselImo, "batch.bad_value",
                  Quoted(raw.Get(FieldKey::kVesselImo)) + " is not an IMO number (IMO and 7 digits with a valid check digit)",
                  err);
    }
    out.vessel_imo = raw.Get(FieldKey::kVesselImo).substr(3);
  }
  return true;
}

RecordFacts::RecordFacts() {
  facts_.type = ActivityType::kSupply;
  facts_.items = &item_;
  facts_.item_count = 1;
}

void RecordFacts::Fill(const Record& r) {
  facts_.date = r.date;
  // Only the parties' bits were ever set, so clearing them resets the set.
  if (facts_.from.present) facts_.party_countries.reset(facts_.from.country.code);
  if (facts_.to.present) facts_.party_countries.reset(facts_.to.country.code);
  auto party = [](const expr::Known<Country>& c, expr::PartyFacts& p) {
    p = expr::PartyFacts{};
    if (!c.known) return;
    p.present = true;
    p.country = c.value;
    p.kind = PartyKind::kCompany;
    p.designated = Truth::kFalse;  // batch records state no designation, as a scenario party without one
  };
  party(r.from, facts_.from);
  party(r.to, facts_.to);
  if (facts_.from.present) facts_.party_countries.set(facts_.from.country.code);
  if (facts_.to.present) facts_.party_countries.set(facts_.to.country.code);
  item_.hs = r.hs;
  item_.hs_lo = r.hs_lo;
  item_.hs_hi = r.hs_hi;
  item_.tags = r.tags;
  item_.quantity = r.quantity;
  item_.unit = r.unit;
  item_.value_usd = r.value_usd;
  facts_.default_origin = r.from;  // the scenario format's default: the supplier's country
  item_.origin = r.from;
}

void RecordFacts::SetScreening(const judge::PartyStatus& from, const judge::PartyStatus& to,
                               const judge::PartyStatus& vessel) {
  facts_.from.designated = from.designated;
  facts_.to.designated = to.designated;
  facts_.any_designated = Truth::kFalse;
  facts_.any_cleared = false;
  facts_.any_listed = Truth::kFalse;
  facts_.listed_under.reset();
  judge::AddPartyScreening(from, from.designated, facts_);
  judge::AddPartyScreening(to, to.designated, facts_);
  judge::AddPartyScreening(vessel, vessel.designated, facts_);
}

}  // namespace sancheck::batch
