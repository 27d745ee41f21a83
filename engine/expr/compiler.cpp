// Type checker and code generator: walks the AST once and emits Program nodes.
#include "expr/compiler.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include <boost/variant/apply_visitor.hpp>
#include <boost/variant/get.hpp>

#include "expr/literals.hpp"
#include "expr/parser.hpp"

namespace sancheck::expr {
namespace {

namespace x3 = boost::spirit::x3;

struct Failure {
  int offset;
  std::string message;
};

std::string Quote(std::string_view s) { return QuoteLiteral(s); }

CmpOp Mirror(CmpOp op) {
  switch (op) {
    case CmpOp::kLt: return CmpOp::kGt;
    case CmpOp::kLe: return CmpOp::kGe;
    case CmpOp::kGt: return CmpOp::kLt;
    case CmpOp::kGe: return CmpOp::kLe;
    default: return op;
  }
}

std::optional<CmpOp> ParseCmp(std::string_view op) {
  if (op == "==") return CmpOp::kEq;
  if (op == "!=") return CmpOp::kNe;
  if (op == "<") return CmpOp::kLt;
  if (op == "<=") return CmpOp::kLe;
  if (op == ">") return CmpOp::kGt;
  if (op == ">=") return CmpOp::kGe;
  return std::nullopt;
}

// Text of a literal operand (name, number, string, date), or nullopt.
std::optional<std::string> LiteralText(const ast::operand& o) {
  if (auto* n = boost::get<ast::name>(&o.get())) return std::string(*n);
  if (auto* n = boost::get<ast::number>(&o.get())) return std::string(*n);
  if (auto* s = boost::get<ast::string_lit>(&o.get())) return std::string(*s);
  if (auto* d = boost::get<ast::date_lit>(&o.get())) return std::string(*d);
  return std::nullopt;
}

class Compiler {
 public:
  Compiler(const ParsedCondition& parsed, const CompileEnv& env, Program& program)
      : parsed_(parsed), env_(env), p_(program) {}

  uint32_t Condition(const ast::expression& e) { return Expr(e); }

 private:
  const ParsedCondition& parsed_;
  const CompileEnv& env_;
  Program& p_;
  int quantifier_depth_ = 0;

  template <typename NodeT>
  int At(const NodeT& n) const {
    return parsed_.Begin(n);
  }
  int At(const ast::operand& o) const {
    return boost::apply_visitor(
        [this](const auto& n) -> int {
          using N = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<N, ast::nil>) {
            return 0;
          } else if constexpr (std::is_base_of_v<ast::x3::position_tagged, N>) {
            return parsed_.Begin(n);
          } else {
            return parsed_.Begin(n.get());  // forward_ast
          }
        },
        o.get());
  }
  template <typename NodeT>
  int EndOf(const NodeT& n) const {
    return parsed_.End(n);
  }

  [[noreturn]] static void Fail(int offset, std::string message) {
    throw Failure{offset, std::move(message)};
  }

  uint32_t Emit(Node n) {
    p_.nodes.push_back(n);
    return static_cast<uint32_t>(p_.nodes.size() - 1);
  }

  uint32_t EmitWithChildren(Node n, const std::vector<uint32_t>& kids) {
    n.first = static_cast<uint32_t>(p_.children.size());
    n.count = static_cast<uint32_t>(kids.size());
    p_.children.insert(p_.children.end(), kids.begin(), kids.end());
    return Emit(n);
  }

  void NoteField(const FieldInfo& f) {
    if (f.item_scoped && quantifier_depth_ == 0) p_.item_scoped = true;
    for (FieldId id : p_.fields_read) {
      if (id == f.id) return;
    }
    p_.fields_read.push_back(f.id);
  }

  // The bare name an argument consists of: each precedence level wraps a
  // lone operand in one more expression node.
  static const ast::name* SingleName(const ast::expression& e) {
    const ast::expression* cur = &e;
    while (cur->rest.empty()) {
      if (auto* n = boost::get<ast::name>(&cur->first.get())) return n;
      auto* inner = boost::get<x3::forward_ast<ast::expression>>(&cur->first.get());
      if (!inner) return nullptr;
      cur = &inner->get();
    }
    return nullptr;
  }

  // The field named by an operand, if it is a name that is a field.
  std::optional<FieldInfo> FieldOf(const ast::operand& o) const {
    if (auto* n = boost::get<ast::name>(&o.get())) return FindField(*n);
    return std::nullopt;
  }

  [[noreturn]] void UnknownName(const ast::name& n) const {
    std::string msg = "unknown field " + Quote(n);
    const auto suggestion = SuggestField(n);
    if (!suggestion.empty()) msg += " (did you mean " + Quote(suggestion) + "?)";
    Fail(parsed_.Begin(n), msg);
  }

  uint32_t Expr(const ast::expression& e) {
    if (e.rest.empty()) return Bool(e.first);
    const std::string& op = e.rest.front().op;
    if (op == "and" || op == "or") {
      std::vector<uint32_t> kids{Bool(e.first)};
      for (const auto& step : e.rest) kids.push_back(Bool(step.operand_));
      Node n;
      n.op = op == "and" ? Op::kAnd : Op::kOr;
      n.begin = parsed_.Begin(e);
      n.end = parsed_.End(e);
      return EmitWithChildren(n, kids);
    }
    if (e.rest.size() > 1) {
      Fail(parsed_.Begin(e.rest[1]), "comparisons cannot be chained; join them with 'and'");
    }
    const uint32_t idx = Comparison(e.first, e.rest.front());
    p_.nodes[idx].begin = parsed_.Begin(e);
    p_.nodes[idx].end = parsed_.End(e);
    return idx;
  }

  uint32_t Bool(const ast::operand& o) {
    const auto& v = o.get();
    if (auto* e = boost::get<x3::forward_ast<ast::expression>>(&v)) return Expr(e->get());
    if (auto* u = boost::get<x3::forward_ast<ast::unary>>(&v)) {
      Node n;
      n.op = Op::kNot;
      n.begin = parsed_.Begin(u->get());
      n.end = parsed_.End(u->get());
      return EmitWithChildren(n, {Bool(u->get().operand_)});
    }
    if (auto* c = boost::get<x3::forward_ast<ast::call>>(&v)) return Call(c->get());
    if (auto* name = boost::get<ast::name>(&v)) {
      Node n;
      n.begin = parsed_.Begin(*name);
      n.end = parsed_.End(*name);
      if (*name == "true" || *name == "false") {
        n.op = Op::kConst;
        n.constant = *name == "true" ? Truth::kTrue : Truth::kFalse;
        return Emit(n);
      }
      const auto f = FindField(*name);
      if (!f) UnknownName(*name);
      if (f->type != Type::kBool) {
        Fail(n.begin, Quote(*name) + " is a " + std::string(TypeName(f->type)) +
                          ", not a condition; compare it with something");
      }
      NoteField(*f);
      n.op = Op::kBoolField;
      n.lhs.is_field = true;
      n.lhs.field = f->id;
      return Emit(n);
    }
    Fail(At(o), "expected a condition here, found a value");
  }

  uint32_t Call(const ast::call& c) {
    const int at = parsed_.Begin(c);
    const std::string& fn = c.function;
    if (c.args.size() != 1) Fail(at, Quote(fn) + " takes exactly one argument");
    Node n;
    n.begin = at;
    n.end = parsed_.End(c);
    if (fn == "any" || fn == "all") {
      ++quantifier_depth_;
      const uint32_t body = Expr(c.args[0]);
      --quantifier_depth_;
      n.op = fn == "any" ? Op::kAny : Op::kAll;
      return EmitWithChildren(n, {body});
    }
    if (fn == "known" || fn == "empty") {
      const auto& arg = c.args[0];
      const ast::name* name = SingleName(arg);
      if (!name) Fail(parsed_.Begin(arg), Quote(fn) + " takes a field name");
      const auto f = FindField(*name);
      if (!f) UnknownName(*name);
      if (fn == "empty" && !IsList(f->type)) {
        Fail(parsed_.Begin(*name), "'empty' takes a list field; " + Quote(*name) + " is a " +
                                       std::string(TypeName(f->type)));
      }
      NoteField(*f);
      n.op = fn == "known" ? Op::kKnown : Op::kEmpty;
      n.lhs.is_field = true;
      n.lhs.field = f->id;
      n.type = f->type;
      return Emit(n);
    }
    Fail(at, "unknown function " + Quote(fn) + " (expected any, all, known or empty)");
  }

  Operand ConstantOf(Type t, const ast::operand& o) {
    const auto text = LiteralText(o);
    if (!text) {
      Fail(At(o), "expected a " + std::string(TypeName(t)) + " value here");
    }
    if (t == Type::kHs) Fail(At(o), "internal: HS constants are sets");
    Operand out;
    std::string error;
    if (!ConvertScalar(t, *text, *env_.tags, out, error)) Fail(At(o), error);
    return out;
  }

  uint32_t Comparison(const ast::operand& lhs, const ast::operation& step) {
    const ast::operand& rhs = step.operand_;
    if (step.op == "in" || step.op == "not in") {
      const uint32_t idx = Membership(lhs, rhs);
      if (step.op == "in") return idx;
      Node n;
      n.op = Op::kNot;
      return EmitWithChildren(n, {idx});
    }
    const CmpOp cmp = *ParseCmp(step.op);
    auto lf = FieldOf(lhs);
    auto rf = FieldOf(rhs);
    const ast::operand* field_side = &lhs;
    const ast::operand* other = &rhs;
    CmpOp op = cmp;
    if (!lf && rf) {
      std::swap(field_side, other);
      std::swap(lf, rf);
      op = Mirror(cmp);
    }
    if (!lf) {
      if (auto* n = boost::get<ast::name>(&lhs.get())) UnknownName(*n);
      Fail(At(lhs), "a comparison needs a field on one side");
    }
    const Type t = lf->type;
    if (IsList(t)) {
      Fail(At(*field_side), Quote(lf->name) + " is a " + std::string(TypeName(t)) +
                                "; test membership with 'in', e.g. KP in " + std::string(lf->name));
    }
    if (op != CmpOp::kEq && op != CmpOp::kNe && !IsOrdered(t)) {
      Fail(parsed_.Begin(step), "'" + step.op + "' needs numbers or dates; " + Quote(lf->name) +
                                    " is a " + std::string(TypeName(t)));
    }
    NoteField(*lf);
    Node n;
    n.type = t;
    n.lhs.is_field = true;
    n.lhs.field = lf->id;
    if (t == Type::kHs) {
      // item.hs == 93 reads as "is under chapter 93": a one-element set.
      if (rf) Fail(At(*other), "HS codes are compared with constants only");
      const uint32_t idx = SetFromList(t, {*other});
      Node in;
      in.op = Op::kInSet;
      in.type = t;
      in.lhs = n.lhs;
      in.set = idx;
      const uint32_t node = Emit(in);
      if (op == CmpOp::kEq) return node;
      Node neg;
      neg.op = Op::kNot;
      return EmitWithChildren(neg, {node});
    }
    if (rf) {
      if (rf->type != t) {
        Fail(At(*other), "cannot compare " + Quote(lf->name) + " (" + std::string(TypeName(t)) +
                             ") with " + Quote(rf->name) + " (" + std::string(TypeName(rf->type)) + ")");
      }
      NoteField(*rf);
      n.rhs.is_field = true;
      n.rhs.field = rf->id;
    } else {
      n.rhs = ConstantOf(t, *other);
    }
    n.op = Op::kCompare;
    n.cmp = op;
    return Emit(n);
  }

  uint32_t Membership(const ast::operand& lhs, const ast::operand& rhs) {
    const auto lf = FieldOf(lhs);
    const auto& rv = rhs.get();
    // x in <list field>: the left side is a constant or a scalar field.
    if (auto rf = FieldOf(rhs)) {
      if (!IsList(rf->type)) {
        Fail(At(rhs), Quote(rf->name) + " is a " + std::string(TypeName(rf->type)) +
                          ", not a list; use == to compare");
      }
      NoteField(*rf);
      Node n;
      n.op = Op::kInListField;
      n.type = ElementType(rf->type);
      n.rhs.is_field = true;
      n.rhs.field = rf->id;
      if (lf) {
        if (lf->type != n.type) {
          Fail(At(lhs), Quote(lf->name) + " is a " + std::string(TypeName(lf->type)) + "; " +
                            Quote(rf->name) + " holds " + std::string(TypeName(n.type)) + " values");
        }
        NoteField(*lf);
        n.lhs.is_field = true;
        n.lhs.field = lf->id;
      } else {
        n.lhs = ConstantOf(n.type, lhs);
      }
      return Emit(n);
    }
    if (!lf) {
      if (auto* n = boost::get<ast::name>(&lhs.get())) UnknownName(*n);
      Fail(At(lhs), "the left side of 'in' must be a field");
    }
    NoteField(*lf);
    const Type element = IsList(lf->type) ? ElementType(lf->type) : lf->type;
    if (element == Type::kBool) Fail(At(lhs), "'in' does not apply to a boolean");
    uint32_t set = 0;
    if (auto* ref = boost::get<ast::set_ref>(&rv)) {
      set = NamedSet(*ref, element);
    } else if (auto* list = boost::get<x3::forward_ast<ast::list_lit>>(&rv)) {
      set = SetFromList(element, list->get().elements);
    } else {
      Fail(At(rhs), "expected a list [..], a set $name or a list field after 'in'");
    }
    Node n;
    n.op = IsList(lf->type) ? Op::kListInSet : Op::kInSet;
    n.type = element;
    n.lhs.is_field = true;
    n.lhs.field = lf->id;
    n.set = set;
    return Emit(n);
  }

  uint32_t NamedSet(const ast::set_ref& ref, Type element) {
    const auto it = env_.sets ? env_.sets->find(ref.name) : decltype(env_.sets->end()){};
    if (!env_.sets || it == env_.sets->end()) {
      Fail(parsed_.Begin(ref), "undefined set " + Quote("$" + ref.name));
    }
    if (it->second->element != element) {
      Fail(parsed_.Begin(ref), "set " + Quote("$" + ref.name) + " holds " +
                                   std::string(TypeName(it->second->element)) + " values, not " +
                                   std::string(TypeName(element)) + " values");
    }
    bool seen = false;
    for (const auto& s : p_.sets_used) seen = seen || s == ref.name;
    if (!seen) p_.sets_used.push_back(ref.name);
    p_.sets.push_back(it->second);
    return static_cast<uint32_t>(p_.sets.size() - 1);
  }

  uint32_t SetFromList(Type element, const std::vector<ast::operand>& elements) {
    auto set = std::make_shared<ValueSet>();
    set->element = element;
    for (const auto& e : elements) {
      std::string text;
      if (auto* r = boost::get<ast::range>(&e.get())) {
        if (element != Type::kHs) Fail(At(e), "ranges a..b are only for HS codes");
        text = r->lo + ".." + r->hi;
      } else if (auto t = LiteralText(e)) {
        text = *t;
      } else {
        Fail(At(e), "expected a " + std::string(TypeName(element)) + " value in the list");
      }
      std::string error;
      if (!AddSetValue(*set, text, *env_.tags, error)) Fail(At(e), error);
    }
    set->Normalize();
    p_.sets.push_back(std::move(set));
    return static_cast<uint32_t>(p_.sets.size() - 1);
  }
};

}  // namespace

std::optional<Program> Compile(std::string_view text, const CompileEnv& env, CompileError& error) {
  ParsedCondition parsed;
  ParseError parse_error;
  if (!ParseCondition(text, parsed, parse_error)) {
    error = {parse_error.offset, parse_error.message};
    return std::nullopt;
  }
  Program program;
  program.text = std::string(text);
  try {
    Compiler compiler(parsed, env, program);
    program.root = compiler.Condition(parsed.tree);
  } catch (const Failure& f) {
    error = {f.offset, f.message};
    return std::nullopt;
  }
  return program;
}

}  // namespace sancheck::expr
