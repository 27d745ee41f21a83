// One JSON line per answered request, through spdlog: id, route, status, duration, verdict, versions.
#pragma once

#include <memory>
#include <string>

#include <spdlog/logger.h>

#include "server/http_exchange.hpp"

namespace sancheck::server {

class AccessLog {
 public:
  /// `logger` null: nothing is logged. Bodies are logged only when `log_bodies`.
  AccessLog(std::shared_ptr<spdlog::logger> logger, bool log_bodies)
      : logger_(std::move(logger)), log_bodies_(log_bodies) {}

  void Write(const HttpRequest& request, const HttpResponse& response, double seconds, const std::string& peer) const;
  /// A line about the server itself (listening, reloads, shutdown).
  void Event(const std::string& event, const std::string& detail) const;

 private:
  std::shared_ptr<spdlog::logger> logger_;
  bool log_bodies_;
};

}  // namespace sancheck::server
