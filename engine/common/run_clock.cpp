// ClockFromSourceDateEpoch(), DayOf() and TimestampOf(): one reading of SOURCE_DATE_EPOCH for the CLI and the Python module.
#include "common/run_clock.hpp"

#include <charconv>
#include <cstring>
#include <ctime>

namespace sancheck {

std::shared_ptr<const Clock> ClockFromSourceDateEpoch(const char* source_date_epoch) {
  if (source_date_epoch) {
    long long v = 0;
    const char* end = source_date_epoch + std::strlen(source_date_epoch);
    const auto r = std::from_chars(source_date_epoch, end, v);
    if (r.ec == std::errc() && r.ptr == end && end != source_date_epoch) {
      return std::make_shared<FixedClock>(static_cast<std::time_t>(v));
    }
  }
  return std::make_shared<SystemClock>();
}

Date DayOf(const Clock& clock) {
  const std::time_t t = clock.Now();
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date::FromCivil(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

std::string TimestampOf(const Clock& clock) {
  const std::time_t t = clock.Now();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace sancheck
