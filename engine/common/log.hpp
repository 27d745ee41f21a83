// Logging of loading and timing diagnostics through spdlog, only when the host program asked for it.
#pragma once

#include <chrono>
#include <memory>

#include <spdlog/spdlog.h>

namespace sancheck {

/// The name of the logger the library writes to. A host that wants the library's
/// diagnostics registers a logger under this name (the CLI does for -v/--log-level);
/// without one the library says nothing, so it never writes to a caller's stdout.
inline constexpr const char* kLoggerName = "sancheck";

/// The registered logger, or null.
std::shared_ptr<spdlog::logger> Logger();

/// Milliseconds since `start`, for timing lines.
inline double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace sancheck
