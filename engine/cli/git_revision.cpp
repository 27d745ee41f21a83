// RevisionFiles: `git ls-tree` lists a path's files in a commit, `git show` reads them in batches into a MemoryFileReader.
#include "cli/git_revision.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>

#include "common/files.hpp"
#include "common/subprocess.hpp"

namespace sancheck::cli {
namespace {

namespace fs = std::filesystem;

// Enough for the hash, a top folder's path, or a tree listing of many packs.
constexpr size_t kListingBytes = 16u * 1024 * 1024;

// git's standard output, or nullopt with `why` set: git's own error line, or what stopped it
// (not installed, too much output, too long); empty when git only answered no (exit status 1,
// nothing said), as `rev-parse --verify --quiet` does for a name that is no commit.
std::optional<std::string> Git(std::vector<std::string> args, std::string& why, size_t limit = kListingBytes) {
  args.insert(args.begin(), "git");
  // Reading a commit must never wait on a person or the network: no credential prompt, no
  // fetch of a partial clone's missing objects, no lock taken to refresh the index.
  ProcessOutput run = RunProcess(args, limit, {"GIT_TERMINAL_PROMPT=0", "GIT_NO_LAZY_FETCH=1", "GIT_OPTIONAL_LOCKS=0"});
  if (!run.ok()) {
    why = run.failure.empty() && run.err.empty() ? "" : run.Reason();
    return std::nullopt;
  }
  return std::move(run.out);
}

// " (why)", or nothing.
std::string Because(const std::string& why) { return why.empty() ? "" : " (" + why + ")"; }

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

/// The size of a blob `git ls-tree` did not give: listed without -l, "-" for a tree or a
/// submodule, "BAD" for an object the repository lacks.
constexpr uint64_t kUnknownSize = UINT64_MAX;

// One entry of `git ls-tree -z`: "<mode> <type> <object>\t<path>", and with -l a size before the
// tab, padded with spaces on the left.
struct TreeEntry {
  std::string mode, object, path;
  uint64_t size = kUnknownSize;
};

std::vector<TreeEntry> ParseTree(const std::string& listing) {
  std::vector<TreeEntry> out;
  size_t at = 0;
  while (at < listing.size()) {
    size_t end = listing.find('\0', at);
    if (end == std::string::npos) end = listing.size();
    const std::string line = listing.substr(at, end - at);
    at = end + 1;
    const size_t tab = line.find('\t');
    const size_t sp1 = line.find(' ');
    const size_t sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
    if (tab == std::string::npos || sp2 == std::string::npos || sp2 > tab) continue;
    const size_t sp3 = line.find(' ', sp2 + 1);
    const size_t object_end = sp3 < tab ? sp3 : tab;
    TreeEntry e{line.substr(0, sp1), line.substr(sp2 + 1, object_end - sp2 - 1), line.substr(tab + 1)};
    if (sp3 < tab) {
      const size_t digits = line.find_first_not_of(' ', sp3);
      const auto [ptr, ec] = std::from_chars(line.data() + digits, line.data() + tab, e.size);
      if (ec != std::errc() || ptr != line.data() + tab) e.size = kUnknownSize;
    }
    out.push_back(std::move(e));
  }
  return out;
}

// A `git show` run: at most this many blobs (their names stay far below the bound on a command
// line's length) and this many bytes (what one file may hold).
constexpr size_t kBlobsPerRun = 1000;
constexpr uint64_t kBytesPerRun = kMaxInputBytes;

// The texts of `entries` by `git show`, which writes blobs one after the other: the listed sizes
// say where each ends. An entry stays nullopt when its size is unknown or its run failed or did
// not add up: the caller reads it on its own, so that git's error names it.
std::vector<std::optional<std::string>> ShowBlobs(const std::string& top, const std::vector<TreeEntry>& entries) {
  std::vector<std::optional<std::string>> texts(entries.size());
  size_t i = 0;
  while (i < entries.size()) {
    if (entries[i].size == kUnknownSize) {
      ++i;
      continue;
    }
    std::vector<std::string> args = {"-C", top, "show", "--no-textconv", "--no-color"};
    const size_t first = i;
    uint64_t total = 0;
    for (; i < entries.size() && entries[i].size != kUnknownSize && i - first < kBlobsPerRun &&
           (i == first || total + entries[i].size <= kBytesPerRun);
         ++i) {
      args.push_back(entries[i].object);
      total += entries[i].size;
    }
    args.push_back("--");  // object names, never paths (a file may be named like one)
    std::string why;
    auto all = Git(args, why, static_cast<size_t>(total) + 1);
    if (!all || all->size() != total) continue;
    size_t at = 0;
    for (size_t k = first; k < i; ++k) {
      texts[k] = all->substr(at, static_cast<size_t>(entries[k].size));
      at += static_cast<size_t>(entries[k].size);
    }
  }
  return texts;
}

}  // namespace

std::optional<RevisionFiles> RevisionFiles::Open(const std::string& rev, std::string& error) {
  // A name starting with '-' would be read by git as an option.
  if (rev.empty() || rev.front() == '-') {
    error = "'" + rev + "' is not a revision";
    return std::nullopt;
  }
  std::string why;
  const auto top = Git({"rev-parse", "--show-toplevel"}, why);
  if (!top) {
    error = "the current folder is not inside a git repository" + Because(why);
    return std::nullopt;
  }
  const auto commit = Git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}, why);
  if (!commit) {
    error = "'" + rev + "' names no commit of the repository" + Because(why);
    return std::nullopt;
  }
  RevisionFiles r;
  r.rev_ = rev;
  r.commit_ = FirstLine(*commit);
  r.top_ = FirstLine(*top);
  return r;
}

std::optional<std::string> RevisionFiles::Add(const std::string& path, std::string& error) {
  std::error_code ec;
  // git names the top folder with symbolic links resolved; so must the path, to be relative to it.
  const fs::path full = fs::weakly_canonical(fs::absolute(path, ec), ec);
  const fs::path rel = full.lexically_relative(fs::path(top_));
  if (ec || rel.empty() || *rel.begin() == "..") {
    error = path + ": not inside the repository at " + top_;
    return std::nullopt;
  }
  const std::string pathspec = rel.generic_string();
  std::string why;
  // With each blob's size (-l); a partial clone lacking some blob of the folder (any file, read
  // or not) cannot give them all, and is listed again without sizes.
  auto listing = Git({"-C", top_, "--literal-pathspecs", "ls-tree", "-r", "-l", "-z", commit_, "--", pathspec}, why);
  if (!listing) listing = Git({"-C", top_, "--literal-pathspecs", "ls-tree", "-r", "-z", commit_, "--", pathspec}, why);
  if (!listing) {
    error = "git could not list " + path + " in " + rev_ + Because(why);
    return std::nullopt;
  }
  std::string name = fs::path(path).lexically_normal().generic_string();
  while (name.size() > 1 && name.back() == '/') name.pop_back();
  const std::string under = pathspec == "." ? "" : pathspec + "/";
  std::vector<TreeEntry> wanted;
  for (TreeEntry& e : ParseTree(*listing)) {
    const bool inside = pathspec == "." || e.path == pathspec || e.path.rfind(under, 0) == 0;
    // Regular files only: a symbolic link or a submodule has no text of its own to read here.
    if (!inside || (e.mode != "100644" && e.mode != "100755")) continue;
    // In a folder, only what a folder search reads (*.yaml, *.yml).
    const std::string ext = fs::path(e.path).extension().string();
    if (e.path != pathspec && ext != ".yaml" && ext != ".yml") continue;
    if (e.size != kUnknownSize && e.size > kMaxInputBytes) {
      error = rev_ + ":" + e.path + ": cannot be read: larger than 64 MiB (" + std::to_string(e.size) + " bytes)";
      return std::nullopt;
    }
    wanted.push_back(std::move(e));
  }
  if (wanted.empty()) return std::nullopt;
  // One git process per file took most of a run's time: they are read in batches.
  std::vector<std::optional<std::string>> texts = ShowBlobs(top_, wanted);
  for (size_t i = 0; i < wanted.size(); ++i) {
    const TreeEntry& e = wanted[i];
    if (!texts[i]) texts[i] = Git({"-C", top_, "cat-file", "blob", e.object}, why, kMaxInputBytes);
    if (!texts[i]) {
      error = rev_ + ":" + e.path + ": cannot be read (" + why + (e.size == kUnknownSize ? "; files over 64 MiB are not read)" : ")");
      return std::nullopt;
    }
    const std::string suffix = e.path == pathspec ? "" : "/" + e.path.substr(under.size());
    files_->Add(rev_ + ":" + name + suffix, std::move(*texts[i]));
  }
  return rev_ + ":" + name;
}

}  // namespace sancheck::cli
