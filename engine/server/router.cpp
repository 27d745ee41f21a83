// Which route answers a request: authorisation, method checks, and the headers every answer carries.
#include "server/router.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "server/routes.hpp"

namespace sancheck::server {
namespace {

struct Route {
  std::string_view path;
  std::string_view method;
  bool open;  ///< answered without a token: health checks, and the page (static, no data)
};

constexpr Route kRoutes[] = {
    {"/healthz", "GET", true},         {"/readyz", "GET", true},          {"/", "GET", true},
    {"/v1/check", "POST", false},      {"/v1/screen", "POST", false},     {"/v1/batch", "POST", false},     {"/v1/rules", "GET", false},
    {"/v1/lists", "GET", false},       {"/metrics", "GET", false},        {"/v1/openapi.json", "GET", false},
    {"/v1/admin/reload", "POST", false},
};

const Route* Find(std::string_view path) {
  for (const Route& r : kRoutes) {
    if (r.path == path) return &r;
  }
  return nullptr;
}

}  // namespace

bool SameSecret(const std::string& given, const std::string& expected) {
  // Compare digests, so neither the length nor the first differing byte shows in the time taken.
  unsigned char a[SHA256_DIGEST_LENGTH], b[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(given.data()), given.size(), a);
  SHA256(reinterpret_cast<const unsigned char*>(expected.data()), expected.size(), b);
  return CRYPTO_memcmp(a, b, sizeof a) == 0;
}

bool Router::Authorized(const HttpRequest& request) const {
  if (config_.token.empty()) return true;
  constexpr std::string_view kBearer = "Bearer ";
  const std::string& h = request.authorization;
  if (h.size() <= kBearer.size() || h.compare(0, kBearer.size(), kBearer) != 0) return false;
  return SameSecret(h.substr(kBearer.size()), config_.token);
}

HttpResponse Router::Handle(const HttpRequest& request) const {
  const Route* route = Find(request.path);
  HttpResponse response;
  const auto engine = engines_.Current();
  if (!route) {
    response = ErrorResponse(404, "http.not_found", "no route " + request.path + " (see /v1/openapi.json)");
  } else if (request.method != route->method && !(route->method == "GET" && request.method == "HEAD")) {
    response = ErrorResponse(405, "http.method", request.path + " takes " + std::string(route->method));
    response.headers.emplace_back("Allow", std::string(route->method));
  } else if (!route->open && !Authorized(request)) {
    response = ErrorResponse(401, "http.unauthorized", "this route needs 'Authorization: Bearer TOKEN'");
    response.headers.emplace_back("WWW-Authenticate", "Bearer");
  } else if (!engine) {
    response = ErrorResponse(503, "http.not_ready", "the rule packs are not loaded yet");
  } else {
    response = Dispatch(request, *engine);
  }
  response.route = route ? std::string(route->path) : "other";
  if (engine) {
    // Which packs and lists judged this request: a reload between two requests shows here.
    response.headers.emplace_back("X-Sancheck-Packs", engine->packs);
    response.headers.emplace_back("X-Sancheck-Lists", engine->lists);
  }
  return response;
}

HttpResponse Router::Dispatch(const HttpRequest& request, const ServedEngine& engine) const {
  const std::string& p = request.path;
  if (p == "/healthz") {
    HttpResponse r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "ok\n";
    return r;
  }
  if (p == "/readyz") return ReadyRoute(engine);
  if (p == "/") return WebPageRoute();
  if (p == "/v1/check") return CheckRoute(request, engine);
  if (p == "/v1/screen") return ScreenRoute(request, engine);
  if (p == "/v1/batch") return BatchRoute(request, engine);
  if (p == "/v1/rules") return RulesRoute(engine);
  if (p == "/v1/lists") return ListsRoute(engine);
  if (p == "/v1/openapi.json") return OpenApiRoute();
  if (p == "/metrics") {
    HttpResponse r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics_.Render(&engine);
    return r;
  }
  // POST /v1/admin/reload
  if (!config_.reload) return ErrorResponse(403, "http.forbidden", "reload is not enabled on this server");
  if (config_.token.empty()) {
    return ErrorResponse(403, "http.forbidden", "reload over HTTP needs a token (--token-file); send SIGHUP instead");
  }
  std::string message;
  if (!config_.reload(message)) return ErrorResponse(422, "reload.refused", message);
  const auto now = engines_.Current();  // the version just loaded
  return ReadyRoute(now ? *now : engine);
}

}  // namespace sancheck::server
