// The build tools run before the built-in packs are compiled: they link none.
#include "rules/builtin_packs.hpp"

namespace sancheck::rules {

std::string_view BuiltinPackBundle() { return {}; }

const std::vector<EmbeddedFile>& BuiltinListSnapshots() {
  static const std::vector<EmbeddedFile> none;
  return none;
}

}  // namespace sancheck::rules
