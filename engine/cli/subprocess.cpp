// RunProcess(): posix_spawnp with a pipe for standard output, so that no argument ever passes through a shell.
#include "cli/subprocess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

extern char** environ;

namespace sancheck::cli {
namespace {

// Closes what it holds when it goes out of scope, whichever way that is.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

int Wait(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::optional<ProcessOutput> RunProcess(const std::vector<std::string>& argv, size_t limit,
                                        const std::vector<std::string>& extra_env) {
  if (argv.empty()) return std::nullopt;
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC) != 0) return std::nullopt;
  Fd read_end{ends[0]};
  Fd write_end{ends[1]};
  posix_spawn_file_actions_t actions;
  if (posix_spawn_file_actions_init(&actions) != 0) return std::nullopt;
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The environment as inherited, each `extra_env` NAME=VALUE replacing an inherited NAME.
  std::vector<char*> env;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    const auto same_name = [&](const std::string& x) {
      const size_t eq = x.find('=');
      return eq != std::string::npos && entry.substr(0, eq + 1) == std::string_view(x).substr(0, eq + 1);
    };
    bool replaced = false;
    for (const auto& x : extra_env) replaced = replaced || same_name(x);
    if (!replaced) env.push_back(*e);
  }
  for (const auto& x : extra_env) env.push_back(const_cast<char*>(x.c_str()));
  env.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return std::nullopt;
  ::close(write_end.fd);  // so that reading ends when the child exits
  write_end.fd = -1;
  ProcessOutput result;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(read_end.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.out.append(buf, static_cast<size_t>(n));
    if (result.out.size() > limit) {
      ::kill(pid, SIGKILL);
      Wait(pid);
      return std::nullopt;
    }
  }
  result.status = Wait(pid);
  return result;
}

}  // namespace sancheck::cli
