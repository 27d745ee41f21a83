// RevisionFiles: `git ls-tree` lists a path's files in a commit, one `git show` reads them all into a MemoryFileReader.
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

constexpr uint64_t kUnknownSize = UINT64_MAX;

// One entry of `git ls-tree -l -z`: "<mode> <type> <object> <size>\t<path>", the size padded
// with spaces on the left ("-" for what is not a blob).
struct TreeEntry {
  std::string mode, object, path;
  uint64_t size = 0;
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
    const size_t sp3 = sp2 == std::string::npos ? sp2 : line.find(' ', sp2 + 1);
    if (tab == std::string::npos || sp3 == std::string::npos || sp3 > tab) continue;
    TreeEntry e{line.substr(0, sp1), line.substr(sp2 + 1, sp3 - sp2 - 1), line.substr(tab + 1)};
    const size_t digits = line.find_first_not_of(' ', sp3);
    if (digits == std::string::npos || digits >= tab) continue;
    const auto [ptr, ec] = std::from_chars(line.data() + digits, line.data() + tab, e.size);
    if (ec != std::errc() || ptr != line.data() + tab) e.size = kUnknownSize;  // "-": not a blob, or missing
    out.push_back(std::move(e));
  }
  return out;
}

// Blobs per `git show`: their names stay far below the bound on a command line's length.
constexpr size_t kBlobsPerRun = 1000;

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
  const auto listing = Git({"-C", top_, "--literal-pathspecs", "ls-tree", "-r", "-l", "-z", commit_, "--", pathspec}, why);
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
  // A git process per file took most of a run's time (~40 ms each here, 70 files for the
  // built-in packs): `git show` writes blobs one after the other, and the listing's sizes say
  // where each ends. Should that not add up, each is read on its own, as git names its errors.
  for (size_t from = 0; from < wanted.size(); from += kBlobsPerRun) {
    const size_t to = std::min(wanted.size(), from + kBlobsPerRun);
    std::vector<std::string> args = {"-C", top_, "show", "--no-textconv", "--no-color"};
    uint64_t total = 0;
    bool sized = true;  // git gave every size (not so for an object the repository lacks)
    for (size_t i = from; i < to; ++i) {
      args.push_back(wanted[i].object);
      sized = sized && wanted[i].size != kUnknownSize;
      total += sized ? wanted[i].size : 0;
    }
    const auto all = sized ? Git(args, why, static_cast<size_t>(total) + 1) : std::nullopt;
    size_t at = 0;
    for (size_t i = from; i < to; ++i) {
      const TreeEntry& e = wanted[i];
      std::optional<std::string> text;
      if (all && all->size() == total) {
        text = all->substr(at, static_cast<size_t>(e.size));
        at += static_cast<size_t>(e.size);
      } else {
        text = Git({"-C", top_, "cat-file", "blob", e.object}, why, kMaxInputBytes);
      }
      if (!text) {
        error = rev_ + ":" + e.path + ": cannot be read (" + why + "; files over 64 MiB are not read)";
        return std::nullopt;
      }
      const std::string suffix = e.path == pathspec ? "" : "/" + e.path.substr(under.size());
      files_->Add(rev_ + ":" + name + suffix, *text);
    }
  }
  return rev_ + ":" + name;
}

}  // namespace sancheck::cli
