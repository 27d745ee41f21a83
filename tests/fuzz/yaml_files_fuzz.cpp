// Fuzz target for the YAML side files: waivers and clearances (and so the strict YAML pass every YAML input takes).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "screen/clearances.hpp"
#include "waivers/waivers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (int kind = 0; kind < 2; ++kind) {
    auto file = std::make_shared<SourceFile>(SourceFile{kind ? "clearances.yaml" : "waivers.yaml", text});
    Diagnostics diags;
    if (kind) {
      screen::ParseClearances(file, diags);
    } else {
      waivers::ParseWaivers(file, diags);
    }
    for (const auto& d : diags.items()) {
      if (d.severity == Severity::kError && !d.pos.file) std::abort();  // every error points into the file
    }
    diags.RenderAll();
  }
  return 0;
}
