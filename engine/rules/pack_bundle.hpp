// Rule packs compiled at build time into a sealed binary bundle (versioned, checksummed), read back without YAML.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/sealed_bytes.hpp"
#include "rules/bundled_program.hpp"
#include "rules/pack_sources.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {

inline constexpr std::string_view kBundleMagic = "SNCKPACK";
/// Raised whenever the layout changes; a bundle of another version is refused.
inline constexpr uint32_t kBundleVersion = 3;

/// Where the bytes of a condition lie in its pack file: from `offset` on, byte k of the
/// condition is at `line`, `column` + (k - offset), up to the next run.
struct PosRun {
  uint32_t offset = 0;
  int32_t line = 0;
  int32_t column = 0;
};

/// A rule as the bundle holds it: read and checked at build time, its condition compiled then
/// (bound to the run's sets at load, or compiled again when the run's tags are not the build's).
struct BundledRule {
  RuleInfo info;
  std::optional<Cap> cap;
  std::vector<PosRun> condition_runs;
  BundledProgram program;
};

/// A named set with its values; a tag set's values by name, since tag bits are given per run.
struct BundledSet {
  SourcePos pos;
  expr::ValueSet values;  ///< `tags` empty
  std::vector<std::string> tags;
};

/// One pack as the loader takes it: everything its YAML files gave the loader.
struct BundledPack {
  PackInfo info;
  /// The pack's files, which positions point into (a designation list's text is left out:
  /// the list is embedded as a snapshot of its own).
  std::vector<std::shared_ptr<const SourceFile>> files;
  SourcePos pos;  ///< of the header
  std::vector<TagDeclaration> tags;
  std::vector<ExemptionKindDef> exemption_kinds;
  std::vector<BundledSet> sets;
  std::vector<BundledRule> rules;
  std::vector<std::string> designation_files;  ///< paths of the pack's designation lists
};

/// The position of byte `offset` of a condition laid out by `runs` in `file`.
SourcePos PosInRuns(const std::vector<PosRun>& runs, const std::shared_ptr<const SourceFile>& file, size_t offset);

/// The bundle of the packs of `sources`, all of them loaded into `set` from YAML without error.
std::string WritePackBundle(const RuleSet& set, const std::vector<PackSource>& sources);

/// The packs of a bundle; nullopt with `error` when it is not a sound bundle of this version.
std::optional<std::vector<BundledPack>> ReadPackBundle(std::string_view bytes, std::string& error,
                                                       Integrity integrity = Integrity::kVerify);

}  // namespace sancheck::rules
