// Which route answers a request: authorisation, method checks, and the headers every answer carries.
#include "server/router.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "server/routes.hpp"

namespace sancheck::server {
namespace {

// One table says what each route is: its method, whether it needs the token, and who answers.
using Handler = HttpResponse (*)(const Router&, const HttpRequest&, const ServedEngine&);

struct Route {
  std::string_view path;
  std::string_view method;
  bool open;  ///< answered without a token: health checks, and the page (static, no data)
  Handler answer;
};

HttpResponse Health(const Router&, const HttpRequest&, const ServedEngine&) {
  HttpResponse r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "ok\n";
  return r;
}

constexpr Route kRoutes[] = {
    {"/healthz", "GET", true, Health},
    {"/readyz", "GET", true, [](const Router&, const HttpRequest&, const ServedEngine& e) { return ReadyRoute(e); }},
    {"/", "GET", true, [](const Router&, const HttpRequest&, const ServedEngine&) { return WebPageRoute(); }},
    {"/v1/check", "POST", false,
     [](const Router&, const HttpRequest& q, const ServedEngine& e) { return CheckRoute(q, e); }},
    {"/v1/screen", "POST", false,
     [](const Router&, const HttpRequest& q, const ServedEngine& e) { return ScreenRoute(q, e); }},
    {"/v1/batch", "POST", false,
     [](const Router&, const HttpRequest& q, const ServedEngine& e) { return BatchRoute(q, e); }},
    {"/v1/rules", "GET", false, [](const Router&, const HttpRequest&, const ServedEngine& e) { return RulesRoute(e); }},
    {"/v1/lists", "GET", false, [](const Router&, const HttpRequest&, const ServedEngine& e) { return ListsRoute(e); }},
    {"/metrics", "GET", false,
     [](const Router& r, const HttpRequest&, const ServedEngine& e) { return r.MetricsRoute(e); }},
    {"/v1/openapi.json", "GET", false, [](const Router&, const HttpRequest&, const ServedEngine&) { return OpenApiRoute(); }},
    {"/v1/admin/reload", "POST", false,
     [](const Router& r, const HttpRequest&, const ServedEngine& e) { return r.ReloadRoute(e); }},
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
    response = route->answer(*this, request, *engine);
  }
  response.route = route ? std::string(route->path) : "other";
  if (engine) {
    // Which packs and lists judged this request: a reload between two requests shows here.
    response.headers.emplace_back("X-Sancheck-Packs", engine->packs);
    response.headers.emplace_back("X-Sancheck-Lists", engine->lists);
  }
  return response;
}

HttpResponse Router::MetricsRoute(const ServedEngine& engine) const {
  HttpResponse r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = metrics_.Render(&engine);
  return r;
}

HttpResponse Router::ReloadRoute(const ServedEngine& engine) const {
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
