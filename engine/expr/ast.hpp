// The condition language's syntax tree: plain structs filled by the X3 grammar (engine/expr/grammar_def.hpp).
//
// Positions: every node derives from x3::position_tagged; the parser's
// position cache maps a node to its source range, which the compiler turns
// into offsets inside the condition text for diagnostics.
#pragma once

#include <string>
#include <vector>

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace sancheck::expr::ast {

namespace x3 = boost::spirit::x3;

struct nil {};

// Token nodes derive from std::string so X3 fills them as containers of
// characters (single-member Fusion structs are fragile in X3).
struct name : std::string, x3::position_tagged {};        // from.country, item.hs, KP, arms
struct number : std::string, x3::position_tagged {};      // raw text: 500, 2.5, 8802.60, 03
struct string_lit : std::string, x3::position_tagged {};  // "arms" or 'arms', quotes removed
struct date_lit : std::string, x3::position_tagged {};    // 2016-03-02

struct set_ref : x3::position_tagged {  // $arms-hs
  char sigil = '$';
  std::string name;
};

struct range : x3::position_tagged {  // 72..83
  number lo;
  number hi;
};

struct list_lit;
struct call;
struct unary;
struct expression;

struct operand
    : x3::variant<nil, name, set_ref, number, string_lit, date_lit, range, x3::forward_ast<list_lit>,
                  x3::forward_ast<call>, x3::forward_ast<unary>, x3::forward_ast<expression>> {
  using base_type::base_type;
  using base_type::operator=;
};

struct list_lit : x3::position_tagged {  // [93, 8802.60, 72..83]
  char open = '[';
  std::vector<operand> elements;
};

struct unary : x3::position_tagged {  // not <operand>
  std::string op;
  operand operand_;
};

struct operation : x3::position_tagged {  // one "op rhs" step: or, and, ==, !=, <, <=, >, >=, in, not in
  std::string op;
  operand operand_;
};

struct expression : x3::position_tagged {  // first (op rhs)*, one precedence level
  operand first;
  std::vector<operation> rest;
};

struct call : x3::position_tagged {  // any(...), all(...), known(...), empty(...)
  std::string function;
  std::vector<expression> args;
};

}  // namespace sancheck::expr::ast
