// CheckCondition(): per-field abstract domains narrowed along and/or chains to find dead or constant conditions.
#include "lint/condition_check.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <limits>
#include <vector>

#include "expr/fields.hpp"

namespace sancheck::lint {
namespace {

using expr::FieldId;
using expr::Node;
using expr::Op;
using expr::Program;
using expr::Type;

constexpr size_t kBits = Country::kCount;  // enough for countries, tags and enumerators
using Bits = std::bitset<kBits>;
constexpr int kNoOrigin = -1;
constexpr int kFromAppliesTo = -2;
constexpr int kFromDates = -3;
constexpr size_t kFieldCount = static_cast<size_t>(FieldId::kItemOrigin) + 1;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr uint64_t kHsMax = 9999999999ULL;

size_t EnumCount(Type t) {
  switch (t) {
    case Type::kActivityType: return 9;
    case Type::kService: return 18;  // the ServiceKind enumerators, `other` included
    case Type::kPartyKind: return 8;
    case Type::kUnit: return 6;
    case Type::kVehicle: return 3;
    case Type::kExemption: return 6;
    case Type::kBool: return 2;
    default: return kBits;
  }
}

// What one field may still be, given the conditions assumed so far.
struct Domain {
  bool may_absent = true, may_present = true;
  Bits values;  ///< discrete scalars (countries, enumerators, booleans as 0/1)
  double lo = -kInf, hi = kInf;
  bool lo_open = false, hi_open = false;
  std::vector<std::pair<uint64_t, uint64_t>> hs{{0, kHsMax}};
  Bits required, forbidden;  ///< list fields: elements known in, known out
  /// List fields: sets each known to hold an element of the list (`tags in S`), so that a later
  /// `not (tags in S')` that forbids all of one is a contradiction, whichever came first.
  std::vector<Bits> some_of;
  bool may_empty = true, may_nonempty = true;
  int origin = kNoOrigin;    ///< the node that first narrowed it
};

struct Env {
  std::array<Domain, kFieldCount> fields;
};

bool IntervalEmpty(const Domain& d) {
  return d.lo > d.hi || (d.lo == d.hi && (d.lo_open || d.hi_open));
}

bool Satisfiable(const Domain& d, Type t) {
  if (expr::IsList(t)) {
    const bool each_possible = std::all_of(d.some_of.begin(), d.some_of.end(),
                                           [&](const Bits& s) { return (s & ~d.forbidden).any(); });
    return (d.required & d.forbidden).none() && (d.may_empty || d.may_nonempty) &&
           !(d.required.any() && !d.may_nonempty) && each_possible;
  }
  if (d.may_absent) return true;
  if (!d.may_present) return false;
  if (t == Type::kNumber || t == Type::kDate) return !IntervalEmpty(d);
  if (t == Type::kHs) return !d.hs.empty();
  return d.values.any();
}

Env InitialEnv(const ConditionContext& ctx) {
  Env env;
  for (const auto& f : expr::AllFields()) {
    Domain& d = env.fields[static_cast<size_t>(f.id)];
    const size_t n = EnumCount(f.type);
    for (size_t i = 0; i < n; ++i) d.values.set(i);
  }
  Domain& type = env.fields[static_cast<size_t>(FieldId::kType)];
  type.may_absent = false;
  type.values.reset();
  for (size_t i = 0; i < 9; ++i) {
    if (ctx.applies_mask & (1U << i)) type.values.set(i);
  }
  type.origin = kFromAppliesTo;
  Domain& date = env.fields[static_cast<size_t>(FieldId::kDate)];
  date.may_absent = false;
  if (ctx.effective) date.lo = ctx.effective->days;
  if (ctx.until) date.hi = ctx.until->days;
  date.origin = kFromDates;
  return env;
}

// Item fields inside any()/all() read another item than the one outside.
void ResetItemFields(Env& env, const Env& initial) {
  for (const auto& f : expr::AllFields()) {
    if (f.item_scoped) env.fields[static_cast<size_t>(f.id)] = initial.fields[static_cast<size_t>(f.id)];
  }
}


std::vector<std::pair<uint64_t, uint64_t>> Subtract(const std::vector<std::pair<uint64_t, uint64_t>>& a,
                                                    const std::vector<std::pair<uint64_t, uint64_t>>& b) {
  std::vector<std::pair<uint64_t, uint64_t>> out = a;
  for (const auto& y : b) {
    std::vector<std::pair<uint64_t, uint64_t>> next;
    for (const auto& x : out) {
      if (y.second < x.first || y.first > x.second) {
        next.push_back(x);
        continue;
      }
      if (x.first < y.first) next.emplace_back(x.first, y.first - 1);
      if (y.second < x.second) next.emplace_back(y.second + 1, x.second);
    }
    out = std::move(next);
  }
  return out;
}

expr::CmpOp Negate(expr::CmpOp op) {
  using expr::CmpOp;
  switch (op) {
    case CmpOp::kEq: return CmpOp::kNe;
    case CmpOp::kNe: return CmpOp::kEq;
    case CmpOp::kLt: return CmpOp::kGe;
    case CmpOp::kLe: return CmpOp::kGt;
    case CmpOp::kGt: return CmpOp::kLe;
    case CmpOp::kGe: return CmpOp::kLt;
  }
  return op;
}

// Narrows an ordered domain by "value op c".
void NarrowInterval(Domain& d, expr::CmpOp op, double c) {
  using expr::CmpOp;
  auto raise = [&](double v, bool open) {
    if (v > d.lo || (v == d.lo && open)) {
      d.lo = v;
      d.lo_open = open;
    }
  };
  auto lower = [&](double v, bool open) {
    if (v < d.hi || (v == d.hi && open)) {
      d.hi = v;
      d.hi_open = open;
    }
  };
  switch (op) {
    case CmpOp::kEq: raise(c, false); lower(c, false); break;
    case CmpOp::kLt: lower(c, true); break;
    case CmpOp::kLe: lower(c, false); break;
    case CmpOp::kGt: raise(c, true); break;
    case CmpOp::kGe: raise(c, false); break;
    case CmpOp::kNe:
      // Only a single remaining point can be excluded precisely.
      if (d.lo == c && d.hi == c) d.lo_open = true;
      break;
  }
}

class Analyzer {
 public:
  Analyzer(const Program& p, const ConditionContext& ctx) : p_(p), initial_(InitialEnv(ctx)) {
    parent_.assign(p.nodes.size(), -1);
    for (uint32_t i = 0; i < p.nodes.size(); ++i) {
      const Node& n = p.nodes[i];
      for (uint32_t k = 0; k < n.count; ++k) parent_[p.children[n.first + k]] = static_cast<int>(i);
    }
  }

  bool RootCanBeTrue() { return Standalone(p_.root, true); }

  std::vector<ConditionFinding> Run() {
    Visit(p_.root, true);
    return std::move(findings_);
  }

 private:
  const Program& p_;
  const Env initial_;
  std::vector<int> parent_;
  std::vector<ConditionFinding> findings_;
  // Set by Possible() when a narrowing empties a domain: the atom and the
  // node (or applies_to/dates) that had narrowed the field before.
  uint32_t conflict_at_ = 0;
  int conflict_with_ = kNoOrigin;

  Domain& Field(Env& env, FieldId f) { return env.fields[static_cast<size_t>(f)]; }

  bool Check(Env& env, FieldId f, uint32_t at) {
    Domain& d = Field(env, f);
    if (Satisfiable(d, expr::Field(f).type)) {
      if (d.origin == kNoOrigin) d.origin = static_cast<int>(at);
      return true;
    }
    conflict_at_ = at;
    conflict_with_ = d.origin;
    return false;
  }

  // Can node `idx` evaluate to `want` under `env`? Narrows env with what that requires.
  bool Possible(Env& env, uint32_t idx, bool want) {
    const Node& n = p_.nodes[idx];
    auto child = [&](uint32_t k) { return p_.children[n.first + k]; };
    switch (n.op) {
      case Op::kConst:
        if (n.constant == (want ? Truth::kTrue : Truth::kFalse)) return true;
        conflict_at_ = idx;
        conflict_with_ = kNoOrigin;
        return false;
      case Op::kAnd:
      case Op::kOr: {
        // "and" true and "or" false need every child; otherwise one child suffices.
        const bool all = (n.op == Op::kAnd) == want;
        if (all) {
          for (uint32_t k = 0; k < n.count; ++k) {
            if (!Possible(env, child(k), want)) return false;
          }
          return true;
        }
        for (uint32_t k = 0; k < n.count; ++k) {
          Env copy = env;
          if (Possible(copy, child(k), want)) return true;
        }
        conflict_at_ = idx;
        conflict_with_ = kNoOrigin;
        return false;
      }
      case Op::kNot: return Possible(env, child(0), !want);
      case Op::kAny:
      case Op::kAll: {
        // No items: any() is false and all() is true, whatever the body says.
        if ((n.op == Op::kAny) != want) return true;
        Env inner = env;
        ResetItemFields(inner, initial_);
        return Possible(inner, child(0), want);
      }
      case Op::kBoolField: {
        Domain& d = Field(env, n.lhs.field);
        d.may_absent = false;
        d.values &= Bits().set(want ? 1 : 0);
        return Check(env, n.lhs.field, idx);
      }
      case Op::kKnown: {
        Domain& d = Field(env, n.lhs.field);
        if (expr::IsList(n.type)) {
          // An item's list is unknown only when there is no item at all: a service that gives
          // no subject is judged once with its item unknown (known(item.tags) is false then).
          if (want || expr::Field(n.lhs.field).item_scoped) return true;
          conflict_at_ = idx;
          conflict_with_ = kNoOrigin;
          return false;
        }
        (want ? d.may_absent : d.may_present) = false;
        return Check(env, n.lhs.field, idx);
      }
      case Op::kEmpty: {
        Domain& d = Field(env, n.lhs.field);
        (want ? d.may_nonempty : d.may_empty) = false;
        return Check(env, n.lhs.field, idx);
      }
      case Op::kCompare: return Compare(env, n, idx, want);
      case Op::kInSet: return InSet(env, n, idx, want);
      case Op::kListInSet: {
        const expr::ValueSet& s = *p_.sets[n.set];
        const Bits elements = SetBits(s);
        Domain& d = Field(env, n.lhs.field);
        if (want) {
          d.may_empty = false;
          if ((elements & ~d.forbidden).none()) {
            conflict_at_ = idx;
            conflict_with_ = elements.none() ? kNoOrigin : d.origin;
            return false;
          }
          d.some_of.push_back(elements);
        } else {
          d.forbidden |= elements;
        }
        return Check(env, n.lhs.field, idx);
      }
      case Op::kInListField: {
        Domain& d = Field(env, n.rhs.field);
        if (n.lhs.is_field) {
          Field(env, n.lhs.field).may_absent = false;
          return Check(env, n.lhs.field, idx);
        }
        const size_t bit = static_cast<size_t>(n.lhs.i);
        if (want) {
          d.required.set(bit);
          d.may_empty = false;
        } else {
          d.forbidden.set(bit);
        }
        return Check(env, n.rhs.field, idx);
      }
    }
    return true;
  }

  Bits SetBits(const expr::ValueSet& s) const {
    Bits b;
    switch (s.element) {
      case Type::kCountry: return s.countries;
      case Type::kTag:
        for (size_t i = 0; i < s.tags.size(); ++i) b[i] = s.tags[i];
        return b;
      default:
        for (size_t i = 0; i < 64; ++i) b[i] = (s.enums >> i) & 1U;
        return b;
    }
  }

  bool Compare(Env& env, const Node& n, uint32_t idx, bool want) {
    // Both outcomes need the operands known; otherwise the comparison is unknown.
    Domain& d = Field(env, n.lhs.field);
    d.may_absent = false;
    if (n.rhs.is_field) {
      Field(env, n.rhs.field).may_absent = false;
      return Check(env, n.lhs.field, idx) && Check(env, n.rhs.field, idx);
    }
    const expr::CmpOp op = want ? n.cmp : Negate(n.cmp);
    if (n.type == Type::kNumber || n.type == Type::kDate) {
      NarrowInterval(d, op, n.type == Type::kNumber ? n.rhs.num : static_cast<double>(n.rhs.i));
    } else if (op == expr::CmpOp::kEq) {
      d.values &= Bits().set(static_cast<size_t>(n.rhs.i));
    } else {
      d.values.reset(static_cast<size_t>(n.rhs.i));
    }
    return Check(env, n.lhs.field, idx);
  }

  bool InSet(Env& env, const Node& n, uint32_t idx, bool want) {
    const expr::ValueSet& s = *p_.sets[n.set];
    Domain& d = Field(env, n.lhs.field);
    if (n.type == Type::kHs) {
      // An item without an HS code is in no set.
      if (want) {
        d.may_absent = false;
        d.hs = expr::IntersectIntervals(d.hs, s.hs);
      } else {
        d.hs = Subtract(d.hs, s.hs);
      }
      return Check(env, n.lhs.field, idx);
    }
    d.may_absent = false;
    if (n.type == Type::kNumber || n.type == Type::kDate) {
      if (!want) return Check(env, n.lhs.field, idx);
      double lo = kInf, hi = -kInf;
      auto keep = [&](double v) {
        const bool inside = (v > d.lo || (v == d.lo && !d.lo_open)) && (v < d.hi || (v == d.hi && !d.hi_open));
        if (inside) {
          lo = std::min(lo, v);
          hi = std::max(hi, v);
        }
      };
      for (double v : s.numbers) keep(v);
      for (int32_t v : s.dates) keep(v);
      d.lo = lo;
      d.hi = hi;
      d.lo_open = d.hi_open = false;
      return Check(env, n.lhs.field, idx);
    }
    const Bits elements = SetBits(s);
    if (want) {
      d.values &= elements;
    } else {
      d.values &= ~elements;
    }
    return Check(env, n.lhs.field, idx);
  }

  bool Standalone(uint32_t idx, bool want) {
    Env env = initial_;
    return Possible(env, idx, want);
  }

  std::string Describe(int origin) const {
    if (origin == kFromAppliesTo) return "the rule's applies_to";
    if (origin == kFromDates) return "the rule's effective/until dates";
    return "'" + NodeText(p_, static_cast<uint32_t>(origin)) + "'";
  }

  // Reports the innermost node whose outcome is fixed; returns which outcomes
  // of `idx` were found impossible, so ancestors do not repeat the report.
  struct Reported {
    bool never_true = false, never_false = false;
  };

  Reported Visit(uint32_t idx, bool is_root) {
    const Node& n = p_.nodes[idx];
    Reported inner;
    const bool quantifier = n.op == Op::kAny || n.op == Op::kAll;
    for (uint32_t k = 0; k < n.count; ++k) {
      const Reported r = Visit(p_.children[n.first + k], false);
      // not() flips which outcome its child lacks; with no items any() is
      // false and all() true, so only any()'s truth and all()'s falsity follow the body.
      if (quantifier) {
        if (n.op == Op::kAny) inner.never_true = inner.never_true || r.never_true;
        if (n.op == Op::kAll) inner.never_false = inner.never_false || r.never_false;
        continue;
      }
      if (n.op == Op::kNot) {
        inner.never_true = inner.never_true || r.never_false;
        inner.never_false = inner.never_false || r.never_true;
      } else {
        inner.never_true = inner.never_true || r.never_true;
        inner.never_false = inner.never_false || r.never_false;
      }
    }
    Reported out;
    if (n.op == Op::kConst) return out;  // a literal says what it means
    const std::string what = is_root ? "the condition" : "'" + NodeText(p_, idx) + "'";
    if (!Standalone(idx, true)) {
      out.never_true = true;
      if (!inner.never_true) {
        std::string msg = what + " can never be true";
        if (conflict_with_ != kNoOrigin && conflict_at_ != idx) {
          msg += ": '" + NodeText(p_, conflict_at_) + "' contradicts " + Describe(conflict_with_);
        } else if (conflict_with_ != kNoOrigin) {
          msg += ": it contradicts " + Describe(conflict_with_);
        } else if (IsEmptySet(idx)) {
          msg += ": the set is empty";
        }
        if (is_root) msg += "; the rule never fires";
        findings_.push_back({"lint.never_true", Offset(conflict_at_ != idx && conflict_with_ != kNoOrigin ? conflict_at_ : idx), msg});
      }
    } else if (!Standalone(idx, false)) {
      out.never_false = true;
      if (!inner.never_false) {
        std::string msg = what + " is always true whenever its facts are known";
        if (conflict_with_ == kFromAppliesTo || conflict_with_ == kFromDates) {
          msg += " (given " + Describe(conflict_with_) + ")";
        }
        findings_.push_back({"lint.always_true", Offset(idx), msg});
      }
    }
    return out;
  }

  bool IsEmptySet(uint32_t idx) const {
    const Node& n = p_.nodes[idx];
    return (n.op == Op::kInSet || n.op == Op::kListInSet) && p_.sets[n.set]->size == 0;
  }

  int Offset(uint32_t idx) const {
    for (int i = static_cast<int>(idx); i >= 0; i = parent_[static_cast<size_t>(i)]) {
      const Node& n = p_.nodes[static_cast<size_t>(i)];
      if (n.end > n.begin) return n.begin;
    }
    return 0;
  }
};

}  // namespace

std::vector<ConditionFinding> CheckCondition(const Program& program, const ConditionContext& context) {
  if (program.nodes.empty()) return {};
  return Analyzer(program, context).Run();
}

bool CanBeTrue(const Program& program, const ConditionContext& context) {
  if (program.nodes.empty()) return true;
  return Analyzer(program, context).RootCanBeTrue();
}

}  // namespace sancheck::lint
