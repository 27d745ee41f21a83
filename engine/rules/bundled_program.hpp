// Conditions compiled at build time as the pack bundle holds them: written, read back with every index checked, and bound to a run's sets.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/sealed_bytes.hpp"
#include "expr/program.hpp"
#include "expr/tags.hpp"

namespace sancheck::rules {

/// A rule's condition as the build compiled it, so that a start parses no condition.
/// Its named sets are held by name and taken from the run's sets when it is bound; its tag
/// constants and its list literals' tags are bits of the build's tag registry, so it is
/// used only in a run that gives every tag of that registry the same bit (TagsAsBuilt).
struct BundledProgram {
  expr::Program program;  ///< `sets`: the list literals; null where a named set goes
  /// Per entry of `program.sets`: the named set's name and element type (empty name: a literal).
  struct SetName {
    std::string name;
    expr::Type element = expr::Type::kBool;
  };
  std::vector<SetName> set_names;
};

using SetsByName = std::map<std::string, std::shared_ptr<const expr::ValueSet>, std::less<>>;

/// Writes `p` (a program just compiled from its condition) after its condition's text,
/// which the reader gives back.
void PutProgram(ByteWriter& w, const expr::Program& p);
/// A program written by PutProgram for the condition `text`; throws ByteReadError when a
/// node, child, set, field or source range is out of bounds, or a child does not come
/// before its parent (so evaluating it always ends).
BundledProgram GetProgram(ByteReader& r, const std::string& text);

/// Whether `run` gives each tag of `built` (a registry's names in bit order) the bit it has there.
bool TagsAsBuilt(const std::vector<std::string>& built, const expr::TagRegistry& run);

/// The program with its named sets taken from `sets`; nullopt when one is missing or holds
/// another type (the caller then compiles the condition, which says what is wrong).
std::optional<expr::Program> BindProgram(const BundledProgram& b, const SetsByName& sets);

}  // namespace sancheck::rules
