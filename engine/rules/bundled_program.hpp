// Conditions compiled at build time as the pack bundle holds them: written, read back with every index checked, and bound to a run's sets.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/sealed_bytes.hpp"
#include "expr/program.hpp"
#include "expr/tags.hpp"

namespace sancheck::rules {

/// A rule's condition as the build compiled it, so that a start parses no condition.
/// Its named sets are held by name and taken from the run's sets when it is bound; its tag
/// constants and its list literals' tags are bits of the build's tag registry, so it is
/// bound only in a run that gives each of those tags the same bit.
struct BundledProgram {
  expr::Program program;  ///< `sets`: the list literals; null where a named set goes
  /// Per entry of `program.sets`: the named set's name and element type (empty name: a literal).
  struct SetName {
    std::string name;
    expr::Type element = expr::Type::kBool;
  };
  std::vector<SetName> set_names;
  /// The tags whose bits its constants and list literals hold, by name, with those bits.
  std::vector<std::pair<std::string, uint16_t>> tags;
};

using SetsByName = std::map<std::string, std::shared_ptr<const expr::ValueSet>, std::less<>>;

/// A set's values as the bundle holds them, all but its tags, which the caller writes: by name
/// for a named set (tag bits are the run's), by bit for a list literal (bound to the build's).
void PutSetValues(ByteWriter& w, const expr::ValueSet& s);
/// Reads what PutSetValues wrote into `s`; throws ByteReadError on a country out of range.
void GetSetValues(ByteReader& r, expr::ValueSet& s);

/// Writes `p`, just compiled from its condition against the tags of `registry`.
void PutProgram(ByteWriter& w, const expr::Program& p, const expr::TagRegistry& registry);
/// A program written by PutProgram for the condition `text`; throws ByteReadError when a
/// node, child, set, field or source range is out of bounds, a child does not come before its
/// one parent (so evaluating it visits each node once and ends), or a node's operands and set
/// are not typed as the compiler types them for its operation, constants used as bit
/// positions (countries, tags, enumerators) in range.
BundledProgram GetProgram(ByteReader& r, const std::string& text);

/// The program with its named sets taken from `sets`; nullopt when one is missing or holds
/// another type, or when `tags` gives one of its tags another bit (a pack declaring tags of
/// its own ahead of the built-in ones): the caller then compiles the condition, which numbers
/// the tags as this run does, or says what is wrong.
std::optional<expr::Program> BindProgram(const BundledProgram& b, const SetsByName& sets,
                                         const expr::TagRegistry& tags);

}  // namespace sancheck::rules
