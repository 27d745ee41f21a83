// The top-level keys of each of the project's YAML formats, as their loaders require them.
#include "common/file_kind.hpp"

#include <algorithm>
#include <array>

namespace sancheck {
namespace {

struct KindKeys {
  FileFormat format;
  std::string_view what;
  std::array<std::string_view, 5> keys;  // unused slots are empty
};

// In order of precedence: a pack header may also hold rules and sets, and a pack file may hold
// designations. The keys are the ones each loader requires or allows at the top.
constexpr std::array kKinds{
    KindKeys{FileFormat::kPackHeader, "a rule pack's header", {"pack"}},
    KindKeys{FileFormat::kPackFile, "a rule-pack file", {"rules", "sets", "tags", "exemptions", "extends"}},
    KindKeys{FileFormat::kDesignationList, "a designation list", {"designations"}},
    KindKeys{FileFormat::kWaivers, "a waivers file", {"waivers"}},
    KindKeys{FileFormat::kClearances, "a clearances file", {"clearances"}},
    KindKeys{FileFormat::kRuleTest, "a rule test", {"test", "expect"}},
};

}  // namespace

std::optional<FileKind> NonScenarioKind(const std::vector<std::string_view>& keys) {
  const auto has = [&](std::string_view k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
  if (has("scenario")) return std::nullopt;
  for (const auto& entry : kKinds) {
    for (std::string_view k : entry.keys) {
      if (!k.empty() && has(k)) return FileKind{entry.format, entry.what, k};
    }
  }
  return std::nullopt;
}

}  // namespace sancheck
