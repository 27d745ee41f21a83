// The HTTP/1.1 transport of `sancheck serve` (Boost.Beast): limits, timeouts, a bounded pool, draining.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "server/access_log.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"

namespace sancheck::server {

struct ServerLimits {
  size_t body_bytes = size_t{8} << 20;  ///< a longer body: 413
  size_t header_bytes = 16 * 1024;     ///< request line and headers together: 431 beyond
  size_t header_count = 100;           ///< more header fields: 431
  std::chrono::milliseconds header_timeout{10000};  ///< to read a request's headers (and idle keep-alive)
  std::chrono::milliseconds body_timeout{30000};    ///< to read its body
  std::chrono::milliseconds write_timeout{30000};   ///< to write the answer
  std::chrono::milliseconds drain_timeout{10000};   ///< on SIGTERM, the longest wait for requests in flight
  int workers = 2;           ///< threads that answer requests
  int queue = 64;            ///< requests waiting for a worker beyond those running; more: 503
  int max_connections = 1024;  ///< open connections; more are answered 503 and closed
};

class HttpServer {
 public:
  HttpServer(const Router& router, Metrics& metrics, const AccessLog& log, ServerLimits limits);
  ~HttpServer();

  /// Binds `host:port` (port 0: any free one); false with `error` when it cannot.
  bool Listen(const std::string& host, uint16_t port, std::string& error);
  /// The bound port.
  uint16_t port() const;
  /// Serves until SIGTERM or SIGINT, then stops accepting, finishes the requests in
  /// flight (up to drain_timeout) and returns. SIGHUP calls `on_hangup` on a worker.
  void Run(std::function<void()> on_hangup);

  struct Impl;  ///< the io_context, acceptor, pool and open connections (internal)

 private:
  std::unique_ptr<Impl> impl_;
};

/// Splits "127.0.0.1:8080", "[::1]:8080" or "localhost:0"; false with `error` when malformed.
bool ParseListen(const std::string& text, std::string& host, uint16_t& port, std::string& error);

}  // namespace sancheck::server
