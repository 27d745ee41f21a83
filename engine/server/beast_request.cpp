// From Beast's parsed request to the routes' HttpRequest, with the server's limits: one path for the
// network sessions and the fuzz target.
#include "server/beast_request.hpp"

namespace sancheck::server {

namespace http = boost::beast::http;

namespace {

// A client's own request id goes into logs and answers: short and plain only.
bool UsableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string BodyLimitMessage(const ServerLimits& limits) {
  return "request body over the limit of " + std::to_string(limits.body_bytes) + " bytes";
}

}  // namespace

void ConfigureParser(RequestParser& parser, const ServerLimits& limits) {
  parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
  parser.body_limit(limits.body_bytes);
}

Refusal CheckRead(const RequestParser& parser, const boost::beast::error_code& ec, const ServerLimits& limits) {
  if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
    return {431, "http.headers_too_large", "request headers too large"};
  }
  // The parser compares a declared Content-Length with the body limit while reading the headers.
  if (ec == http::error::body_limit) return {413, "http.body_too_large", BodyLimitMessage(limits)};
  if (ec) return {400, "http.bad_request", "malformed request: " + ec.message()};
  if (!parser.is_header_done()) return {};
  const auto& req = parser.get();
  if (static_cast<size_t>(std::distance(req.begin(), req.end())) > limits.header_count) {
    return {431, "http.headers_too_many", "more than " + std::to_string(limits.header_count) + " header fields"};
  }
  if (const auto length = parser.content_length(); length && *length > limits.body_bytes) {
    return {413, "http.body_too_large", BodyLimitMessage(limits)};
  }
  return {};
}

Refusal ToHttpRequest(RequestParser& parser, HttpRequest& out, const std::string& fresh_id) {
  auto& req = parser.get();
  out.method = std::string(req.method_string());
  const std::string_view target(req.target().data(), req.target().size());
  const size_t q = target.find('?');
  out.path = std::string(target.substr(0, q));
  const auto given_id = req["X-Request-Id"];
  out.request_id = UsableRequestId({given_id.data(), given_id.size()}) ? std::string(given_id) : fresh_id;
  if (q != std::string_view::npos && !ParseQueryString(target.substr(q + 1), out.query)) {
    return {400, "http.bad_request", "malformed query string"};
  }
  out.authorization = std::string(req[http::field::authorization]);
  out.content_type = std::string(req[http::field::content_type]);
  out.body = std::move(req.body());
  return {};
}

}  // namespace sancheck::server
