// The batch worker pool and ParallelFor: what a worker throws reaches the caller, on whichever thread it ran.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "batch/worker_pool.hpp"

namespace sancheck::batch {
namespace {

TEST_SUITE("batch.worker_pool") {
  TEST_CASE("a chunk whose work throws is rethrown where its result is waited for, the others are done") {
    for (const int threads : {1, 2, 4}) {
      CAPTURE(threads);
      std::vector<Chunk> chunks(8);
      Pool pool(threads, [&](Chunk& c, int) {
        if (&c == &chunks[3]) throw std::runtime_error("chunk 3");
        c.lines = 1;
      });
      for (Chunk& c : chunks) pool.Submit(c);
      for (size_t i = 0; i < chunks.size(); ++i) {
        if (i == 3) {
          CHECK_THROWS_WITH_AS(pool.Wait(chunks[i]), "chunk 3", std::runtime_error);
        } else {
          pool.Wait(chunks[i]);
          CHECK(chunks[i].lines == 1);
        }
      }
    }
  }

  TEST_CASE("a pool dropped with chunks still queued stops without working them") {
    std::vector<Chunk> chunks(64);
    std::atomic<int> worked{0};
    std::atomic<bool> go{false};
    {
      // One pool thread (the caller is the second worker, and it does not wait here): it holds
      // its first chunk until the queue is dropped.
      Pool pool(2, [&](Chunk&, int) {
        while (!go) std::this_thread::yield();
        ++worked;
      });
      for (Chunk& c : chunks) pool.Submit(c);
      pool.Cancel();
      go = true;
    }
    CHECK(worked.load() <= 1);
  }

  TEST_CASE("ParallelFor rethrows what one of its threads threw, after all have stopped") {
    // The other items take a millisecond each, so the threads that did not throw would need half
    // a second to run them all; stopping early is seen without racing the throw's unwinding.
    std::atomic<int> ran{0};
    CHECK_THROWS_WITH_AS(ParallelFor(3, 1000,
                                     [&](size_t i, int) {
                                       ++ran;
                                       if (i == 10) throw std::runtime_error("item 10");
                                       std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                     }),
                         "item 10", std::runtime_error);
    CHECK(ran.load() < 1000);
  }
}

}  // namespace
}  // namespace sancheck::batch
