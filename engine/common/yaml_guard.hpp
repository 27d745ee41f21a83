// A bounded first pass over a YAML file's events: limits, duplicate keys and yaml-cpp 0.7's endless-document loop.
#pragma once

#include <cstddef>
#include <string>

#include <yaml-cpp/mark.h>

namespace sancheck {

/// Limits on one YAML file, checked before any node is built.
inline constexpr size_t kMaxYamlDocuments = 1000;
inline constexpr size_t kMaxYamlAliases = 1000;
inline constexpr int kMaxYamlNesting = 64;

/// The first problem the pass found; `code` is empty when there was none.
struct YamlGuardError {
  YAML::Mark mark;
  std::string code;  ///< "yaml", "duplicate_key", "too_deep", "too_many_documents", "too_many_aliases"
  std::string message;
};

/// Streams `text` through yaml-cpp's event parser, stopping at the first of:
/// a syntax error; a document that does not advance the parser (yaml-cpp 0.7
/// loops forever on a ',' outside a flow collection, e.g. a file holding one
/// comma, and YAML::LoadAll then allocates without bound); a mapping with the
/// same key twice; nesting, documents or aliases over the limits above.
/// Only text that passes is handed to YAML::LoadAll.
YamlGuardError GuardYaml(const std::string& text);

}  // namespace sancheck
