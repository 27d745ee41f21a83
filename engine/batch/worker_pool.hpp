// Pool and ParallelFor: the batch pipeline's worker threads, fed chunks and picked up in order.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "batch/chunk.hpp"

namespace sancheck::batch {

// A fixed pool of worker threads fed with chunks; results are picked up in order by the caller.
class Pool {
 public:
  Pool(int threads, std::function<void(Chunk&, int)> work) : work_(std::move(work)) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this, i] { Loop(i); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(m_);
      closed_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  void Submit(Chunk& c) {
    {
      std::lock_guard<std::mutex> lock(m_);
      c.done = false;
      queue_.push_back(&c);
    }
    cv_.notify_one();
  }
  void Wait(Chunk& c) {
    std::unique_lock<std::mutex> lock(m_);
    done_cv_.wait(lock, [&] { return c.done; });
  }

 private:
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
      work_(*c, id);
      {
        std::lock_guard<std::mutex> lock(m_);
        c->done = true;
      }
      done_cv_.notify_all();
    }
  }

  std::function<void(Chunk&, int)> work_;
  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable cv_, done_cv_;
  std::deque<Chunk*> queue_;
  bool closed_ = false;
};

// Runs fn(i, worker) for i in [0, n) on `threads` threads.
template <typename F>
void ParallelFor(int threads, size_t n, F&& fn) {
  std::atomic<size_t> next{0};
  auto loop = [&](int w) {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i, w);
  };
  std::vector<std::thread> ts;
  for (int w = 1; w < threads; ++w) ts.emplace_back(loop, w);
  loop(0);
  for (auto& t : ts) t.join();
}

}  // namespace sancheck::batch
