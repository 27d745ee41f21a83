// What one of the project's YAML files is, told by its top-level keys: the one table every folder search and lint share.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sancheck {

enum class FileFormat { kPackHeader, kPackFile, kDesignationList, kWaivers, kClearances, kRuleTest };

/// A file of the project's formats that is not a scenario: which, what it is called ("a
/// waivers file") and the top-level key that tells so.
struct FileKind {
  FileFormat format;
  std::string_view what;
  std::string_view key;
  bool IsPack() const { return format == FileFormat::kPackHeader || format == FileFormat::kPackFile; }
};

/// The kind of a file whose documents have these top-level keys when it is a waivers,
/// clearances, rule-test, designation-list or rule-pack file; nullopt when it has a
/// 'scenario' key or none of theirs (such a file is read as a scenario, and fails if it is not
/// one: a folder search sets aside only what it recognises).
std::optional<FileKind> NonScenarioKind(const std::vector<std::string_view>& keys);

}  // namespace sancheck
