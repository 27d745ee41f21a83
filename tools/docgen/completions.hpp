// Shell completions of the program (bash, zsh): its commands, their options, the values an option allows.
#pragma once

#include <string>
#include <string_view>

#include "command_doc.hpp"

namespace sancheck::docgen {

/// The bash completion script (share/bash-completion/completions/sancheck).
std::string BashCompletion(const CommandDoc& root, std::string_view version);

/// The zsh completion function (share/zsh/vendor-completions/_sancheck).
std::string ZshCompletion(const CommandDoc& root, std::string_view version);

}  // namespace sancheck::docgen
