// Reads the packs' designation lists on a second thread while their conditions compile.
#include "judge/list_read_ahead.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <system_error>
#include <utility>

#include "common/sha256.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/pack_sources.hpp"
#include "screen/list_snapshot.hpp"

namespace sancheck::judge {

std::optional<ListRead> ReadListFile(const std::shared_ptr<const SourceFile>& file, bool builtin,
                                     screen::ListFileRole role, Diagnostics& diags) {
  std::optional<screen::ListSnapshot> snap;
  if (builtin) {
    // Read where it lies in the binary; part of the program, checked when it was built (Integrity).
    const auto bytes = rules::BuiltinListBytes(file->path);
    if (!bytes) {
      diags.Error({}, "rules.builtin_corrupt",
                  "the built-in list '" + file->path + "' is missing from this binary; reinstall sancheck");
      return std::nullopt;
    }
    snap = screen::ParseListSnapshot(file->path, *bytes, diags, Integrity::kTrusted, screen::EntryText::kForScreening);
  } else if (screen::IsListSnapshot(file->text)) {
    snap = screen::ParseListSnapshot(file, diags, Integrity::kVerify, screen::EntryText::kForScreening);
  } else {
    return ListRead{screen::LoadDesignationList(file, diags, role), nullptr};
  }
  if (!snap) return std::nullopt;
  return ListRead{std::move(snap->list), std::move(snap->index)};
}

namespace {

// What BuiltinListsReadEarly reads: every built-in list, read ahead as a load reads its packs'
// lists, each claimed by at most one load (a process that loads the packs twice reads them
// again the second time). Loads come from any thread: the mutex guards the reader.
class EarlyLists {
 public:
  void Start() {
    const std::lock_guard lock(mutex_);
    if (started_) return;
    started_ = true;
    rules::PackLists all;
    for (const auto& e : rules::BuiltinListSnapshots()) all.builtin.emplace_back(e.path);
    ahead_.Start(all);
  }

  /// Whether the list at `path` is being read early, and now this caller's to Collect.
  bool Claim(std::string_view path) {
    const std::lock_guard lock(mutex_);
    if (!ahead_.Reads(path) || std::find(claimed_.begin(), claimed_.end(), path) != claimed_.end()) return false;
    claimed_.emplace_back(path);
    return true;
  }

  /// Waits for the read to end (it may be still running: nothing claimed it).
  void Finish() {
    const std::lock_guard lock(mutex_);
    ahead_.Wait();
  }

  /// The claimed list at `path`, once read, with its diagnostics appended to `diags`.
  void Collect(std::string_view path, Diagnostics& diags, std::optional<ListRead>& out) {
    const std::lock_guard lock(mutex_);
    if (ahead_.Take(rules::BuiltinListSnapshot(path).get(), diags, out)) ++taken_;
  }

  size_t taken() {
    const std::lock_guard lock(mutex_);
    return taken_;
  }

 private:
  std::mutex mutex_;
  ListReadAhead ahead_{ListReadAhead::kOwnReadsOnly, [] { Sha256Digest(); }};
  std::vector<std::string> claimed_;
  size_t taken_ = 0;
  bool started_ = false;
};

// Never destroyed (a joinable thread must not be): BuiltinListsReadEarly's end waits for the read.
EarlyLists& Early() {
  static auto* early = new EarlyLists();
  return *early;
}

}  // namespace

BuiltinListsReadEarly::BuiltinListsReadEarly() { Early().Start(); }
BuiltinListsReadEarly::~BuiltinListsReadEarly() { Early().Finish(); }

size_t BuiltinListsTakenEarly() { return Early().taken(); }

ListReadAhead::~ListReadAhead() { Join(); }

void ListReadAhead::Start(const rules::PackLists& lists) {
  // Started once; with one core the reads would only take turns with the compile.
  if (thread_.joinable() || !done_.empty() || std::thread::hardware_concurrency() < 2) return;
  bool own_reads = !lists.files.empty();
  for (const auto& path : lists.builtin) {
    const bool early = early_ == kTakeEarly && Early().Claim(path);
    own_reads = own_reads || !early;
    done_.push_back(Done{path, early ? rules::BuiltinListSnapshot(path) : nullptr, {}, std::nullopt, false, early});
  }
  for (const auto& f : lists.files) done_.push_back(Done{"", f, {}, std::nullopt, false, false});
  if (!own_reads) return;  // every list already being read
  // The thread owns done_ until it sets reads_done_ (AwaitReads): nothing else touches it
  // before then. A thread that cannot start (a process limit) leaves the lists to be read in turn.
  try {
    thread_ = std::thread([this] { ReadAll(); });
  } catch (const std::system_error&) {
    done_.clear();
  }
}

void ListReadAhead::ReadAll() {
  try {
    if (first_) first_();
    for (Done& d : done_) {
      if (d.early) continue;
      const bool builtin = !d.builtin_path.empty();
      if (builtin) d.file = rules::BuiltinListSnapshot(d.builtin_path);
      // The packs' own files (a missing one: the loader says so).
      if (d.file) d.read = ReadListFile(d.file, builtin, screen::ListFileRole::kPackFile, d.diags);
    }
  } catch (...) {
    failed_ = std::current_exception();  // rethrown to the caller by Take, as a direct read would throw
  }
  reads_done_.store(true, std::memory_order_release);
}

void ListReadAhead::Join() {
  if (thread_.joinable()) thread_.join();
}

void ListReadAhead::AwaitReads() {
  if (!thread_.joinable()) return;
  // The reads end within a few milliseconds of a start, and the caller comes when it needs
  // them, so it polls for a while first: a sleeping wait (join) is woken up to a millisecond
  // late on a virtual machine whose idle core has been halted. Yielding lets the reader run
  // should it share this core. A longer read (a large list of the user's) is waited for asleep.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
  for (unsigned polls = 1; !reads_done_.load(std::memory_order_acquire); ++polls) {
    std::this_thread::yield();
    if (polls % 64 == 0 && std::chrono::steady_clock::now() > give_up) {
      Join();
      return;
    }
  }
}

bool ListReadAhead::Reads(std::string_view builtin_path) const {
  return std::any_of(done_.begin(), done_.end(), [&](const Done& d) { return !d.early && d.builtin_path == builtin_path; });
}

bool ListReadAhead::Take(const SourceFile* file, Diagnostics& diags, std::optional<ListRead>& out) {
  AwaitReads();
  if (failed_) std::rethrow_exception(std::exchange(failed_, nullptr));
  for (Done& d : done_) {
    if (!d.file || d.file.get() != file || d.taken) continue;
    d.taken = true;
    if (d.early) {
      Early().Collect(d.builtin_path, diags, out);
      return true;
    }
    diags.Append(d.diags);
    out = std::move(d.read);
    return true;
  }
  return false;
}

}  // namespace sancheck::judge
