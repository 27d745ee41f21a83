// The server's transport-free parts: query strings, --listen, the token compare, metrics text, routing.
#include <doctest/doctest.h>

#include "server/http_exchange.hpp"
#include "server/http_server.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"

namespace sancheck::server {

TEST_CASE("query strings are split and decoded, bad escapes refused") {
  std::vector<std::pair<std::string, std::string>> q;
  REQUIRE(ParseQueryString("format=sarif&file=a%20b.yaml&x=1+2&flag&&", q));
  REQUIRE(q.size() == 4);
  CHECK(q[0] == std::pair<std::string, std::string>{"format", "sarif"});
  CHECK(q[1].second == "a b.yaml");
  CHECK(q[2].second == "1 2");
  CHECK(q[3] == std::pair<std::string, std::string>{"flag", ""});
  for (const char* bad : {"a=%", "a=%4", "a=%zz", "%g0=1"}) {
    std::vector<std::pair<std::string, std::string>> out;
    CHECK_MESSAGE(!ParseQueryString(bad, out), bad);
  }
}

TEST_CASE("--listen takes HOST:PORT, IPv6 in brackets, and refuses the rest") {
  std::string host, error;
  uint16_t port = 1;
  REQUIRE(ParseListen("127.0.0.1:8080", host, port, error));
  CHECK(host == "127.0.0.1");
  CHECK(port == 8080);
  REQUIRE(ParseListen("[::1]:0", host, port, error));
  CHECK(host == "::1");
  CHECK(port == 0);
  for (const char* bad : {"8080", "host:", ":80", "h:65536", "h:8o", "h:99999999999999999999"}) {
    CHECK_MESSAGE(!ParseListen(bad, host, port, error), bad);
    CHECK(error.find("--listen") == 0);
  }
}

TEST_CASE("the token compare is equality whatever the lengths") {
  CHECK(SameSecret("abc", "abc"));
  CHECK_FALSE(SameSecret("abc", "abd"));
  CHECK_FALSE(SameSecret("abc", "abcd"));
  CHECK_FALSE(SameSecret("", "abc"));
}

TEST_CASE("metrics render cumulative buckets and escaped labels") {
  Metrics m;
  m.Record("/v1/check", 200, 0.0007, "prohibited");
  m.Record("/v1/check", 200, 0.3, "permitted");
  m.Record("/v1/check", 400, 0.0001, "");
  m.RecordReload(false);
  const std::string text = m.Render(nullptr);
  CHECK(text.find("sancheck_http_requests_total{route=\"/v1/check\",status=\"200\"} 2\n") != std::string::npos);
  CHECK(text.find("sancheck_http_requests_total{route=\"/v1/check\",status=\"400\"} 1\n") != std::string::npos);
  CHECK(text.find("le=\"0.0005\"} 1\n") != std::string::npos);  // the 0.1 ms request
  CHECK(text.find("le=\"0.001\"} 2\n") != std::string::npos);   // cumulative: + the 0.7 ms one
  CHECK(text.find("le=\"0.25\"} 2\n") != std::string::npos);
  CHECK(text.find("le=\"0.5\"} 3\n") != std::string::npos);
  CHECK(text.find("le=\"+Inf\"} 3\n") != std::string::npos);
  CHECK(text.find("sancheck_verdicts_total{verdict=\"prohibited\"} 1\n") != std::string::npos);
  CHECK(text.find("sancheck_reloads_total{result=\"failed\"} 1\n") != std::string::npos);
  CHECK(PromLabel("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
}

TEST_CASE("routing: unknown routes, wrong methods and the token, before any engine work") {
  CheckOptions options;
  options.rule_paths = {"builtin:un-dprk"};
  EngineHolder engines(options);
  Diagnostics diags;
  REQUIRE(engines.Reload(diags));
  Metrics metrics;
  const Router open(engines, metrics, RouterConfig{});
  const Router locked(engines, metrics, RouterConfig{"a-token-long-enough", nullptr});
  HttpRequest r;
  r.method = "GET";
  r.path = "/nowhere";
  CHECK(open.Handle(r).status == 404);
  CHECK(open.Handle(r).route == "other");
  r.path = "/v1/check";
  CHECK(open.Handle(r).status == 405);
  r.path = "/v1/rules";
  CHECK(open.Handle(r).status == 200);
  CHECK(locked.Handle(r).status == 401);
  r.authorization = "Bearer a-token-long-enough";
  CHECK(locked.Handle(r).status == 200);
  r.authorization = "Bearer a-token-long-enougH";
  CHECK(locked.Handle(r).status == 401);
  r.authorization.clear();
  r.path = "/healthz";
  CHECK(locked.Handle(r).status == 200);
  r.method = "POST";
  r.path = "/v1/admin/reload";
  CHECK(open.Handle(r).status == 403);  // no reload hook, no token
}

}  // namespace sancheck::server

namespace sancheck::server {

TEST_CASE("a request keeps the engine version it started with across a reload") {
  EngineHolder engines(CheckOptions{});
  Diagnostics diags;
  REQUIRE(engines.Reload(diags));
  const std::shared_ptr<const ServedEngine> in_flight = engines.Current();
  REQUIRE(engines.Reload(diags));
  const auto now = engines.Current();
  CHECK(in_flight->generation == 1);
  CHECK(now->generation == 2);
  CHECK(in_flight->checker != nullptr);  // still whole: the request finishes on it
  CHECK(in_flight->checker.get() != now->checker.get());
  CheckOptions broken;
  broken.rule_paths = {"no/such/pack"};
  EngineHolder refused(broken);
  CHECK_FALSE(refused.Reload(diags));
  CHECK(refused.Current() == nullptr);
}

}  // namespace sancheck::server
