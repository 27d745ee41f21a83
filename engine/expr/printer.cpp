// Dump(): the canonical s-expression form of a condition AST, used by grammar tests and explain.
#include <boost/variant/apply_visitor.hpp>

#include "expr/parser.hpp"

namespace sancheck::expr {
namespace {

struct Printer {
  std::string& out;

  void operator()(const ast::nil&) const { out += "nil"; }
  void operator()(const ast::name& n) const { out += n; }
  void operator()(const ast::number& n) const { out += n; }
  void operator()(const ast::date_lit& d) const { out += d; }
  void operator()(const ast::string_lit& s) const { out += '"' + static_cast<const std::string&>(s) + '"'; }
  void operator()(const ast::set_ref& s) const { out += '$' + s.name; }
  void operator()(const ast::range& r) const { out += r.lo + ".." + r.hi; }
  void operator()(const ast::list_lit& l) const {
    out += '[';
    for (size_t i = 0; i < l.elements.size(); ++i) {
      if (i) out += ' ';
      boost::apply_visitor(*this, l.elements[i]);
    }
    out += ']';
  }
  void operator()(const ast::call& c) const {
    out += '(' + c.function;
    for (const auto& a : c.args) {
      out += ' ';
      (*this)(a);
    }
    out += ')';
  }
  void operator()(const ast::unary& u) const {
    out += "(" + u.op + " ";
    boost::apply_visitor(*this, u.operand_);
    out += ')';
  }
  // One precedence level: a chain of the same operator prints as one n-ary
  // node, so "a or b or c" is (or a b c).
  void operator()(const ast::expression& e) const {
    if (e.rest.empty()) {
      boost::apply_visitor(*this, e.first);
      return;
    }
    std::string acc;
    {
      Printer p{acc};
      boost::apply_visitor(p, e.first);
    }
    size_t i = 0;
    while (i < e.rest.size()) {
      const std::string& op = e.rest[i].op;
      std::string node = "(" + op + " " + acc;
      while (i < e.rest.size() && e.rest[i].op == op) {
        node += ' ';
        Printer p{node};
        boost::apply_visitor(p, e.rest[i].operand_);
        ++i;
        if (op != "and" && op != "or") break;  // comparisons do not chain
      }
      acc = node + ")";
    }
    out += acc;
  }
};

}  // namespace

std::string Dump(const ast::expression& tree) {
  std::string out;
  Printer{out}(tree);
  return out;
}

}  // namespace sancheck::expr
