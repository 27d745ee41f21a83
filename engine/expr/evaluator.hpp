// Evaluate(): runs a compiled Program over one activity's facts in Kleene three-valued logic.
//
// Header-only template so that a tracer (used by `sancheck explain`) is
// inlined: with NullTracer every hook compiles to nothing, and evaluation
// neither allocates nor looks anything up by name.
#pragma once

#include "expr/program.hpp"

namespace sancheck::expr {

/// What a condition is evaluated against: the activity and, for item-scoped
/// parts, the current item (null outside any item).
struct EvalContext {
  const ActivityFacts* activity = nullptr;
  const ItemFacts* item = nullptr;
};

struct NullTracer {
  static constexpr bool kEnabled = false;
  void Result(uint32_t /*node*/, Truth /*value*/, const ItemFacts* /*item*/) {}
};

namespace detail {

inline Truth Not(Truth t) {
  return t == Truth::kUnknown ? t : (t == Truth::kTrue ? Truth::kFalse : Truth::kTrue);
}
inline Truth FromBool(bool b) { return b ? Truth::kTrue : Truth::kFalse; }
/// A tag test: a miss is unknown, not false, when the item has tags no pack knows.
inline Truth TagTruth(bool hit, const ItemFacts& item) {
  return hit ? Truth::kTrue : item.unknown_tags ? Truth::kUnknown : Truth::kFalse;
}

/// A scalar fact: dates, countries, enumerators and booleans in `i`, numbers in `num`.
struct Scalar {
  bool known = false;
  int64_t i = 0;
  double num = 0;
};

inline const PartyFacts* PartyOf(FieldId f, const ActivityFacts& a) {
  switch (f) {
    case FieldId::kFromCountry: case FieldId::kFromKind: case FieldId::kFromDesignated: return &a.from;
    case FieldId::kToCountry: case FieldId::kToKind: case FieldId::kToDesignated: return &a.to;
    case FieldId::kPersonCountry: case FieldId::kPersonKind: case FieldId::kPersonDesignated: return &a.person;
    case FieldId::kVesselCountry: case FieldId::kVesselKind: case FieldId::kVesselDesignated: return &a.vessel;
    default: return nullptr;
  }
}

template <typename T>
inline Scalar IntOf(const Known<T>& k) {
  return {k.known, static_cast<int64_t>(k.value), 0};
}
inline Scalar CountryOf(const Known<Country>& k) { return {k.known, k.value.code, 0}; }
inline Scalar NumOf(const Known<double>& k) { return {k.known, 0, k.value}; }

inline Scalar Load(FieldId f, const EvalContext& c) {
  const ActivityFacts& a = *c.activity;
  const ItemFacts* it = c.item;
  switch (f) {
    case FieldId::kType: return {true, static_cast<int64_t>(a.type), 0};
    case FieldId::kDate: return {true, a.date.days, 0};
    case FieldId::kService: return IntOf(a.service);
    case FieldId::kExemption: return IntOf(a.exemption);
    case FieldId::kAmountUsd: return NumOf(a.amount_usd);
    case FieldId::kWorkers: return NumOf(a.workers);
    case FieldId::kVehicle: return IntOf(a.vehicle);
    case FieldId::kDestination: return CountryOf(a.destination);
    case FieldId::kPortCountry: return CountryOf(a.port_country);
    case FieldId::kFromCountry: case FieldId::kToCountry: case FieldId::kPersonCountry:
    case FieldId::kVesselCountry: {
      const PartyFacts* p = PartyOf(f, a);
      return {p->present, p->country.code, 0};
    }
    case FieldId::kFromKind: case FieldId::kToKind: case FieldId::kPersonKind:
    case FieldId::kVesselKind: {
      const PartyFacts* p = PartyOf(f, a);
      return {p->present, static_cast<int64_t>(p->kind), 0};
    }
    case FieldId::kItemQuantity: return it ? NumOf(it->quantity) : Scalar{};
    case FieldId::kItemUnit: return it ? IntOf(it->unit) : Scalar{};
    case FieldId::kItemValueUsd: return it ? NumOf(it->value_usd) : Scalar{};
    case FieldId::kItemOrigin: return CountryOf(it ? it->origin : a.default_origin);
    default: return {};
  }
}

inline Truth LoadTruth(FieldId f, const EvalContext& c) {
  const ActivityFacts& a = *c.activity;
  if (f == FieldId::kPartiesDesignated) return a.any_designated;
  if (f == FieldId::kPartiesCleared) return FromBool(a.any_cleared);
  if (f == FieldId::kPartiesListed) return a.any_listed;
  if (f == FieldId::kDesignationsStale) return FromBool(a.designations_stale);
  if (f == FieldId::kServedProhibited) return a.served_prohibited;
  if (f == FieldId::kServes) return FromBool(a.serves);
  const PartyFacts* p = PartyOf(f, a);
  return p && p->present ? p->designated : Truth::kUnknown;
}

inline Scalar Value(const Operand& o, const EvalContext& c) {
  return o.is_field ? Load(o.field, c) : Scalar{true, o.i, o.num};
}

// A boolean field compared with == or != reads as its truth: unknown stays unknown.
inline Scalar Value(const Operand& o, Type t, const EvalContext& c) {
  if (o.is_field && t == Type::kBool) {
    const Truth v = LoadTruth(o.field, c);
    return {v != Truth::kUnknown, v == Truth::kTrue ? 1 : 0, 0};
  }
  return Value(o, c);
}

inline Truth CompareScalars(const Node& n, const Scalar& l, const Scalar& r) {
  if (!l.known || !r.known) return Truth::kUnknown;
  int order;
  if (n.type == Type::kNumber) {
    order = l.num < r.num ? -1 : (l.num > r.num ? 1 : 0);
  } else {
    order = l.i < r.i ? -1 : (l.i > r.i ? 1 : 0);
  }
  switch (n.cmp) {
    case CmpOp::kEq: return FromBool(order == 0);
    case CmpOp::kNe: return FromBool(order != 0);
    case CmpOp::kLt: return FromBool(order < 0);
    case CmpOp::kLe: return FromBool(order <= 0);
    case CmpOp::kGt: return FromBool(order > 0);
    case CmpOp::kGe: return FromBool(order >= 0);
  }
  return Truth::kUnknown;
}

inline Truth ScalarInSet(const ValueSet& s, Type t, const Scalar& v) {
  if (!v.known) return Truth::kUnknown;
  switch (t) {
    case Type::kCountry: return FromBool(s.countries.test(static_cast<size_t>(v.i)));
    case Type::kNumber:
      for (double d : s.numbers) if (d == v.num) return Truth::kTrue;
      return Truth::kFalse;
    case Type::kDate:
      for (int32_t d : s.dates) if (d == v.i) return Truth::kTrue;
      return Truth::kFalse;
    default: return FromBool((s.enums >> v.i) & 1U);
  }
}

// An absent HS code is "not in" any set: such an item is judged by its tags
// (an item with neither is caught by the pack's unclassified-item rule). With
// no item at all (a service whose subject is not given) nothing is known.
inline Truth HsInSet(const ValueSet& s, const EvalContext& c) {
  if (!c.item) return Truth::kUnknown;
  if (!c.item->hs.known) return Truth::kFalse;
  return s.ContainsHs(c.item->hs_lo, c.item->hs_hi);
}

template <typename Tracer>
Truth Eval(const Program& p, uint32_t idx, const EvalContext& c, Tracer& tracer);

template <typename Tracer>
Truth Quantify(const Program& p, const Node& n, const EvalContext& c, Tracer& tracer) {
  const bool any = n.op == Op::kAny;
  Truth acc = any ? Truth::kFalse : Truth::kTrue;
  const ActivityFacts& a = *c.activity;
  for (uint32_t i = 0; i < a.item_count; ++i) {
    const EvalContext inner{c.activity, &a.items[i]};
    const Truth t = Eval(p, p.children[n.first], inner, tracer);
    if (t == (any ? Truth::kTrue : Truth::kFalse)) return t;
    if (t == Truth::kUnknown) acc = Truth::kUnknown;
  }
  return acc;
}

template <typename Tracer>
Truth Eval(const Program& p, uint32_t idx, const EvalContext& c, Tracer& tracer) {
  const Node& n = p.nodes[idx];
  Truth r = Truth::kUnknown;
  switch (n.op) {
    case Op::kConst: r = n.constant; break;
    case Op::kAnd:
    case Op::kOr: {
      // Kleene logic; short-circuits on the deciding value unless tracing,
      // where explain wants every sub-condition's value.
      const Truth decide = n.op == Op::kAnd ? Truth::kFalse : Truth::kTrue;
      r = n.op == Op::kAnd ? Truth::kTrue : Truth::kFalse;
      for (uint32_t k = 0; k < n.count; ++k) {
        const Truth t = Eval(p, p.children[n.first + k], c, tracer);
        if (t == decide) {
          r = decide;
          if constexpr (!Tracer::kEnabled) break;
        } else if (t == Truth::kUnknown && r != decide) {
          r = Truth::kUnknown;
        }
      }
      break;
    }
    case Op::kNot: r = Not(Eval(p, p.children[n.first], c, tracer)); break;
    case Op::kBoolField: r = LoadTruth(n.lhs.field, c); break;
    case Op::kCompare: r = CompareScalars(n, Value(n.lhs, n.type, c), Value(n.rhs, n.type, c)); break;
    case Op::kInSet: {
      const ValueSet& s = *p.sets[n.set];
      r = n.type == Type::kHs ? HsInSet(s, c) : ScalarInSet(s, n.type, Value(n.lhs, c));
      break;
    }
    case Op::kListInSet: {
      const ValueSet& s = *p.sets[n.set];
      const ActivityFacts& a = *c.activity;
      switch (n.lhs.field) {
        case FieldId::kVia: r = FromBool((a.via & s.countries).any()); break;
        case FieldId::kPartiesCountry: r = FromBool((a.party_countries & s.countries).any()); break;
        case FieldId::kPartiesListedUnder: r = FromBool((a.listed_under & s.tags).any()); break;
        default: r = c.item ? TagTruth((c.item->tags & s.tags).any(), *c.item) : Truth::kUnknown; break;
      }
      break;
    }
    case Op::kInListField: {
      const Scalar v = Value(n.lhs, c);
      if (!v.known) break;
      const ActivityFacts& a = *c.activity;
      const size_t bit = static_cast<size_t>(v.i);
      switch (n.rhs.field) {
        case FieldId::kVia: r = FromBool(a.via.test(bit)); break;
        case FieldId::kPartiesCountry: r = FromBool(a.party_countries.test(bit)); break;
        case FieldId::kPartiesListedUnder: r = FromBool(a.listed_under.test(bit)); break;
        default: r = c.item ? TagTruth(c.item->tags.test(bit), *c.item) : Truth::kUnknown; break;
      }
      break;
    }
    case Op::kAny:
    case Op::kAll: r = Quantify(p, n, c, tracer); break;
    case Op::kKnown:
      if (n.type == Type::kBool) {
        r = FromBool(LoadTruth(n.lhs.field, c) != Truth::kUnknown);
      } else if (n.lhs.field == FieldId::kItemHs) {
        r = FromBool(c.item && c.item->hs.known);
      } else if (IsList(n.type)) {
        // A list is always given (maybe empty), but an item's tags only when there is an item.
        r = FromBool(n.lhs.field != FieldId::kItemTags || c.item);
      } else {
        r = FromBool(Load(n.lhs.field, c).known);
      }
      break;
    case Op::kEmpty: {
      const ActivityFacts& a = *c.activity;
      switch (n.lhs.field) {
        case FieldId::kVia: r = FromBool(a.via.none()); break;
        case FieldId::kPartiesCountry: r = FromBool(a.party_countries.none()); break;
        case FieldId::kPartiesListedUnder: r = FromBool(a.listed_under.none()); break;
        default: r = c.item ? (c.item->unknown_tags ? Truth::kFalse : FromBool(c.item->tags.none())) : Truth::kUnknown; break;
      }
      break;
    }
  }
  tracer.Result(idx, r, c.item);
  return r;
}

}  // namespace detail

template <typename Tracer = NullTracer>
Truth Evaluate(const Program& p, const EvalContext& c, Tracer& tracer) {
  return detail::Eval(p, p.root, c, tracer);
}

inline Truth Evaluate(const Program& p, const EvalContext& c) {
  NullTracer none;
  return detail::Eval(p, p.root, c, none);
}

}  // namespace sancheck::expr
