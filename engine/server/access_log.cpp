// One JSON line per answered request, through spdlog: id, route, status, duration, verdict, versions.
#include "server/access_log.hpp"

#include <nlohmann/json.hpp>

namespace sancheck::server {
namespace {

/// A logged body is cut here: a log line must stay a line a person can read.
constexpr size_t kMaxLoggedBody = 64 * 1024;

std::string HeaderOf(const HttpResponse& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

}  // namespace

void AccessLog::Write(const HttpRequest& request, const HttpResponse& response, double seconds,
                      const std::string& peer) const {
  if (!logger_) return;
  nlohmann::ordered_json j;
  j["event"] = "request";
  j["id"] = request.request_id;
  j["peer"] = peer;
  j["method"] = request.method;
  j["route"] = response.route;
  j["status"] = response.status;
  j["duration_ms"] = static_cast<double>(static_cast<int64_t>(seconds * 1e6)) / 1e3;
  j["bytes_in"] = request.body.size();
  j["bytes_out"] = response.body.size();
  if (!response.verdict.empty()) j["verdict"] = response.verdict;
  j["packs"] = HeaderOf(response, "X-Sancheck-Packs");
  j["lists"] = HeaderOf(response, "X-Sancheck-Lists");
  if (log_bodies_) j["body"] = request.body.substr(0, kMaxLoggedBody);
  logger_->info(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void AccessLog::Event(const std::string& event, const std::string& detail) const {
  if (!logger_) return;
  nlohmann::ordered_json j;
  j["event"] = event;
  j["detail"] = detail;
  logger_->info(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace sancheck::server
