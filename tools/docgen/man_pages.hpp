// Man pages (roff, section 1) of the program and of each of its commands, written from their definitions.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "command_doc.hpp"

namespace sancheck::docgen {

/// Every page, the program's and one per command at every level: ("sancheck-check.1", roff text).
std::vector<std::pair<std::string, std::string>> ManPages(const CommandDoc& root, std::string_view version);

}  // namespace sancheck::docgen
