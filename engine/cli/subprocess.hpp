// RunProcess(): a helper program (git) run without a shell, its standard output captured up to a bound.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace sancheck::cli {

struct ProcessOutput {
  int status = -1;  ///< the exit status; -1 when a signal ended it
  std::string out;  ///< what it wrote on standard output
};

/// Runs `argv` (argv[0] looked up on PATH) with standard input from /dev/null and standard error
/// discarded (callers say what failed in their own words). Nullopt when it could not be started
/// or wrote more than `limit` bytes (it is then killed). `extra_env` (NAME=VALUE each) is added to
/// the inherited environment, replacing a variable of the same name.
std::optional<ProcessOutput> RunProcess(const std::vector<std::string>& argv, size_t limit,
                                        const std::vector<std::string>& extra_env = {});

}  // namespace sancheck::cli
