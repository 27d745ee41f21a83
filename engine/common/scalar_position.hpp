// Maps an offset inside a YAML scalar's value back to a file line and column (plain, quoted and block scalars).
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "sancheck/diagnostics.hpp"

namespace sancheck {

/// Position in the source file of byte `offset` of `scalar.Scalar()`.
/// Block scalars (| and >) drop their indentation and folded scalars turn line
/// breaks into spaces, so the value is aligned with the source character by
/// character rather than by arithmetic on the node's start.
SourcePos PosInScalar(const std::shared_ptr<const SourceFile>& file, const YAML::Node& scalar,
                      size_t offset);

/// The 1-based line and column of byte `pos` in `text`.
void LineColumnAt(const std::string& text, size_t pos, int& line, int& column);

}  // namespace sancheck
