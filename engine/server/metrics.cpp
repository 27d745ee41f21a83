// Request counters, a latency histogram and verdict counts, rendered in the Prometheus text format.
#include "server/metrics.hpp"

#include <cstdio>

#include "server/served_engine.hpp"

namespace sancheck::server {

std::string PromLabel(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void Metrics::Record(std::string_view route, int status, double seconds, std::string_view verdict) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{std::string(route), status}];
  auto it = latency_.find(route);
  if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
  Histogram& h = it->second;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.counts[i];
      break;
    }
  }
  ++h.total;
  h.sum += seconds;
  if (!verdict.empty()) {
    auto v = verdicts_.find(verdict);
    if (v == verdicts_.end()) v = verdicts_.emplace(std::string(verdict), 0).first;
    ++v->second;
  }
}

void Metrics::RecordReload(bool ok) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++(ok ? reloads_ok_ : reloads_failed_);
}

std::string Metrics::Render(const ServedEngine* engine) const {
  std::string out;
  char num[64];
  if (engine) {
    out += "# HELP sancheck_engine_info The rule packs and designation lists being served.\n"
           "# TYPE sancheck_engine_info gauge\n";
    out += "sancheck_engine_info{packs=\"" + PromLabel(engine->packs) + "\",lists=\"" + PromLabel(engine->lists) +
           "\",generation=\"" + std::to_string(engine->generation) + "\"} 1\n";
  }
  std::lock_guard<std::mutex> lock(mutex_);
  out += "# HELP sancheck_http_requests_total Requests answered, by route and status.\n"
         "# TYPE sancheck_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "sancheck_http_requests_total{route=\"" + PromLabel(key.first) + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP sancheck_http_request_duration_seconds Time from a request's last byte read to its answer.\n"
         "# TYPE sancheck_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string label = "route=\"" + PromLabel(route) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      std::snprintf(num, sizeof num, "%g", kBuckets[i]);
      out += "sancheck_http_request_duration_seconds_bucket{" + label + ",le=\"" + num + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "sancheck_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + std::to_string(h.total) + "\n";
    std::snprintf(num, sizeof num, "%.6f", h.sum);
    out += "sancheck_http_request_duration_seconds_sum{" + label + "} " + num + "\n";
    out += "sancheck_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.total) + "\n";
  }
  out += "# HELP sancheck_verdicts_total Worst verdict of each checked request.\n"
         "# TYPE sancheck_verdicts_total counter\n";
  for (const auto& [verdict, count] : verdicts_) {
    out += "sancheck_verdicts_total{verdict=\"" + PromLabel(verdict) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP sancheck_reloads_total Reloads of packs and lists, by result.\n"
         "# TYPE sancheck_reloads_total counter\n";
  out += "sancheck_reloads_total{result=\"ok\"} " + std::to_string(reloads_ok_) + "\n";
  out += "sancheck_reloads_total{result=\"failed\"} " + std::to_string(reloads_failed_) + "\n";
  return out;
}

}  // namespace sancheck::server
