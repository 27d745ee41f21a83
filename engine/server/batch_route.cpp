// POST /v1/batch: shipment records (NDJSON or CSV) in, one JSON result per record out, as `sancheck batch`.
#include <charconv>
#include <sstream>

#include "batch/memory_batch.hpp"
#include "server/routes.hpp"

namespace sancheck::server {

HttpResponse BatchRoute(const HttpRequest& request, const ServedEngine& engine) {
  HttpResponse error;
  if (UnknownQuery(request, {"format", "citations", "rule_ids", "no_match", "max_errors"}, error)) return error;
  batch::BatchOptions options;
  const std::string* format = request.Query("format");
  const bool csv = format ? *format == "csv" : request.content_type.rfind("text/csv", 0) == 0;
  if (format && *format != "csv" && *format != "jsonl") {
    return ErrorResponse(400, "http.bad_parameter", "format: expected jsonl or csv, found '" + *format + "'");
  }
  options.format = csv ? batch::InputFormat::kCsv : batch::InputFormat::kJsonl;
  if (const std::string* c = request.Query("citations")) {
    if (!c->empty() && *c != "true" && *c != "false") {
      return ErrorResponse(400, "http.bad_parameter", "citations: expected true or false, found '" + *c + "'");
    }
    options.output.citations = *c != "false";
  }
  if (const std::string* ids = request.Query("rule_ids")) {
    if (*ids != "full" && *ids != "short") {
      return ErrorResponse(400, "http.bad_parameter", "rule_ids: expected full or short, found '" + *ids + "'");
    }
    options.output.short_ids = *ids == "short";
  }
  if (const std::string* m = request.Query("no_match")) {
    if (*m != "permitted" && *m != "review" && *m != "not-applicable") {
      return ErrorResponse(400, "http.bad_parameter",
                           "no_match: expected permitted, review or not-applicable, found '" + *m + "'");
    }
    options.output.no_match = *m;
  }
  if (const std::string* e = request.Query("max_errors")) {
    long long v = 0;
    const auto r = std::from_chars(e->data(), e->data() + e->size(), v);  // out of range: an error, not a clamp
    if (e->empty() || r.ec != std::errc() || r.ptr != e->data() + e->size() || v < -1) {
      return ErrorResponse(400, "http.bad_parameter", "max_errors: expected a whole number, found '" + *e + "'");
    }
    options.max_errors = v;
  }
  if (request.body.empty()) return ErrorResponse(400, "batch.empty", "the body holds no records");
  // One thread per request: the server's pool runs requests side by side.
  options.threads = 1;
  std::ostringstream diag;
  batch::BatchReport report;
  std::string results;
  if (!batch::RunBatchOnText(*engine.checker, options, request.body, "<request>", results, report, diag)) {
    // The run could not be done (a bad CSV header, too many bad records): no partial results.
    return ErrorResponse(400, "batch.failed", diag.str());
  }
  HttpResponse r;
  r.content_type = "application/x-ndjson";
  r.body = std::move(results);
  const int64_t judged = report.records - report.counts[batch::kOutError];
  r.headers.emplace_back("X-Sancheck-Records", std::to_string(judged));
  r.headers.emplace_back("X-Sancheck-Errors", std::to_string(report.counts[batch::kOutError]));
  r.headers.emplace_back("X-Sancheck-Prohibited", std::to_string(report.counts[batch::kOutProhibited]));
  return r;
}

}  // namespace sancheck::server
