// The clock a front end runs on (SOURCE_DATE_EPOCH for reproducible output, else the system's) and the day it reads.
#pragma once

#include <memory>
#include <string>

#include "sancheck/clock.hpp"
#include "sancheck/core_types.hpp"

namespace sancheck {

/// A fixed clock at `source_date_epoch` (whole seconds since 1970, the value of the
/// SOURCE_DATE_EPOCH convention) when it is one, else the system clock. The caller reads
/// the environment: the library itself never does.
std::shared_ptr<const Clock> ClockFromSourceDateEpoch(const char* source_date_epoch);

/// The day (UTC) `clock` reads now: the day clearances expire against.
Date DayOf(const Clock& clock);
/// The moment `clock` reads now, ISO 8601 in UTC ("2026-11-30T02:20:00Z"): reports' generation time.
std::string TimestampOf(const Clock& clock);

}  // namespace sancheck
