// Helpers shared by the subcommands: error printing, report output and the run's clock.
#include <charconv>
#include <cstdlib>
#include <cstring>
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

std::shared_ptr<const Clock> RunClock() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    long long v = 0;
    const char* end = epoch + std::strlen(epoch);
    const auto r = std::from_chars(epoch, end, v);
    if (r.ec == std::errc() && r.ptr == end && end != epoch) {
      return std::make_shared<FixedClock>(static_cast<std::time_t>(v));
    }
  }
  return std::make_shared<SystemClock>();
}

Date RunDate() {
  const std::time_t t = RunClock()->Now();
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date::FromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

}  // namespace sancheck::cli
