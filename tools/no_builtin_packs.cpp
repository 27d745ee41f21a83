// The build tools run before the built-in packs and the Han table are made: they link none.
#include "rules/builtin_packs.hpp"
#include "screen/han_readings.hpp"

namespace sancheck::rules {

std::string_view BuiltinPackBundle() { return {}; }

const std::vector<EmbeddedFile>& BuiltinListSnapshots() {
  static const std::vector<EmbeddedFile> none;
  return none;
}

}  // namespace sancheck::rules

namespace sancheck::screen {

// Empty: the tools read every name in Han with ICU itself.
const HanTable& BuiltinHanTable() {
  static const HanTable none;
  return none;
}

}  // namespace sancheck::screen
