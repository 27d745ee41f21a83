// RuleSet: the loaded, compiled rule packs — rules with their programs, named sets, tags and designations.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "expr/compiler.hpp"
#include "expr/program.hpp"
#include "expr/tags.hpp"
#include "sancheck/file_reader.hpp"
#include "sancheck/rules.hpp"

namespace sancheck::rules {

/// Aggregate cap over a run (petroleum): deliveries below the limit get the
/// rule's verdict; the one that crosses it and all after it are prohibited.
struct Cap {
  double limit = 0;           ///< in `unit`
  Unit unit = Unit::kBbl;
  std::map<Unit, double> factors;  ///< multiply a quantity in this unit to get `unit`
  /// kYear: 12-month periods starting each year on start_month/start_day
  /// (1 January for calendar years; 22 December for the crude-oil cap of 2397 OP4).
  enum class Period { kYear, kWhole } period = Period::kYear;
  unsigned start_month = 1, start_day = 1;

  /// The year in which the period holding `date` starts (0 for kWhole).
  int PeriodOf(Date date) const;
  /// "in 2020", "in the 12 months from 2017-12-22", or "" for kWhole.
  std::string PeriodLabel(int period) const;
  std::string basis;          ///< where the conversion factors come from
};

/// An exemption kind a pack defines (`exemptions:` in its header): what the
/// resolutions allow, the paragraph granting it, and when a claim of it can
/// apply. A kind covers only rules of its own pack that list it.
struct ExemptionKindDef {
  std::string name;   ///< "textile-contracts"
  std::string pack;
  std::string title;  ///< "contract wind-down (textiles)"
  std::vector<Citation> citations;
  std::optional<Date> from;   ///< first activity date a claim can cover
  std::optional<Date> until;  ///< last activity date a claim can cover
  std::string window;         ///< how reports name the window: "90-day window"
  std::string text;           ///< default text for rules that list the kind
  SourcePos pos;
};

/// At most this many exemption kinds over the loaded packs (a rule keeps a bit mask).
inline constexpr size_t kMaxExemptionKinds = 64;

struct Rule {
  RuleInfo info;
  expr::Program program;
  uint32_t applies_mask = 0;   ///< bit per ActivityType
  uint64_t exemption_mask = 0; ///< bit per index into RuleSet::exemption_kinds
  std::optional<Cap> cap;
  int index = 0;               ///< position in RuleSet::rules (sorted by id)
  /// Maps a byte offset inside the condition text to its place in the pack
  /// file (inside the YAML `when:` scalar), for lint diagnostics.
  std::function<SourcePos(size_t)> condition_pos;
};

/// The tags one file of a pack declares (`tags:`), and where.
struct TagDeclaration {
  SourcePos pos;
  std::vector<std::string> names;
};

/// Where a named set was defined, and by which pack.
struct SetSource {
  std::string pack;
  SourcePos pos;
};

class RuleSet {
 public:
  std::vector<PackInfo> packs;
  std::vector<Rule> rules;  ///< sorted by id
  expr::TagRegistry tags;
  std::map<std::string, std::shared_ptr<const expr::ValueSet>, std::less<>> sets;
  /// Files of the packs that carry a `designations:` list, read by screening.
  std::vector<std::shared_ptr<const SourceFile>> designation_files;
  /// Those of them that are built in (reports say which lists were), their snapshots read
  /// from the binary (BuiltinListBytes), their files' text empty.
  std::set<const SourceFile*> builtin_designation_files;
  std::map<std::string, SetSource, std::less<>> set_sources;
  /// The exemption kinds every loaded pack defines, names unique across packs.
  std::vector<ExemptionKindDef> exemption_kinds;
  /// Per pack, the position of its header (`pack:`), for lint.
  std::map<std::string, SourcePos, std::less<>> pack_pos;
  /// Per pack, the tags it declares, file by file (a pack bundle keeps them).
  std::map<std::string, std::vector<TagDeclaration>, std::less<>> pack_tags;

  const Rule* Find(std::string_view id) const;
};

/// The designation lists of a run's packs, known once the packs are parsed.
struct PackLists {
  /// The built-in packs' lists, by path (BuiltinListSnapshot gives their files).
  std::vector<std::string> builtin;
  /// The other packs' list files, as read.
  std::vector<std::shared_ptr<const SourceFile>> files;
};

/// Defaults: stop at the first error stage and return null (what `check` wants).
struct LoadOptions {
  /// Where pack paths are read from; null: the disk. Built-in packs come from the binary.
  const FileReader* files = nullptr;
  /// Collect every error and still return what could be loaded (for lint):
  /// rules with errors are left out, the rest is compiled.
  bool keep_going = false;
  /// Called once every pack is parsed, before any condition compiles, with the lists the packs
  /// name, so that the caller can start reading them.
  std::function<void(const PackLists&)> on_parsed;
};

/// Loads packs from folders (each with a pack.yaml), single pack files, or
/// built-in packs by name ("builtin:un-dprk", or "un-dprk" when no such path
/// exists). An empty list loads the built-in packs. A pack's `extends:` names
/// packs that must be loaded too; it sees their sets. Errors go to `diags`.
std::unique_ptr<RuleSet> LoadRuleSet(const std::vector<std::string>& paths, Diagnostics& diags,
                                     const LoadOptions& options = {});

/// The built-in pack names ("un-dprk").
std::vector<std::string> BuiltinPackNames();
/// `name` is one of BuiltinPackNames() (a bare name, without "builtin:").
bool IsBuiltinPackName(std::string_view name);

/// The built-in packs beside `rules` (a rules path with a built-in pack's name replaces it), as
/// every front end loads them unless told not to; empty stays empty (the built-in packs alone).
std::vector<std::string> WithBuiltinPacks(const std::vector<std::string>& rules);

}  // namespace sancheck::rules
