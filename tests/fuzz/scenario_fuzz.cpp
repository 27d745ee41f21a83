// Fuzz target for scenario files: load any YAML and, when it is a valid scenario, judge it with the built-in pack.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sancheck/checker.hpp"
#include "sancheck/report.hpp"
#include "sancheck/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  static const std::unique_ptr<Checker> checker = [] {
    Diagnostics diags;
    return Checker::Load(CheckOptions{}, diags);
  }();
  Diagnostics diags;
  const auto scenarios =
      ParseScenarioText("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), diags);
  if (diags.HasErrors()) {
    diags.RenderAll();  // rendering quotes the source line: it must cope with any text
    return 0;
  }
  const RunResult run = checker->Check(scenarios, Date::Parse("2023-09-13"));
  RenderReport(run, ReportFormat::kJson, ReportOptions{});
  return 0;
}
