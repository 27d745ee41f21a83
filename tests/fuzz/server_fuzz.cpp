// Fuzz target for the server: raw request bytes through Beast's parser with the server's limits, the
// conversion the sessions use, and the router (check, screen, token, query strings) on the built-in pack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "server/beast_request.hpp"
#include "server/router.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  using namespace sancheck::server;
  static EngineHolder* engines = [] {
    auto* holder = new EngineHolder(CheckOptions{});
    Diagnostics diags;
    holder->Reload(diags);
    return holder;
  }();
  static Metrics metrics;
  // Small limits, so the fuzzer reaches them; a token, so authorisation is exercised too.
  static const ServerLimits limits = [] {
    ServerLimits l;
    l.body_bytes = 64 * 1024;
    l.header_bytes = 2048;
    l.header_count = 20;
    return l;
  }();
  static const Router router(*engines, metrics, RouterConfig{"fuzz-token-0123456789", nullptr});

  RequestParser parser;
  ConfigureParser(parser, limits);
  parser.eager(true);
  boost::beast::error_code ec;
  // Fed in pieces of 7 bytes, as a slow network would: the parser must resume anywhere. A
  // parser that needs more than a piece to move on leaves it unused; the next offer is longer.
  size_t used = 0, window = 7;
  while (!parser.is_done()) {
    const size_t available = std::min(size - used, window);
    ec = {};
    const size_t n = available ? parser.put(boost::asio::buffer(data + used, available), ec) : 0;
    used += n;
    if (ec == boost::beast::http::error::need_more) ec = {};
    if (ec) break;
    if (n > 0) {
      window = 7;
    } else if (available == size - used) {
      break;  // all the input is offered and it is not a whole request
    } else {
      window += 7;
    }
  }
  if (!ec && !parser.is_done()) return 0;  // the request never ended
  if (CheckRead(parser, ec, limits).status || ec) return 0;
  HttpRequest request;
  if (ToHttpRequest(parser, request, "fuzz-1").status) return 0;
  const HttpResponse response = router.Handle(request);
  if (response.status < 200 || response.status > 599 || response.body.empty()) __builtin_trap();
  return 0;
}
