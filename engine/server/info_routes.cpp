// The routes that describe the server: readiness, rules, lists, the OpenAPI document and the page.
#include <openssl/evp.h>
#include <openssl/sha.h>

#include "judge/checker_impl.hpp"
#include "report/lists_json.hpp"
#include "report/rules_json.hpp"
#include "server/assets.hpp"
#include "server/routes.hpp"
#include "common/json_document.hpp"

namespace sancheck::server {
namespace {

// 'sha256-…' of the text between `open` and `close` in the page: the CSP then allows that
// inline script or style and nothing else, with no 'unsafe-inline'.
std::string InlineHash(std::string_view page, std::string_view open, std::string_view close) {
  const size_t start = page.find(open);
  const size_t end = start == std::string_view::npos ? start : page.find(close, start + open.size());
  if (end == std::string_view::npos) return "'none'";
  const std::string_view body = page.substr(start + open.size(), end - start - open.size());
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest);
  unsigned char b64[64] = {};
  EVP_EncodeBlock(b64, digest, sizeof digest);
  return "'sha256-" + std::string(reinterpret_cast<const char*>(b64)) + "'";
}

std::string PagePolicy() {
  return "default-src 'none'; script-src " + InlineHash(kWebPageHtml, "<script>", "</script>") +
         "; style-src " + InlineHash(kWebPageHtml, "<style>", "</style>") +
         "; connect-src 'self'; img-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
}

HttpResponse Json(const nlohmann::ordered_json& j) {
  HttpResponse r;
  r.body = JsonDocument(j);
  return r;
}

}  // namespace

HttpResponse ReadyRoute(const ServedEngine& engine) {
  nlohmann::ordered_json j;
  j["ready"] = true;
  j["packs"] = engine.packs;
  j["lists"] = engine.lists;
  j["generation"] = engine.generation;
  j["loaded_at"] = engine.loaded_at;
  return Json(j);
}

HttpResponse RulesRoute(const ServedEngine& engine) { return Json(report::RulesJson(*engine.checker)); }

HttpResponse ListsRoute(const ServedEngine& engine) {
  nlohmann::ordered_json j;
  const auto& screening = engine.checker->impl().screening;
  j["designations_snapshot"] = screening ? screening->snapshot : "";
  j["lists"] = report::ListsJson(screening ? screening->lists : std::vector<ListInfo>{});
  return Json(j);
}

HttpResponse OpenApiRoute() {
  HttpResponse r;
  r.body = std::string(kOpenApiJson);
  return r;
}

HttpResponse WebPageRoute() {
  HttpResponse r;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::string(kWebPageHtml);
  // The page is self-contained: its own script and style only, calls to this server only.
  static const std::string policy = PagePolicy();
  r.headers.emplace_back("Content-Security-Policy", policy);
  return r;
}

}  // namespace sancheck::server
