// POST /v1/screen: names (with country, birth, kind, IMO) in, `sancheck screen --format json` out.
#include "common/yaml_reader.hpp"
#include "judge/checker_impl.hpp"
#include "report/screen_results.hpp"
#include "screen/screener.hpp"
#include "server/routes.hpp"
#include "common/json_document.hpp"

namespace sancheck::server {
namespace {

/// Queries one request may carry: a page of names, not a whole list (that is `batch`'s job).
constexpr size_t kMaxQueries = 1000;

struct ScreenRequest {
  std::vector<screen::Query> queries;
  Date as_of = Date::Today();
  double threshold = screen::Screener::kPossibleThreshold;
};

// A field of a query as text: a scalar (a year may be written as a number), absent as "".
std::string Field(YamlReader& r, const YAML::Node& query, const char* key, const std::string& where) {
  const YAML::Node n = query[key];
  if (!n) return "";
  auto s = r.String(n, where + "." + key);
  return s ? *s : "";
}

std::optional<ScreenRequest> Parse(const std::string& body, Diagnostics& diags) {
  auto file = std::make_shared<SourceFile>(SourceFile{"<request>", body});
  YamlReader r(file, diags, "screen.");
  auto docs = r.LoadAll();
  if (!docs) return std::nullopt;
  if (docs->size() != 1) {
    r.Error(YAML::Mark{}, "body", "the body must be one JSON object: {\"queries\": [{\"name\": ...}]}");
    return std::nullopt;
  }
  const YAML::Node& root = (*docs)[0];
  if (!r.CheckMap(root, "the request", {"queries", "as_of", "threshold"})) return std::nullopt;
  ScreenRequest out;
  if (const YAML::Node a = root["as_of"]) {
    if (auto d = r.DateValue(a, "as_of")) out.as_of = *d;
  }
  if (const YAML::Node t = root["threshold"]) {
    if (auto v = r.Number(t, "threshold")) {
      if (*v < 0 || *v > 1) r.Error(t, "bad_value", "threshold must be from 0 to 1, found " + Describe(t));
      out.threshold = *v;
    }
  }
  const YAML::Node queries = root["queries"];
  if (!queries || !queries.IsSequence() || queries.size() == 0) {
    r.Error(queries ? queries : root, "queries", "the request needs 'queries': a list of {\"name\": ...}");
    return std::nullopt;
  }
  if (queries.size() > kMaxQueries) {
    r.Error(queries, "too_many", "at most " + std::to_string(kMaxQueries) + " queries per request, found " +
                                     std::to_string(queries.size()) + " (use `sancheck batch` for lists)");
    return std::nullopt;
  }
  for (size_t i = 0; i < queries.size(); ++i) {
    const YAML::Node q = queries[i];
    const std::string where = "queries[" + std::to_string(i) + "]";
    if (!r.CheckMap(q, where, {"name", "country", "born", "kind", "imo"})) continue;
    report::ScreenQueryText text{Field(r, q, "name", where), Field(r, q, "country", where),
                                 Field(r, q, "born", where), Field(r, q, "kind", where), Field(r, q, "imo", where)};
    if (text.name.empty() && text.imo.empty()) {
      r.Error(q, "missing_key", where + " needs a 'name' or an 'imo'");
      continue;
    }
    std::string error;
    if (auto query = report::MakeScreenQuery(text, out.as_of, error)) {
      out.queries.push_back(std::move(*query));
    } else {
      r.Error(q, "bad_value", where + "." + error);
    }
  }
  if (diags.HasErrors()) return std::nullopt;
  return out;
}

}  // namespace

HttpResponse ScreenRoute(const HttpRequest& request, const ServedEngine& engine) {
  HttpResponse error;
  if (UnknownQuery(request, {}, error)) return error;
  const auto& screening = engine.checker->impl().screening;
  if (!screening || !screening->screener) {
    return ErrorResponse(409, "screen.no_list", "no designation list is loaded to screen against");
  }
  Diagnostics diags;
  const auto parsed = Parse(request.body, diags);
  if (!parsed) return DiagnosticsResponse(400, diags);
  const auto outcome = report::ScreenQueries(*screening, parsed->queries, parsed->as_of, parsed->threshold);
  HttpResponse r;
  r.body = JsonDocument(outcome.json);
  return r;
}

}  // namespace sancheck::server
