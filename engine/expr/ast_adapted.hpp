// Boost.Fusion adaptation of the condition AST, kept apart so ast.hpp stays light.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "expr/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::set_ref, sigil, name)
BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::range, lo, hi)
BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::list_lit, open, elements)
BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::unary, op, operand_)
BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::operation, op, operand_)
BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(sancheck::expr::ast::call, function, args)
