// Reads the packs' designation lists on a second thread while their conditions compile.
#include "judge/list_read_ahead.hpp"

#include <exception>
#include <system_error>
#include <utility>

#include "rules/pack_sources.hpp"
#include "screen/list_snapshot.hpp"

namespace sancheck::judge {

std::optional<ListRead> ReadListFile(const std::shared_ptr<const SourceFile>& file, bool builtin, Diagnostics& diags) {
  std::optional<screen::ListSnapshot> snap;
  if (builtin) {
    // Read where it lies in the binary; part of the program, checked when it was built (Integrity).
    const auto bytes = rules::BuiltinListBytes(file->path);
    if (!bytes) {
      diags.Error({}, "rules.builtin_corrupt",
                  "the built-in list '" + file->path + "' is missing from this binary; reinstall sancheck");
      return std::nullopt;
    }
    snap = screen::ParseListSnapshot(file->path, *bytes, diags, Integrity::kTrusted);
  } else if (screen::IsListSnapshot(file->text)) {
    snap = screen::ParseListSnapshot(file, diags);
  } else {
    return ListRead{screen::LoadDesignationList(file, diags), nullptr};
  }
  if (!snap) return std::nullopt;
  return ListRead{std::move(snap->list), std::move(snap->index)};
}

ListReadAhead::~ListReadAhead() { Join(); }

void ListReadAhead::Start(const rules::PackLists& lists) {
  // Started once; with one core the reads would only take turns with the compile.
  if (thread_.joinable() || !done_.empty() || std::thread::hardware_concurrency() < 2) return;
  for (const auto& path : lists.builtin) done_.push_back(Done{path, nullptr, {}, std::nullopt, false});
  for (const auto& f : lists.files) done_.push_back(Done{"", f, {}, std::nullopt, false});
  if (done_.empty()) return;
  // The thread owns done_ until Join: nothing else touches it before then. A thread that cannot
  // start (a process limit) leaves the lists to be read in turn.
  try {
    thread_ = std::thread([this] { ReadAll(); });
  } catch (const std::system_error&) {
    done_.clear();
  }
}

void ListReadAhead::ReadAll() {
  try {
    for (Done& d : done_) {
      const bool builtin = !d.builtin_path.empty();
      if (builtin) d.file = rules::BuiltinListSnapshot(d.builtin_path);
      if (d.file) d.read = ReadListFile(d.file, builtin, d.diags);  // a missing one: the loader says so
    }
  } catch (...) {
    failed_ = std::current_exception();  // rethrown to the caller by Take, as a direct read would throw
  }
}

void ListReadAhead::Join() {
  if (thread_.joinable()) thread_.join();
}

bool ListReadAhead::Take(const SourceFile* file, Diagnostics& diags, std::optional<ListRead>& out) {
  Join();
  if (failed_) std::rethrow_exception(std::exchange(failed_, nullptr));
  for (Done& d : done_) {
    if (!d.file || d.file.get() != file || d.taken) continue;
    d.taken = true;
    diags.Append(d.diags);
    out = std::move(d.read);
    return true;
  }
  return false;
}

}  // namespace sancheck::judge
