// NodeText(): the source text of one node of a compiled condition, for diagnostics and explanations.
#pragma once

#include <cstdint>
#include <string>

#include "expr/program.hpp"

namespace sancheck::expr {

/// The condition text of `node` (or of its nearest ancestor that has a source range), on one
/// line with its indentation collapsed.
std::string NodeText(const Program& program, uint32_t node);

}  // namespace sancheck::expr
