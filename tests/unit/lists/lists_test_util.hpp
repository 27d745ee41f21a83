// Helpers the list-import tests share: a prefix check that shows the whole text when it fails.
#pragma once

#include <string>

namespace sancheck::lists {

/// `prefix` when `text` starts with it, else the whole `text` (what a failed check shows).
inline std::string PrefixOrText(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0 ? prefix : text;
}

}  // namespace sancheck::lists

#define CHECK_STARTS(text, prefix) CHECK(::sancheck::lists::PrefixOrText(text, prefix) == std::string(prefix))
