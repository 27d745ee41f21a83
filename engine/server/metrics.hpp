// Request counters, a latency histogram and verdict counts, rendered in the Prometheus text format.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace sancheck::server {

struct ServedEngine;

class Metrics {
 public:
  /// Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  /// One answered request. `route` is a route template or "other", so labels stay few.
  void Record(std::string_view route, int status, double seconds, std::string_view verdict);
  void RecordReload(bool ok);
  /// The text /metrics serves; the engine's pack and list versions are labels of an info metric.
  std::string Render(const ServedEngine* engine) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  ///< not cumulative; summed when rendered
    uint64_t total = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
  std::map<std::string, uint64_t, std::less<>> verdicts_;
  uint64_t reloads_ok_ = 0, reloads_failed_ = 0;
};

/// A Prometheus label value: backslash, double quote and line feed escaped.
std::string PromLabel(std::string_view value);

}  // namespace sancheck::server
