// Error answers shared by the routes: positioned diagnostics as JSON, and unknown query parameters.
#include <nlohmann/json.hpp>

#include "server/routes.hpp"
#include "common/json_document.hpp"

namespace sancheck::server {
namespace {

HttpResponse ErrorsJson(int status, const nlohmann::ordered_json& errors) {
  HttpResponse r;
  r.status = status;
  nlohmann::ordered_json root;
  root["errors"] = errors;
  r.body = JsonDocument(root);
  return r;
}

}  // namespace

HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  nlohmann::ordered_json e;
  e["line"] = 0;
  e["column"] = 0;
  e["message"] = message;
  e["code"] = code;
  return ErrorsJson(status, nlohmann::ordered_json::array({e}));
}

HttpResponse DiagnosticsResponse(int status, const Diagnostics& diags) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diags.items()) {
    if (d.severity != Severity::kError) continue;
    errors.push_back({{"line", d.pos.line}, {"column", d.pos.column}, {"message", d.message}, {"code", d.code}});
  }
  return ErrorsJson(status, errors);
}

bool UnknownQuery(const HttpRequest& request, std::initializer_list<std::string_view> allowed, HttpResponse& error) {
  for (const auto& [key, value] : request.query) {
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (known) continue;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    error = ErrorResponse(400, "http.unknown_parameter",
                          "unknown query parameter '" + key + "'" +
                              (list.empty() ? "; this route takes none" : "; expected one of: " + list));
    return true;
  }
  return false;
}

}  // namespace sancheck::server
