// Compile(): condition text → type-checked Program, resolving fields, literals and named sets once.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "expr/literals.hpp"
#include "expr/program.hpp"
#include "expr/tags.hpp"

namespace sancheck::expr {

/// What a condition may refer to besides the built-in fields.
struct CompileEnv {
  const TagRegistry* tags = nullptr;
  const std::map<std::string, std::shared_ptr<const ValueSet>, std::less<>>* sets = nullptr;
};

struct CompileError {
  int offset = 0;  ///< byte offset inside the condition text
  std::string message;
};

/// Parses, type-checks and compiles `text`. On failure returns nullopt and
/// fills `error` (the first error, positioned inside the text).
std::optional<Program> Compile(std::string_view text, const CompileEnv& env, CompileError& error);

}  // namespace sancheck::expr
