// Runs the X3 grammar over a condition and turns X3 failures into positioned ParseErrors.
#include "expr/parser.hpp"

#include "expr/grammar_def.hpp"

#include "common/utf8.hpp"

namespace sancheck::expr {
namespace {

namespace x3 = boost::spirit::x3;

// Stands where annotate_on_success expects an error handler: it only needs
// tag(), which we use to record offsets rather than iterators.
struct Annotator {
  const char* begin;
  ParsedCondition* out;
  template <typename Node>
  void tag(Node& node, const char* first, const char* last) {
    if constexpr (std::is_base_of_v<x3::position_tagged, Node>) {
      out->Tag(node, static_cast<int>(first - begin), static_cast<int>(last - begin));
    }
  }
};

std::string Excerpt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return "end of condition";
  size_t end = offset;
  while (end < text.size() && end - offset < 20 && text[end] != '\n' && text[end] != ' ') ++end;
  if (end == offset) end = offset + 1;
  // Never cut a character in two, and never echo bytes that are not UTF-8.
  for (int k = 0; k < 3 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80; ++k) ++end;
  return "'" + Utf8Sanitized(text.substr(offset, end - offset)) + "'";
}

// The first byte outside quotes that is not ASCII: names, numbers and
// operators are ASCII, so such a byte is an error at its own position
// (and would otherwise reach X3's ASCII-only classifiers).
size_t NonAsciiOutsideQuotes(std::string_view text) {
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote || c == '\n') quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return i;
    }
  }
  return std::string_view::npos;
}

// Parenthesis and bracket depth, checked before parsing so that the
// recursive-descent grammar cannot exhaust the stack.
bool NestingWithinLimit(std::string_view text, int& offset) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(' || c == '[') {
      if (++depth > kMaxNesting) {
        offset = static_cast<int>(i);
        return false;
      }
    } else if (c == ')' || c == ']') {
      --depth;
    }
  }
  return true;
}

size_t SkipBlanks(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  return i;
}

}  // namespace

int ParsedCondition::Begin(const x3::position_tagged& node) const {
  return node.id_first >= 0 && static_cast<size_t>(node.id_first) < offsets_.size()
             ? offsets_[static_cast<size_t>(node.id_first)]
             : 0;
}

int ParsedCondition::End(const x3::position_tagged& node) const {
  return node.id_last >= 0 && static_cast<size_t>(node.id_last) < offsets_.size()
             ? offsets_[static_cast<size_t>(node.id_last)]
             : 0;
}

void ParsedCondition::Tag(x3::position_tagged& node, int begin, int end) {
  node.id_first = static_cast<int>(offsets_.size());
  offsets_.push_back(begin);
  node.id_last = static_cast<int>(offsets_.size());
  offsets_.push_back(end);
}

bool ParseCondition(std::string_view text, ParsedCondition& out, ParseError& error) {
  if (text.size() > kMaxConditionLength) {
    error = {0, "condition is longer than " + std::to_string(kMaxConditionLength) + " bytes"};
    return false;
  }
  int deep_at = 0;
  if (!NestingWithinLimit(text, deep_at)) {
    error = {deep_at, "condition nests deeper than " + std::to_string(kMaxNesting) + " levels"};
    return false;
  }
  if (const size_t at = NonAsciiOutsideQuotes(text); at != std::string_view::npos) {
    error = {static_cast<int>(at), "unexpected non-ASCII character " + Excerpt(text, at) +
                                       " (names, numbers and operators are ASCII; put other text in quotes)"};
    return false;
  }
  const char* const begin = text.data();
  const char* first = begin;
  const char* const last = begin + text.size();
  Annotator annotator{begin, &out};
  grammar::ParseFailure failure;
  const auto parser =
      x3::with<x3::error_handler_tag>(std::ref(annotator))[
          x3::with<grammar::failure_tag>(std::ref(failure))[grammar::condition]];
  bool ok = false;
  try {
    ok = x3::phrase_parse(first, last, parser, grammar::blank, out.tree);
  } catch (const x3::expectation_failure<const char*>& x) {
    failure = {true, x.where(), x.which()};
    ok = false;
  }
  if (failure.failed) {
    const size_t at = SkipBlanks(text, static_cast<size_t>(failure.where - begin));
    error = {static_cast<int>(at), "expected " + failure.which + ", found " + Excerpt(text, at)};
    return false;
  }
  const size_t rest = SkipBlanks(text, static_cast<size_t>(first - begin));
  if (!ok) {
    const size_t at = SkipBlanks(text, 0);
    error = {static_cast<int>(at), at >= text.size() ? "empty condition"
                                                     : "expected a condition, found " + Excerpt(text, at)};
    return false;
  }
  if (rest < text.size()) {
    error = {static_cast<int>(rest), "unexpected " + Excerpt(text, rest) +
                                         " (expected 'and', 'or' or the end of the condition)"};
    return false;
  }
  return true;
}

}  // namespace sancheck::expr
