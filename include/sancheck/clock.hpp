// Clock: where the library reads "now" — the report's generation time and the day clearances expire against.
#pragma once

#include <ctime>

namespace sancheck {

/// The library never reads the environment for the time: a caller that wants
/// reproducible reports (the CLI honours SOURCE_DATE_EPOCH) passes a FixedClock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::time_t Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::time_t Now() const override { return std::time(nullptr); }
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::time_t t) : t_(t) {}
  std::time_t Now() const override { return t_; }

 private:
  std::time_t t_;
};

}  // namespace sancheck
