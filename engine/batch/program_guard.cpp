// Guard analysis of expr::Program: country, HS-interval and tag constraints that every match needs.
#include "batch/program_guard.hpp"

#include <algorithm>

namespace sancheck::batch {
namespace {

using expr::FieldId;
using expr::Op;

constexpr size_t kMaxAlts = 32;  // beyond this a guard stops paying for itself: treat as always


// Both alternatives must hold; false when they cannot both hold.
bool Merge(const GuardAlt& a, const GuardAlt& b, GuardAlt& out) {
  out = a;
  if (b.has_from) {
    out.from = a.has_from ? (a.from & b.from) : b.from;
    out.has_from = true;
    if (out.from.none()) return false;
  }
  if (b.has_to) {
    out.to = a.has_to ? (a.to & b.to) : b.to;
    out.has_to = true;
    if (out.to.none()) return false;
  }
  if (b.has_hs) {
    out.hs = a.has_hs ? expr::IntersectIntervals(a.hs, b.hs) : b.hs;
    out.has_hs = true;
    if (out.hs.empty()) return false;
  }
  out.needs_flag = a.needs_flag || b.needs_flag;
  // "has a tag of A" and "has a tag of B" is not one set: keep A's, which is implied.
  if (b.has_tags && !a.has_tags) {
    out.tags = b.tags;
    out.has_tags = true;
  }
  return true;
}

Guard And(const Guard& a, const Guard& b) {
  if (a.alts.empty() || b.alts.empty()) return Guard::Never();
  if (a.IsAlways()) return b;
  if (b.IsAlways()) return a;
  if (a.alts.size() * b.alts.size() > kMaxAlts) return a.alts.size() <= b.alts.size() ? a : b;
  Guard out;
  for (const auto& x : a.alts) {
    for (const auto& y : b.alts) {
      GuardAlt m;
      if (Merge(x, y, m)) out.alts.push_back(std::move(m));
    }
  }
  return out;
}

Guard Or(const Guard& a, const Guard& b) {
  if (a.IsAlways() || b.IsAlways()) return Guard::Always();
  if (a.alts.size() + b.alts.size() > kMaxAlts) return Guard::Always();
  Guard out = a;
  out.alts.insert(out.alts.end(), b.alts.begin(), b.alts.end());
  return out;
}

Guard CountryIs(FieldId field, const expr::CountrySet& set) {
  GuardAlt alt;
  if (field == FieldId::kFromCountry || field == FieldId::kItemOrigin) {  // a record's origin is its exporter's
    alt.has_from = true;
    alt.from = set;
  } else if (field == FieldId::kToCountry) {
    alt.has_to = true;
    alt.to = set;
  } else if (field == FieldId::kPartiesCountry) {
    // A batch record's parties are its exporter and importer.
    GuardAlt to;
    to.has_to = true;
    to.to = set;
    alt.has_from = true;
    alt.from = set;
    return Guard{{alt, to}};
  } else {
    return Guard::Always();
  }
  return Guard{{alt}};
}

// What a clean screening leaves false: a condition reading one of these needs a flagged party.
Guard Flagged() {
  GuardAlt alt;
  alt.needs_flag = true;
  return Guard{{alt}};
}

bool IsScreeningFlag(FieldId f) {
  return f == FieldId::kFromDesignated || f == FieldId::kToDesignated || f == FieldId::kPartiesDesignated ||
         f == FieldId::kPartiesCleared || f == FieldId::kPartiesListed;
}

Guard Analyse(const expr::Program& p, uint32_t idx) {
  const expr::Node& n = p.nodes[idx];
  switch (n.op) {
    case Op::kConst: return n.constant == Truth::kFalse ? Guard::Never() : Guard::Always();
    case Op::kAnd: {
      Guard g = Guard::Always();
      for (uint32_t k = 0; k < n.count; ++k) g = And(g, Analyse(p, p.children[n.first + k]));
      return g;
    }
    case Op::kOr: {
      Guard g = Guard::Never();
      for (uint32_t k = 0; k < n.count; ++k) g = Or(g, Analyse(p, p.children[n.first + k]));
      return g;
    }
    case Op::kAny: return Analyse(p, p.children[n.first]);  // one item: any(x) is x
    case Op::kBoolField: return IsScreeningFlag(n.lhs.field) ? Flagged() : Guard::Always();
    case Op::kKnown: {
      // A record has no traveller and no vessel: known(vessel.country) is false on every one.
      const FieldId f = n.lhs.field;
      const bool absent = f == FieldId::kVesselCountry || f == FieldId::kVesselKind || f == FieldId::kPersonCountry ||
                          f == FieldId::kPersonKind;
      return absent ? Guard::Never() : Guard::Always();
    }
    case Op::kCompare: {
      if (n.type != expr::Type::kCountry || n.cmp != expr::CmpOp::kEq) return Guard::Always();
      const expr::Operand* field = n.lhs.is_field ? &n.lhs : (n.rhs.is_field ? &n.rhs : nullptr);
      const expr::Operand* value = n.lhs.is_field ? &n.rhs : &n.lhs;
      if (!field || value->is_field) return Guard::Always();
      expr::CountrySet set;
      set.set(static_cast<size_t>(value->i));
      return CountryIs(field->field, set);
    }
    case Op::kInSet: {
      const expr::ValueSet& s = *p.sets[n.set];
      if (n.type == expr::Type::kHs) {
        // An absent HS code is in no set, so the item needs a code meeting one interval.
        GuardAlt alt;
        alt.has_hs = true;
        alt.hs = s.hs;
        return Guard{{alt}};
      }
      if (n.type == expr::Type::kCountry && n.lhs.is_field) return CountryIs(n.lhs.field, s.countries);
      return Guard::Always();
    }
    case Op::kListInSet: {
      const expr::ValueSet& s = *p.sets[n.set];
      if (n.lhs.field == FieldId::kItemTags) {
        GuardAlt alt;
        alt.has_tags = true;
        alt.tags = s.tags;
        return Guard{{alt}};
      }
      if (n.lhs.field == FieldId::kPartiesCountry) return CountryIs(FieldId::kPartiesCountry, s.countries);
      if (n.lhs.field == FieldId::kVia) return Guard::Never();  // a record names no transit country
      if (n.lhs.field == FieldId::kPartiesListedUnder) return Flagged();
      return Guard::Always();
    }
    case Op::kInListField: {
      if (n.lhs.is_field) return Guard::Always();  // an unknown field's value in a list is unknown
      // "KP in via" is false on every record: the rules written "to KP or through KP" are then
      // bucketed under KP instead of met by every record.
      if (n.rhs.field == FieldId::kVia) return Guard::Never();
      if (n.rhs.field == FieldId::kPartiesListedUnder) return Flagged();
      if (n.rhs.field == FieldId::kItemTags) {
        GuardAlt alt;
        alt.has_tags = true;
        alt.tags.set(static_cast<size_t>(n.lhs.i));
        return Guard{{alt}};
      }
      if (n.rhs.field == FieldId::kPartiesCountry) {
        expr::CountrySet set;
        set.set(static_cast<size_t>(n.lhs.i));
        return CountryIs(FieldId::kPartiesCountry, set);
      }
      return Guard::Always();
    }
    default: return Guard::Always();
  }
}

}  // namespace

bool Guard::IsAlways() const {
  return std::any_of(alts.begin(), alts.end(), [](const GuardAlt& a) { return a.Unconstrained(); });
}

Guard GuardOf(const expr::Program& program) {
  if (program.nodes.empty()) return Guard::Always();
  Guard g = Analyse(program, program.root);
  if (g.IsAlways()) return Guard::Always();
  return g;
}

}  // namespace sancheck::batch
