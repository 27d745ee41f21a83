// What the build compiles into the binary: the built-in packs' bundle and their designation lists' snapshots.
#pragma once

#include <string_view>
#include <vector>

namespace sancheck::rules {

struct EmbeddedFile {
  std::string_view path;  ///< relative to the repository, e.g. "rules/un-lists/vessels.yaml"
  std::string_view bytes;
};

/// The built-in rule packs compiled at build time (see rules/pack_bundle.hpp); empty in the
/// build tools that run before it exists.
std::string_view BuiltinPackBundle();

/// The binary list snapshots of the built-in packs' designation lists, by the path of the
/// list file they were made from.
const std::vector<EmbeddedFile>& BuiltinListSnapshots();

}  // namespace sancheck::rules
