// Hashes behind the index's lookup keys: texts with up to two letters left out.
#include "screen/term_keys.hpp"

namespace sancheck::screen {

uint64_t HashText2(std::string_view s, size_t skip1, size_t skip2) {
  // The same FNV-1a as HashText, so a text's own key is its HashText.
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == skip1 || i == skip2) continue;
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace sancheck::screen
