// CompareConditions(): one program holding "new and not old", asked whether it can ever be true.
#include "impact/condition_relation.hpp"

#include <algorithm>
#include <optional>

#include "expr/fields.hpp"
#include "lint/condition_check.hpp"

namespace sancheck::impact {
namespace {

using expr::Node;
using expr::Op;
using expr::Program;

// Appends `p` to `out` (its children and set indexes moved past what `out` holds); returns the
// index of its root there. A rule without a condition fires whenever it applies: true.
uint32_t Append(Program& out, const Program& p) {
  const auto node_base = static_cast<uint32_t>(out.nodes.size());
  if (p.nodes.empty()) {
    Node truth;
    truth.op = Op::kConst;
    truth.constant = Truth::kTrue;
    out.nodes.push_back(truth);
    return node_base;
  }
  const auto child_base = static_cast<uint32_t>(out.children.size());
  const auto set_base = static_cast<uint32_t>(out.sets.size());
  for (Node n : p.nodes) {
    n.first += child_base;
    n.set += set_base;
    out.nodes.push_back(n);
  }
  for (const uint32_t c : p.children) out.children.push_back(c + node_base);
  out.sets.insert(out.sets.end(), p.sets.begin(), p.sets.end());
  return p.root + node_base;
}

uint32_t AddNode(Program& out, Op op, const std::vector<uint32_t>& children) {
  Node n;
  n.op = op;
  n.first = static_cast<uint32_t>(out.children.size());
  n.count = static_cast<uint32_t>(children.size());
  out.children.insert(out.children.end(), children.begin(), children.end());
  out.nodes.push_back(n);
  return static_cast<uint32_t>(out.nodes.size() - 1);
}

// "a and not b" as one program: its facts are shared, so the analysis narrows a field read by
// both conditions once for both. `negated_first` puts "not b" first.
Program AndNot(const Program& a, const Program& b, bool negated_first) {
  Program out;
  const uint32_t ra = Append(out, a);
  const uint32_t rb = Append(out, b);
  const uint32_t not_b = AddNode(out, Op::kNot, {rb});
  out.root = negated_first ? AddNode(out, Op::kAnd, {not_b, ra}) : AddNode(out, Op::kAnd, {ra, not_b});
  out.item_scoped = a.item_scoped || b.item_scoped;
  return out;
}

// Whether no facts make `a` true and `b` false. The analysis narrows along an and-chain in
// order, and some narrowings see only what came before them (an element required of a list is
// checked against the elements already excluded): both orders are tried, and either proof holds,
// since CanBeTrue is sound in one direction — false means no facts at all make it true.
bool NeverTrueAndNot(const Program& a, const Program& b, const lint::ConditionContext& ctx) {
  return !lint::CanBeTrue(AndNot(a, b, false), ctx) || !lint::CanBeTrue(AndNot(a, b, true), ctx);
}

// Where both versions apply and are in force: elsewhere the rule's dates or activity types
// decide, and the diff reports those.
std::optional<lint::ConditionContext> SharedContext(const rules::Rule& a, const rules::Rule& b) {
  lint::ConditionContext ctx;
  ctx.applies_mask = a.applies_mask & b.applies_mask;
  ctx.effective = std::max(a.info.effective, b.info.effective);
  if (a.info.until && b.info.until) {
    ctx.until = std::min(*a.info.until, *b.info.until);
  } else {
    ctx.until = a.info.until ? a.info.until : b.info.until;
  }
  if (ctx.applies_mask == 0 || (ctx.until && *ctx.until < *ctx.effective)) return std::nullopt;
  return ctx;
}

bool ReadsTags(const Program& p) {
  return std::any_of(p.fields_read.begin(), p.fields_read.end(),
                     [](expr::FieldId f) { return expr::Field(f).type == expr::Type::kTagList; });
}

// Registries grow by appending pack tags to the built-in vocabulary: when one's names begin with
// the other's, a tag both know has the same bit in both.
bool SameTagBits(const expr::TagRegistry& a, const expr::TagRegistry& b) {
  const auto& x = a.names();
  const auto& y = b.names();
  const size_t n = std::min(x.size(), y.size());
  return std::equal(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n), y.begin());
}

}  // namespace

std::string_view RelationName(Relation r) {
  switch (r) {
    case Relation::kEquivalent: return "equivalent";
    case Relation::kNarrower: return "narrower";
    case Relation::kWider: return "wider";
    case Relation::kUnknown: return "unknown";
  }
  return "unknown";
}

Relation CompareConditions(const rules::Rule& before, const rules::Rule& after, const expr::TagRegistry& before_tags,
                           const expr::TagRegistry& after_tags) {
  if ((ReadsTags(before.program) || ReadsTags(after.program)) && !SameTagBits(before_tags, after_tags)) {
    return Relation::kUnknown;
  }
  const auto ctx = SharedContext(before, after);
  if (!ctx) return Relation::kUnknown;  // never both in force: nothing to compare on
  const bool narrower = NeverTrueAndNot(after.program, before.program, *ctx);
  const bool wider = NeverTrueAndNot(before.program, after.program, *ctx);
  if (narrower && wider) return Relation::kEquivalent;
  if (narrower) return Relation::kNarrower;
  if (wider) return Relation::kWider;
  return Relation::kUnknown;
}

}  // namespace sancheck::impact
