// Fuzz target for rule packs: any text as a pack.yaml is loaded (conditions compiled) or rejected with positions.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "rules/rule_set.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  // Packs are loaded from folders, so the input is written to one (per process, reused, removed at exit).
  struct TempDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("sancheck-pack-fuzz-" + std::to_string(::getpid()));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const TempDir temp;
  const std::filesystem::path& dir = temp.path;
  {
    std::ofstream out(dir / "pack.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  Diagnostics diags;
  rules::LoadRuleSet({dir.string()}, diags);
  diags.RenderAll();
  return 0;
}
