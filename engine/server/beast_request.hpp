// From Beast's parsed request to the routes' HttpRequest, with the server's limits: one path for the
// network sessions and the fuzz target.
#pragma once

#include <string>

#include <boost/beast/http.hpp>

#include "server/http_exchange.hpp"
#include "server/http_server.hpp"

namespace sancheck::server {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

/// Why a request is answered without being routed (status 0: it is not).
struct Refusal {
  int status = 0;
  std::string code;
  std::string message;
};

/// Sets the header and body limits of a parser for one request.
void ConfigureParser(RequestParser& parser, const ServerLimits& limits);
/// A refusal for a parse error (`ec` set) or for headers that break a limit the parser does
/// not check itself (header count, a declared body over the limit).
Refusal CheckRead(const RequestParser& parser, const boost::beast::error_code& ec, const ServerLimits& limits);
/// Moves the parsed message into `out` (method, path, decoded query, auth, body). A client's
/// X-Request-Id is kept when short and plain, else `fresh_id` is used.
Refusal ToHttpRequest(RequestParser& parser, HttpRequest& out, const std::string& fresh_id);

}  // namespace sancheck::server
