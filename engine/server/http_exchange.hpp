// One HTTP request and its response as the routes see them, free of any transport.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sancheck::server {

struct HttpRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string path;    ///< the target without its query: "/v1/check"
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded, in order
  std::string authorization;  ///< the Authorization header, empty when absent
  std::string content_type;
  std::string body;
  std::string request_id;  ///< set by the server (or taken from a well-formed X-Request-Id)

  /// The first value of query parameter `name`, or nullptr.
  const std::string* Query(std::string_view name) const {
    for (const auto& [k, v] : query) {
      if (k == name) return &v;
    }
    return nullptr;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< beyond Content-Type and Content-Length
  // What the access log and metrics record about the request (never sent).
  std::string route;    ///< the route template that answered ("/v1/check"), "other" for none
  std::string verdict;  ///< the worst verdict of a check, empty otherwise
};

/// Splits "a=1&b=x%20y" into decoded pairs ('+' is a space); false on a bad %-escape.
bool ParseQueryString(std::string_view text, std::vector<std::pair<std::string, std::string>>& out);

}  // namespace sancheck::server
