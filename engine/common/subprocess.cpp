// RunProcess(): posix_spawnp with pipes for standard output and error, read with poll() up to a deadline; no shell ever.
#include "common/subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string_view>

extern char** environ;

namespace sancheck {
namespace {

using Clock = std::chrono::steady_clock;

// Closes what it holds when it goes out of scope, whichever way that is.
struct Fd {
  int fd = -1;
  ~Fd() { Close(); }
  void Close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

int ExitStatus(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// Kills the child and whatever it started: it leads its own process group (see RunProcess).
void KillGroup(pid_t pid) { ::kill(-pid, SIGKILL); }

// Reaps the child, killed or not; -1 when its status is lost (SIGCHLD ignored by this process).
int Reap(pid_t pid, bool& lost) {
  int status = 0;
  for (;;) {
    if (::waitpid(pid, &status, 0) == pid) return ExitStatus(status);
    if (errno != EINTR) {
      lost = true;
      return -1;
    }
  }
}

// The inherited environment, each `extra` NAME=VALUE replacing an inherited NAME.
std::vector<char*> Environment(const std::vector<std::string>& extra) {
  std::vector<char*> env;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    bool replaced = false;
    for (const auto& x : extra) {
      const size_t eq = x.find('=');
      replaced = replaced || (eq != std::string::npos && entry.substr(0, eq + 1) == std::string_view(x).substr(0, eq + 1));
    }
    if (!replaced) env.push_back(*e);
  }
  for (const auto& x : extra) env.push_back(const_cast<char*>(x.c_str()));
  env.push_back(nullptr);
  return env;
}

}  // namespace

std::string ProcessOutput::Reason() const {
  if (!failure.empty()) return failure;
  // git writes warnings and hints before its error: the "fatal:" or "error:" line says why.
  std::string first;
  for (size_t at = 0; at < err.size();) {
    size_t end = err.find('\n', at);
    if (end == std::string::npos) end = err.size();
    const std::string line = err.substr(at, end - at);
    if (line.rfind("fatal:", 0) == 0 || line.rfind("error:", 0) == 0) return line;
    if (first.empty()) first = line;
    at = end + 1;
  }
  if (!first.empty()) return first;
  return status < 0 ? "it was ended by a signal" : "it exited with status " + std::to_string(status);
}

ProcessOutput RunProcess(const std::vector<std::string>& argv, size_t limit, const std::vector<std::string>& extra_env,
                         std::chrono::milliseconds timeout) {
  ProcessOutput result;
  if (argv.empty()) {
    result.failure = "no program to run";
    return result;
  }
  // From a millisecond to a day: a larger bound (milliseconds::max() for "none") would overflow
  // the clock.
  timeout = std::clamp(timeout, std::chrono::milliseconds(1), std::chrono::milliseconds(std::chrono::hours(24)));
  const Clock::time_point deadline = Clock::now() + timeout;
  int out_ends[2], err_ends[2];
  if (::pipe2(out_ends, O_CLOEXEC) != 0) {
    result.failure = std::string("cannot make a pipe: ") + std::strerror(errno);
    return result;
  }
  Fd out_read{out_ends[0]}, out_write{out_ends[1]};
  if (::pipe2(err_ends, O_CLOEXEC) != 0) {
    result.failure = std::string("cannot make a pipe: ") + std::strerror(errno);
    return result;
  }
  Fd err_read{err_ends[0]}, err_write{err_ends[1]};
  posix_spawn_file_actions_t actions;
  if (posix_spawn_file_actions_init(&actions) != 0) {
    result.failure = "cannot prepare to start " + argv[0];
    return result;
  }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  // Its own process group, so that what it starts is killed with it.
  posix_spawnattr_t attributes;
  if (posix_spawnattr_init(&attributes) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    result.failure = "cannot prepare to start " + argv[0];
    return result;
  }
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_write.fd, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env = Environment(extra_env);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    result.failure = argv[0] + " could not be started: " + std::strerror(spawned);
    return result;
  }
  // Closed here so that reading ends when the child closes its ends (or exits).
  out_write.Close();
  err_write.Close();
  pollfd fds[2] = {{out_read.fd, POLLIN, 0}, {err_read.fd, POLLIN, 0}};
  int open = 2;
  char buf[65536];
  bool late = false, exited = false, lost = false;
  Clock::time_point exited_at;
  // Read until both pipes end and the child has exited. Once it has, what it started may still
  // hold the pipes open: what is there is read for a moment, then the group is killed, so that
  // a helper left running never holds the caller to the deadline.
  while ((open > 0 || !exited) && result.failure.empty()) {
    const Clock::time_point now = Clock::now();
    if (!exited) {
      int status = 0;
      const pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid) {
        exited = true;
        exited_at = now;
        result.status = ExitStatus(status);
      } else if (r < 0 && errno == ECHILD) {
        exited = lost = true;
        exited_at = now;
      }
    }
    if (exited && now - exited_at > std::chrono::milliseconds(100)) break;
    if (now >= deadline) {
      late = true;
      break;
    }
    // Short waits while the child runs, so that its exit is seen soon after it happens.
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    const int ready = ::poll(fds, 2, static_cast<int>(std::min<long long>(left, 20)));
    if (ready < 0 && errno != EINTR) result.failure = std::string("cannot wait for ") + argv[0] + ": " + std::strerror(errno);
    if (ready <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        fds[i].fd = -1;  // poll skips a negative descriptor
        --open;
        continue;
      }
      const auto got = static_cast<size_t>(n);
      if (i == 0) {
        result.out.append(buf, got);
        if (result.out.size() > limit) result.failure = argv[0] + " wrote more than " + std::to_string(limit) + " bytes";
      } else if (result.err.size() < ProcessOutput::kMaxErrorBytes) {
        result.err.append(buf, std::min(got, ProcessOutput::kMaxErrorBytes - result.err.size()));
      }
    }
  }
  // The child when it is late or over its limit, and what it started that still holds a pipe
  // (which also keeps the group's id from being reused); a helper that let go is left alone.
  if (!exited || open > 0) KillGroup(pid);
  if (!exited) result.status = Reap(pid, lost);
  if (late && result.failure.empty()) {
    const auto ms = timeout.count();
    result.failure = argv[0] + " did not finish within " +
                     (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms");
  }
  if (lost && result.failure.empty()) result.failure = "the exit status of " + argv[0] + " was lost (SIGCHLD is ignored)";
  if (!result.failure.empty()) result.status = -1;
  return result;
}

}  // namespace sancheck
