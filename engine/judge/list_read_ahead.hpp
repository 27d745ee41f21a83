// Reads the packs' designation lists on a second thread while their conditions compile.
#pragma once

#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "rules/rule_set.hpp"
#include "sancheck/diagnostics.hpp"
#include "screen/designations_loader.hpp"
#include "screen/name_index.hpp"

namespace sancheck::judge {

/// One designation list as read: its entries and, from a snapshot, its prebuilt index.
struct ListRead {
  screen::DesignationList list;
  std::shared_ptr<const screen::NameIndex> index;  ///< null for a YAML list (built by the Screener)
};

/// Reads a pack's list file: a YAML list or a snapshot. `builtin` (the file is one of
/// RuleSet::builtin_designation_files) reads a built-in snapshot from the binary by the file's
/// path (rules::BuiltinListBytes), trusted: it was checked when the binary was built; such a
/// file's own text is empty. A snapshot's entries come without their titles and notes
/// (screen::EntryText::kForScreening). nullopt when it does not read, the error in `diags`.
/// `role`: a YAML file named by `--lists` is a list file, one of a pack's files may hold rules too.
std::optional<ListRead> ReadListFile(const std::shared_ptr<const SourceFile>& file, bool builtin,
                                     screen::ListFileRole role, Diagnostics& diags);

/// Reads every built-in list on a thread of its own, for a program about to load the built-in
/// packs (the command line, before it parses its arguments): the read (~2 ms) then overlaps the
/// arguments, the pack bundle and the conditions' compile instead of starting after the first
/// two. ListReadAhead takes what it read; what no load takes is dropped. Once per process;
/// nothing with one core, or when no thread can start. The library never starts it.
///
/// The object waits for the read to end when it goes: held by main, it goes before the process
/// destroys its static objects, which the read uses (a usage error can end main at once).
class BuiltinListsReadEarly {
 public:
  BuiltinListsReadEarly();
  ~BuiltinListsReadEarly();
  BuiltinListsReadEarly(const BuiltinListsReadEarly&) = delete;
  BuiltinListsReadEarly& operator=(const BuiltinListsReadEarly&) = delete;
};
/// How many lists loads have taken from BuiltinListsReadEarly's read so far (for tests).
size_t BuiltinListsTakenEarly();

/// Starting a run reads the built-in UN list (~4 ms) and compiles the packs' conditions (~3 ms),
/// neither needing the other until screening is put together. Started as soon as the packs
/// are parsed, the read overlaps the compile on a second core: a cold `check` starts ~3 ms
/// sooner. Nothing runs ahead on a machine with one core.
class ListReadAhead {
 public:
  /// Whether the built-in lists BuiltinListsReadEarly is reading are taken from it.
  enum UseEarly : bool { kOwnReadsOnly = false, kTakeEarly = true };
  /// `first`: work for the thread before its reads (the early read fetches the process's
  /// SHA-256 there: the first digest on the main thread, the scenario's, would otherwise wait
  /// ~0.4 ms for OpenSSL to fetch it).
  explicit ListReadAhead(UseEarly early = kTakeEarly, void (*first)() = nullptr) : early_(early), first_(first) {}
  ListReadAhead(const ListReadAhead&) = delete;
  ListReadAhead& operator=(const ListReadAhead&) = delete;
  ~ListReadAhead();

  /// Starts reading the lists on a thread of its own: the built-in snapshots (from the binary)
  /// and the packs' own list files. Nothing starts with one core or when no thread can start.
  void Start(const rules::PackLists& lists);

  /// Whether `file` was read ahead; if so (once), its result in `out` and its diagnostics
  /// appended to `diags`, after waiting for the reads to end (not for the thread: Wait).
  bool Take(const SourceFile* file, Diagnostics& diags, std::optional<ListRead>& out);

  /// Whether it reads (or read) the built-in list at `builtin_path` itself.
  bool Reads(std::string_view builtin_path) const;
  /// Waits for its reads to end.
  void Wait() { Join(); }

 private:
  struct Done {
    std::string builtin_path;  ///< a built-in list's, whose file the thread fetches
    std::shared_ptr<const SourceFile> file;
    Diagnostics diags;
    std::optional<ListRead> read;
    bool taken = false;
    bool early = false;  ///< read by BuiltinListsReadEarly's thread, taken from it
  };
  void Join();
  /// Waits until the thread's reads are done (not for the thread to end: Join does that).
  void AwaitReads();
  void ReadAll();  ///< the thread's work

  std::vector<Done> done_;
  UseEarly early_;  ///< kOwnReadsOnly for the early read itself
  void (*first_)();
  std::exception_ptr failed_;  ///< what the read threw, rethrown by Take
  std::atomic<bool> reads_done_{false};  ///< set by the thread after its last write to done_ and failed_
  std::thread thread_;
};

}  // namespace sancheck::judge
