// ParseCondition(): condition text → AST with source offsets. The only caller of the X3 grammar.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.hpp"

namespace sancheck::expr {

/// The result of parsing one condition. Offsets are 0-based byte offsets into
/// the condition text; `Begin(node)` gives the first non-blank character.
class ParsedCondition {
 public:
  ast::expression tree;

  int Begin(const ast::x3::position_tagged& node) const;
  int End(const ast::x3::position_tagged& node) const;

  /// Called by the grammar's annotation: records a node's source range.
  void Tag(ast::x3::position_tagged& node, int begin, int end);

 private:
  std::vector<int> offsets_;
};

struct ParseError {
  int offset = 0;        ///< byte offset in the condition text
  std::string message;   ///< e.g. "expected ')' here, found 'and'"
};

/// Limits that bound the parser's work on hostile input.
inline constexpr size_t kMaxConditionLength = 16 * 1024;
inline constexpr int kMaxNesting = 64;

/// Parses `text`; on failure fills `error` and returns false.
bool ParseCondition(std::string_view text, ParsedCondition& out, ParseError& error);

/// Canonical, fully parenthesised form of the tree, for tests and explain:
/// `(and (== from.country KP) (in item.hs [93 8802.60 72..83]))`.
std::string Dump(const ast::expression& tree);

}  // namespace sancheck::expr
