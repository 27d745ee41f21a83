// The condition language's grammar in Boost.Spirit X3: text → ast::expression.
//
// Precedence, loosest first: or, and, not, comparison (== != < <= > >= in, not in).
// No semantic actions: rules only build the AST; positions are recorded by
// annotate_on_success into the error handler's position cache. Included only
// by engine/expr/parser.cpp, the one translation unit that instantiates it.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>
#include <boost/spirit/home/x3/support/utility/error_reporting.hpp>

#include "expr/ast.hpp"
#include "expr/ast_adapted.hpp"

namespace sancheck::expr::grammar {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::char_;
using x3::lexeme;
using x3::lit;
using x3::repeat;

/// Where an expectation failed, for the parser's error message.
struct ParseFailure {
  bool failed = false;
  const char* where = nullptr;
  std::string which;
};
struct failure_tag;

/// The top rule's error handler: records the failure instead of printing it.
struct report_failure {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, const Iterator&, const Exception& x,
                                    const Context& context) {
    auto& failure = x3::get<failure_tag>(context).get();
    if (!failure.failed) {
      failure.failed = true;
      failure.where = &*x.where();
      failure.which = x.which();
    }
    return x3::error_handler_result::fail;
  }
};

// Rule IDs. Every rule that yields a position_tagged node annotates it.
struct condition_class : x3::annotate_on_success, report_failure {};
struct or_class : x3::annotate_on_success {};
struct and_class : x3::annotate_on_success {};
struct cmp_class : x3::annotate_on_success {};
struct level_not_class {};
struct unary_class : x3::annotate_on_success {};
struct or_step_class : x3::annotate_on_success {};
struct and_step_class : x3::annotate_on_success {};
struct cmp_step_class : x3::annotate_on_success {};
struct primary_class {};
struct element_class {};
struct name_class : x3::annotate_on_success {};
struct number_class : x3::annotate_on_success {};
struct date_class : x3::annotate_on_success {};
struct string_class : x3::annotate_on_success {};
struct set_ref_class : x3::annotate_on_success {};
struct range_class : x3::annotate_on_success {};
struct list_class : x3::annotate_on_success {};
struct call_class : x3::annotate_on_success {};
struct cmp_op_class {};

// Friendly names: they appear in "expected ..." messages.
const x3::rule<condition_class, ast::expression> condition = "condition";
const x3::rule<or_class, ast::expression> or_expr = "expression";
const x3::rule<and_class, ast::expression> and_expr = "expression";
const x3::rule<cmp_class, ast::expression> cmp_expr = "comparison";
const x3::rule<level_not_class, ast::operand> level_not = "expression";
const x3::rule<unary_class, ast::unary> unary = "'not' expression";
const x3::rule<or_step_class, ast::operation> or_step = "'or' expression";
const x3::rule<and_step_class, ast::operation> and_step = "'and' expression";
const x3::rule<cmp_step_class, ast::operation> cmp_step = "comparison";
const x3::rule<cmp_op_class, std::string> cmp_op = "comparison operator";
const x3::rule<primary_class, ast::operand> primary = "value";
const x3::rule<element_class, ast::operand> element = "list element";
const x3::rule<name_class, ast::name> name = "name";
const x3::rule<number_class, ast::number> number = "number";
const x3::rule<date_class, ast::date_lit> date = "date";
const x3::rule<string_class, ast::string_lit> string_lit = "string";
const x3::rule<set_ref_class, ast::set_ref> set_ref = "set reference";
const x3::rule<range_class, ast::range> range = "range";
const x3::rule<list_class, ast::list_lit> list = "list";
const x3::rule<call_class, ast::call> call = "function call";

// ASCII classes as explicit ranges: X3's standard-encoding classifiers
// (alpha, digit, space) assert on bytes >= 0x80, and a condition may hold UTF-8
// inside quoted strings (or, from a hostile file, anywhere). A range test just
// fails on such a byte, so the parser reports it instead of aborting.
const auto digit = char_('0', '9');
const auto alpha = char_('a', 'z') | char_('A', 'Z');
const auto alnum = alpha | digit;
/// The skipper between tokens (in place of x3::space).
const auto blank = lit(' ') | lit('\t') | lit('\r') | lit('\n');

// A keyword is a whole word: "android" is a name, not "and" + "roid".
inline auto Keyword(const char* word) {
  return lexeme[lit(word) >> !(alnum | char_('_') | char_('-') | char_('.'))];
}
const auto kw_and = Keyword("and");
const auto kw_or = Keyword("or");
const auto kw_not = Keyword("not");
const auto kw_in = Keyword("in");
const auto keyword = kw_and | kw_or | kw_not | kw_in;
const auto word_char = alnum | char_('_') | char_('-');

const auto condition_def = or_expr;
const auto or_expr_def = and_expr >> *or_step;
const auto or_step_def = (kw_or >> attr(std::string("or"))) > and_expr;
const auto and_expr_def = level_not >> *and_step;
const auto and_step_def = (kw_and >> attr(std::string("and"))) > level_not;
const auto level_not_def = unary | cmp_expr;
const auto unary_def = (kw_not >> attr(std::string("not"))) > level_not;
const auto cmp_expr_def = primary >> *cmp_step;
const auto cmp_step_def = cmp_op > primary;
const auto cmp_op_def = x3::string("==") | x3::string("!=") | x3::string("<=") |
                        x3::string(">=") | x3::string("<") | x3::string(">") |
                        (kw_not >> kw_in >> attr(std::string("not in"))) |
                        (kw_in >> attr(std::string("in")));

const auto primary_def = (lit('(') > or_expr > lit(')')) | call | list | date | range | number |
                         string_lit | set_ref | name;
const auto element_def = date | range | number | string_lit | set_ref | name;

const auto name_def =
    lexeme[!keyword >> (alpha | char_('_')) >> *(word_char | char_('.'))];
// The fraction is taken only when a digit follows the dot, so "72..83" is
// the range 72 to 83 and no stray '.' lands in the number's text.
const auto number_def = lexeme[-char_('-') >> +digit >>
                               -(&(lit('.') >> digit) >> char_('.') >> +digit) >>
                               !(alpha | char_('_'))];
const auto date_def = lexeme[repeat(4)[digit] >> char_('-') >> repeat(2)[digit] >> char_('-') >>
                             repeat(2)[digit] >> !word_char];
const auto string_lit_def = lexeme[lit('"') > *(char_ - '"' - '\n') > lit('"')] |
                            lexeme[lit('\'') > *(char_ - '\'' - '\n') > lit('\'')];
const auto set_ref_def = lexeme[char_('$') > +(word_char | char_('.'))];
const auto range_def = (number >> lit("..")) > number;
const auto list_def = char_('[') > -(element % ',') > lit(']');
const auto call_def = (lexeme[!keyword >> +(alpha | char_('_'))] >> lit('(')) >
                      -(or_expr % ',') > lit(')');

BOOST_SPIRIT_DEFINE(condition, or_expr, or_step, and_expr, and_step, level_not, unary, cmp_expr,
                    cmp_step, cmp_op, primary, element, name, number, date, string_lit, set_ref,
                    range, list, call)

}  // namespace sancheck::expr::grammar
