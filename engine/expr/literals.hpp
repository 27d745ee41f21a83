// Literals of the condition language and of pack sets: text → a typed constant, checked.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "expr/program.hpp"
#include "expr/tags.hpp"
#include "expr/types.hpp"

namespace sancheck::expr {

/// 'text', as messages quote what was written.
std::string QuoteLiteral(std::string_view s);

/// Converts a literal's text to a constant of type `t` (enumerator names, decimal numbers,
/// dates, country codes, known tags, true/false); false with a message in `error`.
bool ConvertScalar(Type t, std::string_view text, const TagRegistry& tags, Operand& out, std::string& error);

/// Adds one value written as text (a pack set's element) to `set`, typed by
/// set.element. HS values may be ranges "72..83". Returns false with `error`.
bool AddSetValue(ValueSet& set, std::string_view text, const TagRegistry& tags, std::string& error);

/// The type named in a pack's set definition: hs, country, tag, service, ...
std::optional<Type> ParseSetType(std::string_view name);

}  // namespace sancheck::expr
