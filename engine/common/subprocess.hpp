// RunProcess(): a helper program (git) run without a shell, its output captured up to a bound and its run up to a time limit.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace sancheck {

struct ProcessOutput {
  int status = -1;      ///< the exit status; -1 when a signal ended it or it did not run to its end
  std::string out;      ///< what it wrote on standard output
  std::string err;      ///< the first kMaxErrorBytes it wrote on standard error (git's own reason)
  std::string failure;  ///< empty when it ran to its end; else why not, in words

  static constexpr size_t kMaxErrorBytes = 4096;
  bool ok() const { return failure.empty() && status == 0; }
  /// Why it did not succeed, for a message: `failure`, or the first line of what it wrote on
  /// standard error, or its exit status.
  std::string Reason() const;
};

/// Runs `argv` (argv[0] looked up on PATH) with standard input from /dev/null. `extra_env`
/// (NAME=VALUE each) is added to the inherited environment, replacing a variable of the same
/// name. A program that writes more than `limit` bytes, or has not finished after `timeout`,
/// is killed: its result says so in `failure`, so that no input makes the caller wait forever.
ProcessOutput RunProcess(const std::vector<std::string>& argv, size_t limit, const std::vector<std::string>& extra_env = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(120));

}  // namespace sancheck
