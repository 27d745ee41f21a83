// Tests of the all-or-nothing outputs and of the output-is-an-input check.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/atomic_output.hpp"
#include "common/files.hpp"

namespace fs = std::filesystem;
using namespace sancheck;

namespace {

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("sancheck-atomic-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string Path(const std::string& name) const { return (dir / name).string(); }
  std::string Read(const std::string& name) const {
    std::ifstream in(dir / name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  size_t Entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
};

}  // namespace

TEST_CASE("atomic outputs: all files or none") {
  Scratch s;
  std::ofstream(s.Path("a.json")) << "old";
  const std::string err = WriteFilesAtomically({{s.Path("a.json"), "new"}, {s.Path("missing/b.sarif"), "x"}});
  CHECK(err.find("cannot write '" + s.Path("missing/b.sarif") + "'") == 0);
  CHECK(s.Read("a.json") == "old");
  CHECK(s.Entries() == 1);  // no temporary left
  CHECK(WriteFilesAtomically({{s.Path("a.json"), "new"}, {s.Path("b.sarif"), "x"}}).empty());
  CHECK(s.Read("a.json") == "new");
  CHECK(s.Read("b.sarif") == "x");
  CHECK(s.Entries() == 2);
}

TEST_CASE("atomic outputs: an output abandoned before its commit leaves nothing") {
  Scratch s;
  {
    AtomicOutput out(s.Path("r.jsonl"));
    REQUIRE(out.Open().empty());
    std::fputs("{\"id\":\"S1\",\"verdict\":\"p", out.stream());
    CHECK(s.Entries() == 1);  // the temporary
  }
  CHECK(s.Entries() == 0);
}

TEST_CASE("output is input: same file through links, not a new file or a device") {
  Scratch s;
  std::ofstream(s.Path("in.yaml")) << "scenario: x\n";
  fs::create_symlink(s.Path("in.yaml"), s.Path("link.yaml"));
  fs::create_hard_link(s.Path("in.yaml"), s.Path("hard.yaml"));
  CHECK(OutputIsInput({s.Path("link.yaml")}, {s.Path("in.yaml")}));
  CHECK(OutputIsInput({s.Path("hard.yaml")}, {s.Path("in.yaml")}));
  CHECK(OutputIsInput({s.Path("in.yaml")}, {s.dir.string() + "/./in.yaml"}));
  CHECK_FALSE(OutputIsInput({s.Path("new.json")}, {s.Path("in.yaml")}));
  CHECK_FALSE(OutputIsInput({"/dev/null"}, {"/dev/null"}));
}
