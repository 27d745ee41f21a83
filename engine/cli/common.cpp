// Helpers shared by the subcommands: error printing and report output.
#include <iostream>

#include "cli/commands.hpp"
#include "common/files.hpp"

namespace sancheck::cli {

int UsageError(const std::string& message) {
  std::cerr << "sancheck: error: " << message << '\n';
  return kExitError;
}

bool Emit(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  const std::string error = WriteFileAtomically(path, content);
  if (!error.empty()) {
    UsageError(error);
    return false;
  }
  return true;
}

}  // namespace sancheck::cli
