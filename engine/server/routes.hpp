// The answers of each route, given the request and the engine version it started on.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "sancheck/diagnostics.hpp"
#include "server/http_exchange.hpp"
#include "server/served_engine.hpp"

namespace sancheck::server {

HttpResponse CheckRoute(const HttpRequest& request, const ServedEngine& engine);
HttpResponse ScreenRoute(const HttpRequest& request, const ServedEngine& engine);
HttpResponse BatchRoute(const HttpRequest& request, const ServedEngine& engine);
HttpResponse RulesRoute(const ServedEngine& engine);
HttpResponse ListsRoute(const ServedEngine& engine);
HttpResponse ReadyRoute(const ServedEngine& engine);
HttpResponse OpenApiRoute();
HttpResponse WebPageRoute();

/// {"errors":[{"line":0,"column":0,"message":...,"code":...}]} with `status`.
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message);
/// The errors of `diags` (warnings left out), positioned, with `status`.
HttpResponse DiagnosticsResponse(int status, const Diagnostics& diags);
/// True, with a 400 in `error`, when the request has a query parameter not in `allowed`.
bool UnknownQuery(const HttpRequest& request, std::initializer_list<std::string_view> allowed, HttpResponse& error);

}  // namespace sancheck::server
