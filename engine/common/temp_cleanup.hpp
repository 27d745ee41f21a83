// Temporary output files removed when a signal ends the process, so an interrupted run leaves none behind.
#pragma once

#include <string>

namespace sancheck {

/// Registers `path` (a temporary this process created) to be removed if
/// SIGINT, SIGTERM, SIGHUP or SIGPIPE ends the process; the handlers are
/// installed on first use and then re-raise the signal, so the exit status
/// still says which signal it was. Returns a slot for ForgetTemporary(), or
/// -1 when the path cannot be registered (too long, table full).
int RememberTemporary(const std::string& path);

/// The temporary at `slot` was renamed or removed: the handler leaves it alone.
void ForgetTemporary(int slot);

}  // namespace sancheck
