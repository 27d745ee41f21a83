// Strict reading of YAML nodes: positioned type errors, unknown and duplicate keys reported as diagnostics.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/compact_yaml.hpp"
#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"

namespace sancheck {

/// Wraps one file's diagnostics so loaders can say `r.Error(node, ...)`.
class YamlReader {
 public:
  YamlReader(std::shared_ptr<const SourceFile> file, Diagnostics& diags, std::string code_prefix)
      : file_(std::move(file)), diags_(diags), prefix_(std::move(code_prefix)) {}

  SourcePos Pos(const YAML::Node& n) const;
  SourcePos Pos(const CompactNode& n) const;
  SourcePos Pos(const YAML::Mark& m) const;
  const std::shared_ptr<const SourceFile>& file() const { return file_; }
  Diagnostics& diags() { return diags_; }

  // Every reading function below takes a yaml-cpp node or a compact one (CompactYaml), with
  // the same checks and messages: one implementation serves both.

  /// Records an error; `code` is appended to the reader's prefix ("scenario." + code).
  void Error(const YAML::Node& n, std::string_view code, std::string message);
  void Error(const CompactNode& n, std::string_view code, std::string message);
  void Error(const YAML::Mark& m, std::string_view code, std::string message);
  void Warning(const YAML::Node& n, std::string_view code, std::string message);
  void Warning(const CompactNode& n, std::string_view code, std::string message);

  /// Checks that `n` is a map whose keys are all in `allowed` (LoadAll already made them unique).
  /// Returns false (after reporting) when `n` is not a map.
  bool CheckMap(const YAML::Node& n, std::string_view what,
                std::initializer_list<std::string_view> allowed);
  bool CheckMap(const CompactNode& n, std::string_view what,
                std::initializer_list<std::string_view> allowed);
  bool CheckMap(const YAML::Node& n, std::string_view what, std::span<const std::string_view> allowed);
  bool CheckMap(const CompactNode& n, std::string_view what, std::span<const std::string_view> allowed);
  /// As above, leaving out the unknown keys in `reported` (said already, with a hint), which the
  /// list of keys expected does not name either.
  bool CheckMap(const YAML::Node& n, std::string_view what, std::span<const std::string_view> allowed,
                std::span<const std::string> reported);
  bool CheckMap(const CompactNode& n, std::string_view what, std::span<const std::string_view> allowed,
                std::span<const std::string> reported);
  /// Reports every key of `n` (a map) that is required but missing.
  bool Require(const YAML::Node& n, std::string_view what,
               std::initializer_list<std::string_view> required);
  bool Require(const CompactNode& n, std::string_view what,
               std::initializer_list<std::string_view> required);

  // Typed getters: report a positioned error and return nullopt on a bad value.
  std::optional<std::string> String(const YAML::Node& n, std::string_view what);
  std::optional<std::string> String(const CompactNode& n, std::string_view what);
  /// Text for people (titles, messages): like String, without the line break
  /// and trailing blanks a block scalar (| or >) ends with.
  std::optional<std::string> Prose(const YAML::Node& n, std::string_view what);
  std::optional<std::string> Prose(const CompactNode& n, std::string_view what);
  std::optional<double> Number(const YAML::Node& n, std::string_view what, bool allow_negative = false);
  std::optional<double> Number(const CompactNode& n, std::string_view what, bool allow_negative = false);
  std::optional<Date> DateValue(const YAML::Node& n, std::string_view what);
  std::optional<Date> DateValue(const CompactNode& n, std::string_view what);
  std::optional<Country> CountryValue(const YAML::Node& n, std::string_view what);
  std::optional<Country> CountryValue(const CompactNode& n, std::string_view what);
  std::optional<std::vector<std::string>> StringList(const YAML::Node& n, std::string_view what);
  std::optional<std::vector<std::string>> StringList(const CompactNode& n, std::string_view what);
  std::optional<bool> Bool(const YAML::Node& n, std::string_view what);
  std::optional<bool> Bool(const CompactNode& n, std::string_view what);

  /// Parses the file as YAML documents after checking its encoding (UTF-8, no NUL),
  /// its limits and its keys (no duplicates); any problem becomes a diagnostic.
  std::optional<std::vector<YAML::Node>> LoadAll();
  /// The same checks and diagnostics as LoadAll, in one pass, into a compact tree (for
  /// files that may be large: a fraction of yaml-cpp's memory and time).
  std::optional<CompactYaml> LoadCompact();

 private:
  std::shared_ptr<const SourceFile> file_;
  Diagnostics& diags_;
  std::string prefix_;
};

/// Short, quoted rendering of a scalar for messages ('abc'), or the node's kind.
std::string Describe(const YAML::Node& n);
std::string Describe(const CompactNode& n);

}  // namespace sancheck
