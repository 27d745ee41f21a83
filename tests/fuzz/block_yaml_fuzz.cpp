// Fuzz target for the fast block YAML reader: whatever it reads, yaml-cpp reads with the same events, mark for mark.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <yaml-cpp/exceptions.h>

#include "common/block_yaml.hpp"
#include "common/utf8.hpp"
#include "yaml_events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sancheck;
  const std::string text(reinterpret_cast<const char*>(data), size);
  // What every YAML file passes first (CheckSourceText): UTF-8 without NUL bytes.
  if (text.find('\0') != std::string::npos || !IsValidUtf8(text)) return 0;
  YamlEventRecorder fast;
  // Only what the reader takes goes to yaml-cpp: that is plain enough for yaml-cpp to read
  // without the guards every other input goes through.
  if (!ReadPlainBlockYaml(text, fast)) return 0;
  std::string expected;
  try {
    expected = YamlCppEvents(text);
  } catch (const YAML::Exception&) {
    std::abort();  // the reader took what yaml-cpp refuses
  }
  if (fast.out != expected) std::abort();
  return 0;
}
