// Which route answers a request: authorisation, method checks, and the headers every answer carries.
#pragma once

#include <functional>
#include <string>

#include "server/http_exchange.hpp"
#include "server/metrics.hpp"
#include "server/served_engine.hpp"

namespace sancheck::server {

struct RouterConfig {
  std::string token;  ///< empty: no route needs a token
  /// Runs a reload of packs and lists for POST /v1/admin/reload; returns false with
  /// the diagnostics in `message` when the new version was refused.
  std::function<bool(std::string& message)> reload;
};

/// Thread-safe: each request takes the current engine once and answers on it.
class Router {
 public:
  Router(EngineHolder& engines, Metrics& metrics, RouterConfig config)
      : engines_(engines), metrics_(metrics), config_(std::move(config)) {}

  HttpResponse Handle(const HttpRequest& request) const;

  // The two routes that read the router's own state (the others are free functions in routes.hpp).
  HttpResponse MetricsRoute(const ServedEngine& engine) const;
  HttpResponse ReloadRoute(const ServedEngine& engine) const;

 private:
  bool Authorized(const HttpRequest& request) const;

  EngineHolder& engines_;
  Metrics& metrics_;
  RouterConfig config_;
};

/// Whether `given` equals `expected`, in time that depends on neither's content.
bool SameSecret(const std::string& given, const std::string& expected);

}  // namespace sancheck::server
