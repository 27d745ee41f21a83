// The build-time list generator runs before the built-in packs exist: it embeds none.
#include "rules/builtin_packs.hpp"

namespace sancheck::rules {

const std::vector<EmbeddedFile>& BuiltinRuleFiles() {
  static const std::vector<EmbeddedFile> none;
  return none;
}

}  // namespace sancheck::rules
