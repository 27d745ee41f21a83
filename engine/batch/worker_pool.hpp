// Pool and ParallelFor: the batch pipeline's worker threads, fed chunks and picked up in order.
#pragma once

#include <atomic>
#include <cassert>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "batch/chunk.hpp"

namespace sancheck::batch {

// A fixed pool of worker threads fed with chunks; results are picked up in order by the caller,
// who works too: while the chunk it waits for is not done, it takes queued chunks itself. So
// `threads` workers are threads - 1 pool threads and the caller (worker threads - 1): never more
// threads than the run asked for, fewer sleeps and wake-ups, and the chunks the caller takes
// are parsed on the core that read them.
class Pool {
 public:
  Pool(int threads, std::function<void(Chunk&, int)> work) : work_(std::move(work)), caller_id_(threads - 1) {
    assert(threads >= 1);
    for (int i = 0; i + 1 < threads; ++i) threads_.emplace_back([this, i] { Loop(i); });
  }
  // Chunks still queued are dropped, not worked: a run ends early only when it gave up.
  ~Pool() {
    Cancel();
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  /// Drops the queued chunks and stops the pool threads once their current chunk is done.
  void Cancel() {
    std::lock_guard<std::mutex> lock(m_);
    closed_ = true;
    queue_.clear();
  }
  void Submit(Chunk& c) {
    {
      std::lock_guard<std::mutex> lock(m_);
      c.done = false;
      queue_.push_back(&c);
    }
    cv_.notify_one();
  }
  /// Waits for `c`, working on queued chunks meanwhile; rethrows what its work threw.
  void Wait(Chunk& c) {
    std::unique_lock<std::mutex> lock(m_);
    while (!c.done) {
      if (!queue_.empty()) {
        Chunk* next = queue_.front();
        queue_.pop_front();
        lock.unlock();
        Work(*next, caller_id_);
        lock.lock();
        next->done = true;
        continue;
      }
      waited_ = &c;
      done_cv_.wait(lock, [&] { return c.done; });
      waited_ = nullptr;
    }
    if (c.error) std::rethrow_exception(std::exchange(c.error, nullptr));
  }

 private:
  // The same on every thread: what the work throws (an allocation that fails) is kept with its
  // chunk and rethrown where the caller waits for it, never escaping a pool thread.
  void Work(Chunk& c, int id) {
    try {
      work_(c, id);
    } catch (...) {
      c.error = std::current_exception();
    }
  }

  void Loop(int id) {
    for (;;) {
      Chunk* c;
      {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        c = queue_.front();
        queue_.pop_front();
      }
      Work(*c, id);
      bool wake;
      {
        std::lock_guard<std::mutex> lock(m_);
        c->done = true;
        wake = waited_ == c;
      }
      // Only the chunk the caller waits for wakes it: chunks finish out of order, and each
      // needless wake-up is a context switch.
      if (wake) done_cv_.notify_all();
    }
  }

  std::function<void(Chunk&, int)> work_;
  int caller_id_;  ///< the worker number the caller works as
  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable cv_, done_cv_;
  std::deque<Chunk*> queue_;
  Chunk* waited_ = nullptr;  ///< the chunk Wait waits for
  bool closed_ = false;
};

// Runs fn(i, worker) for i in [0, n) on `threads` threads. What fn throws stops the others
// taking more and is rethrown here, once all have stopped, never escaping a thread.
template <typename F>
void ParallelFor(int threads, size_t n, F&& fn) {
  std::atomic<size_t> next{0};
  std::mutex m;
  std::exception_ptr error;
  auto loop = [&](int w) {
    try {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i, w);
    } catch (...) {
      next = n;
      std::lock_guard<std::mutex> lock(m);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> ts;
  for (int w = 1; w < threads; ++w) ts.emplace_back(loop, w);
  loop(0);
  for (auto& t : ts) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace sancheck::batch
