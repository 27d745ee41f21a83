// RunProcess: output and error captured, the environment extended, and no program allowed to run past its bounds.
#include <doctest/doctest.h>

#include <chrono>

#include "common/subprocess.hpp"

namespace sancheck {
namespace {

using std::chrono::milliseconds;

TEST_SUITE("common.subprocess") {
  TEST_CASE("standard output and error are captured, the exit status kept") {
    const ProcessOutput r = RunProcess({"sh", "-c", "printf out; printf 'err line\\nmore' >&2; exit 3"}, 1024);
    CHECK(r.failure.empty());
    CHECK(r.status == 3);
    CHECK(r.out == "out");
    CHECK(r.err == "err line\nmore");
    CHECK_FALSE(r.ok());
    CHECK(r.Reason() == "err line");
  }

  TEST_CASE("extra variables are added, and replace inherited ones of the same name") {
    const ProcessOutput r = RunProcess({"sh", "-c", "printf '%s %s' \"$SANCHECK_A\" \"$HOME\""}, 1024,
                                       {"SANCHECK_A=one", "HOME=/nowhere"});
    CHECK(r.ok());
    CHECK(r.out == "one /nowhere");
  }

  TEST_CASE("a program that runs too long is killed, and says so") {
    const auto started = std::chrono::steady_clock::now();
    const ProcessOutput r = RunProcess({"sh", "-c", "sleep 20"}, 1024, {}, milliseconds(300));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    CHECK_FALSE(r.ok());
    CHECK(r.Reason() == "sh did not finish within 300 ms");
  }

  TEST_CASE("a program that closes its output and lives on is killed at the deadline too") {
    const ProcessOutput r = RunProcess({"sh", "-c", "exec >/dev/null 2>&1; sleep 20"}, 1024, {}, milliseconds(300));
    CHECK(r.Reason() == "sh did not finish within 300 ms");
  }

  TEST_CASE("a program that exits while something it started holds its output is not waited for") {
    const auto started = std::chrono::steady_clock::now();
    const ProcessOutput r = RunProcess({"sh", "-c", "sleep 30 & echo hi"}, 1024);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    CHECK(r.ok());
    CHECK(r.out == "hi\n");
  }

  TEST_CASE("the reason is git's error line, not a hint before it, and any time limit is safe") {
    const ProcessOutput r = RunProcess({"sh", "-c", "echo 'hint: try this' >&2; echo 'fatal: no such ref' >&2; exit 128"}, 1024);
    CHECK(r.Reason() == "fatal: no such ref");
    CHECK(RunProcess({"true"}, 1024, {}, milliseconds::max()).ok());
  }

  TEST_CASE("too much output, or no such program, is a failure with its reason") {
    const ProcessOutput big = RunProcess({"sh", "-c", "yes"}, 100000);
    CHECK(big.Reason() == "sh wrote more than 100000 bytes");
    const ProcessOutput none = RunProcess({"sancheck-no-such-program"}, 1024);
    CHECK(none.Reason().rfind("sancheck-no-such-program could not be started", 0) == 0);
  }
}

}  // namespace
}  // namespace sancheck
