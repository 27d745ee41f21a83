// Logger(): the host's "sancheck" logger, if it registered one.
#include "common/log.hpp"

namespace sancheck {

std::shared_ptr<spdlog::logger> Logger() { return spdlog::get(kLoggerName); }

}  // namespace sancheck
