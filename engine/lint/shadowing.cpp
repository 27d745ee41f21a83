// FindShadowedRules(): syntactic implication between rule conditions, with verdict, scope and date checks.
#include "lint/shadowing.hpp"

#include <algorithm>
#include <limits>

#include "expr/fields.hpp"

namespace sancheck::lint {
namespace {

using expr::Node;
using expr::Op;
using expr::Program;
using expr::Type;

std::string SetKey(const expr::ValueSet& s) {
  if (!s.name.empty()) return "$" + s.name;
  std::string out = "[";
  out += s.countries.to_string() + "|" + s.tags.to_string() + "|" + std::to_string(s.enums) + "|";
  for (const auto& [lo, hi] : s.hs) out += std::to_string(lo) + ".." + std::to_string(hi) + ",";
  for (double d : s.numbers) out += std::to_string(d) + ",";
  for (int32_t d : s.dates) out += std::to_string(d) + ",";
  return out + "]";
}

std::string OperandKey(const expr::Operand& o, Type t) {
  if (o.is_field) return std::string(expr::Field(o.field).name);
  return t == Type::kNumber ? std::to_string(o.num) : std::to_string(o.i);
}

bool Subset(const expr::ValueSet& a, const expr::ValueSet& b) {
  if (a.element != b.element) return false;
  switch (a.element) {
    case Type::kCountry: return (a.countries & ~b.countries).none();
    case Type::kTag: return (a.tags & ~b.tags).none();
    case Type::kHs:
      for (const auto& [lo, hi] : a.hs) {
        const bool inside = std::any_of(b.hs.begin(), b.hs.end(),
                                        // Copies: clang before 16 cannot capture structured bindings.
                                        [lo = lo, hi = hi](const auto& iv) { return iv.first <= lo && hi <= iv.second; });
        if (!inside) return false;
      }
      return true;
    case Type::kNumber:
      return std::all_of(a.numbers.begin(), a.numbers.end(), [&](double v) {
        return std::find(b.numbers.begin(), b.numbers.end(), v) != b.numbers.end();
      });
    case Type::kDate:
      return std::all_of(a.dates.begin(), a.dates.end(), [&](int32_t v) {
        return std::find(b.dates.begin(), b.dates.end(), v) != b.dates.end();
      });
    default: return (a.enums & ~b.enums) == 0;
  }
}

bool Contains(const expr::ValueSet& s, const Node& eq) {
  const auto bit = static_cast<size_t>(eq.rhs.i);
  switch (s.element) {
    case Type::kCountry: return bit < s.countries.size() && s.countries.test(bit);
    case Type::kNumber: return std::find(s.numbers.begin(), s.numbers.end(), eq.rhs.num) != s.numbers.end();
    case Type::kDate: return std::find(s.dates.begin(), s.dates.end(), eq.rhs.i) != s.dates.end();
    case Type::kTag: case Type::kHs: return false;
    default: return bit < 64 && ((s.enums >> bit) & 1U);
  }
}

// The values satisfying "x op c" for ordered types, as an interval.
struct Interval {
  double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
  bool lo_open = false, hi_open = false;
};

std::optional<Interval> IntervalOf(const Node& n) {
  if (n.op != Op::kCompare || n.rhs.is_field || (n.type != Type::kNumber && n.type != Type::kDate)) {
    return std::nullopt;
  }
  const double c = n.type == Type::kNumber ? n.rhs.num : static_cast<double>(n.rhs.i);
  Interval iv;
  switch (n.cmp) {
    case expr::CmpOp::kEq: iv.lo = iv.hi = c; break;
    case expr::CmpOp::kLt: iv.hi = c; iv.hi_open = true; break;
    case expr::CmpOp::kLe: iv.hi = c; break;
    case expr::CmpOp::kGt: iv.lo = c; iv.lo_open = true; break;
    case expr::CmpOp::kGe: iv.lo = c; break;
    case expr::CmpOp::kNe: return std::nullopt;
  }
  return iv;
}

bool Within(const Interval& a, const Interval& b) {
  const bool lo_ok = a.lo > b.lo || (a.lo == b.lo && (a.lo_open || !b.lo_open));
  const bool hi_ok = a.hi < b.hi || (a.hi == b.hi && (a.hi_open || !b.hi_open));
  return lo_ok && hi_ok;
}

void Conjuncts(const Program& p, uint32_t idx, std::vector<uint32_t>& out) {
  const Node& n = p.nodes[idx];
  if (n.op == Op::kAnd) {
    for (uint32_t k = 0; k < n.count; ++k) Conjuncts(p, p.children[n.first + k], out);
  } else {
    out.push_back(idx);
  }
}

// Does conjunct `ia` of program `a` imply conjunct `ib` of program `b`?
bool Implies(const Program& a, uint32_t ia, const Program& b, uint32_t ib) {
  const Node& na = a.nodes[ia];
  const Node& nb = b.nodes[ib];
  if (nb.op == Op::kConst && nb.constant == Truth::kTrue) return true;
  if (Canonical(a, ia) == Canonical(b, ib)) return true;
  const bool same_field = na.lhs.is_field && nb.lhs.is_field && na.lhs.field == nb.lhs.field;
  if (!same_field) return false;
  if (na.op == nb.op && (na.op == Op::kInSet || na.op == Op::kListInSet)) {
    return Subset(*a.sets[na.set], *b.sets[nb.set]);
  }
  if (na.op == Op::kCompare && na.cmp == expr::CmpOp::kEq && !na.rhs.is_field && nb.op == Op::kInSet &&
      na.type != Type::kHs) {
    return Contains(*b.sets[nb.set], na);
  }
  const auto ra = IntervalOf(na), rb = IntervalOf(nb);
  return ra && rb && Within(*ra, *rb);
}

bool ConditionImplies(const Program& a, const Program& b) {
  std::vector<uint32_t> ca, cb;
  Conjuncts(a, a.root, ca);
  Conjuncts(b, b.root, cb);
  return std::all_of(cb.begin(), cb.end(), [&](uint32_t ib) {
    return std::any_of(ca.begin(), ca.end(), [&](uint32_t ia) { return Implies(a, ia, b, ib); });
  });
}

bool ShadowedBy(const rules::Rule& a, const rules::Rule& b) {
  if (&a == &b || a.cap || b.cap) return false;
  if (b.info.verdict < a.info.verdict) return false;
  if ((a.applies_mask & ~b.applies_mask) != 0) return false;
  if ((b.exemption_mask & ~a.exemption_mask) != 0) return false;
  if (b.info.effective > a.info.effective) return false;
  if (b.info.until && (!a.info.until || *a.info.until > *b.info.until)) return false;
  return ConditionImplies(a.program, b.program);
}

}  // namespace

std::string Canonical(const Program& p, uint32_t idx) {
  const Node& n = p.nodes[idx];
  auto kids = [&](const char* name) {
    std::vector<std::string> parts;
    for (uint32_t k = 0; k < n.count; ++k) parts.push_back(Canonical(p, p.children[n.first + k]));
    if (n.op == Op::kAnd || n.op == Op::kOr) std::sort(parts.begin(), parts.end());
    std::string out = std::string("(") + name;
    for (const auto& s : parts) out += " " + s;
    return out + ")";
  };
  switch (n.op) {
    case Op::kConst: return n.constant == Truth::kTrue ? "true" : "false";
    case Op::kAnd: return kids("and");
    case Op::kOr: return kids("or");
    case Op::kNot: return kids("not");
    case Op::kAny: return kids("any");
    case Op::kAll: return kids("all");
    case Op::kBoolField: return std::string(expr::Field(n.lhs.field).name);
    case Op::kCompare:
      return "(cmp " + OperandKey(n.lhs, n.type) + " " + std::to_string(static_cast<int>(n.cmp)) + " " +
             OperandKey(n.rhs, n.type) + ")";
    case Op::kInSet:
    case Op::kListInSet:
      return "(in " + std::string(expr::Field(n.lhs.field).name) + " " + SetKey(*p.sets[n.set]) + ")";
    case Op::kInListField:
      return "(member " + OperandKey(n.lhs, n.type) + " " + std::string(expr::Field(n.rhs.field).name) + ")";
    case Op::kKnown: return "(known " + std::string(expr::Field(n.lhs.field).name) + ")";
    case Op::kEmpty: return "(empty " + std::string(expr::Field(n.lhs.field).name) + ")";
  }
  return "?";
}

std::vector<Shadowing> FindShadowedRules(const rules::RuleSet& set) {
  std::vector<Shadowing> out;
  for (const auto& a : set.rules) {
    for (const auto& b : set.rules) {
      if (!ShadowedBy(a, b)) continue;
      // Mutual shadowing (duplicates): keep the earlier id, report the later one.
      if (ShadowedBy(b, a) && a.info.id < b.info.id) continue;
      out.push_back({&a, &b});
      break;
    }
  }
  return out;
}

}  // namespace sancheck::lint
