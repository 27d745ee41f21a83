// The signal handler only unlinks registered paths (async-signal-safe) and re-raises the signal.
#include "common/temp_cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>

namespace sancheck {
namespace {

constexpr int kSlots = 64;
constexpr size_t kMaxPath = 4096;

// A slot is free (0), being filled (1) or holds a path to remove (2). The
// handler reads only lock-free atomics and the path bytes published before
// the state became 2.
enum : int { kFree = 0, kFilling = 1, kReady = 2 };
std::atomic<int> g_state[kSlots];
char g_paths[kSlots][kMaxPath];
static_assert(std::atomic<int>::is_always_lock_free);

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

void OnSignal(int sig) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_state[i].load(std::memory_order_acquire) == kReady) unlink(g_paths[i]);
  }
  // The default action now: the process ends as the signal says (exit status 128+n).
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  raise(sig);
}

void Install() {
  for (int sig : kSignals) {
    struct sigaction old {};
    sigaction(sig, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // ignored by whoever started us (nohup): keep it so
    struct sigaction sa {};
    sa.sa_handler = OnSignal;
    sigemptyset(&sa.sa_mask);
    for (int s : kSignals) sigaddset(&sa.sa_mask, s);  // one cleanup at a time
    sigaction(sig, &sa, nullptr);
  }
}

}  // namespace

int RememberTemporary(const std::string& path) {
  static std::once_flag installed;
  std::call_once(installed, Install);
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_state[i].compare_exchange_strong(expected, kFilling, std::memory_order_acq_rel)) continue;
    std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
    g_state[i].store(kReady, std::memory_order_release);
    return i;
  }
  return -1;
}

void ForgetTemporary(int slot) {
  if (slot >= 0 && slot < kSlots) g_state[slot].store(kFree, std::memory_order_release);
}

}  // namespace sancheck
