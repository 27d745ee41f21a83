// The rule-pack files compiled into the binary (generated from rules/ by cmake/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace sancheck::rules {

struct EmbeddedFile {
  std::string_view path;  ///< relative to the repository, e.g. "rules/un-dprk/arms.yaml"
  std::string_view text;
};

const std::vector<EmbeddedFile>& BuiltinRuleFiles();

}  // namespace sancheck::rules
