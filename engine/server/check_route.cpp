// POST /v1/check: a scenario text in, the report `sancheck check` writes for it out.
#include "sancheck/report.hpp"
#include "server/routes.hpp"

namespace sancheck::server {

HttpResponse CheckRoute(const HttpRequest& request, const ServedEngine& engine) {
  HttpResponse error;
  if (UnknownQuery(request, {"format", "as_of", "fail_on", "file"}, error)) return error;
  ReportFormat format = ReportFormat::kJson;
  if (const std::string* f = request.Query("format")) {
    const auto parsed = ParseReportFormat(*f);
    if (!parsed) {
      return ErrorResponse(400, "http.bad_parameter",
                           "format: unknown format '" + *f + "' (expected text, json, junit, sarif, markdown or html)");
    }
    format = *parsed;
  }
  std::optional<Date> as_of;
  if (const std::string* a = request.Query("as_of")) {
    as_of = Date::Parse(*a);
    if (!as_of) return ErrorResponse(400, "http.bad_parameter", "as_of: bad date '" + *a + "' (expected " + Date::kRule + ")");
  }
  ReportOptions options;
  if (const std::string* policy = request.Query("fail_on")) {
    const auto parsed = FailPolicy::Parse(*policy);
    if (!parsed) {
      return ErrorResponse(400, "http.bad_parameter",
                           "fail_on: unknown policy '" + *policy + "' (expected prohibited, review or never)");
    }
    options.fail = *parsed;
  }
  // The body is named as `sancheck check` names standard input, so the two reports are equal;
  // `file` only labels it (nothing is read from that name).
  const std::string* label = request.Query("file");
  Diagnostics diags;
  std::vector<Scenario> scenarios = ParseScenarioText(label ? *label : "<stdin>", request.body, diags);
  CheckUniqueScenarioIds(scenarios, diags);
  if (!diags.HasErrors()) engine.checker->Validate(scenarios, diags);
  if (diags.HasErrors()) return DiagnosticsResponse(400, diags);

  const RunResult run = engine.checker->Check(scenarios, as_of);
  HttpResponse r;
  r.content_type = std::string(ReportMediaType(format));
  r.body = RenderReport(run, format, options);
  r.verdict = std::string(VerdictName(run.Worst()));
  r.headers.emplace_back("X-Sancheck-Verdict", r.verdict);
  r.headers.emplace_back("X-Sancheck-Result", RunFails(run, options.fail) ? "fail" : "pass");
  return r;
}

}  // namespace sancheck::server
