// What makes a listed entry one that would clear parties without a word: shared by the list loader and the importers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sancheck/core_types.hpp"
#include "screen/designation.hpp"

namespace sancheck::screen {

/// The most aliases (or original names) one entry may hold: far above any official list's, and a
/// bound on the work an entry costs (its forms are compared with each other when indexed).
inline constexpr size_t kMaxAliases = 4096;

/// Why `text` cannot stand in a reference: it holds a control character (C0, DEL, C1, or a line
/// or paragraph separator), which could forge lines of a report. Empty when it can.
std::string ControlProblem(std::string_view text);

/// Why `text` cannot stand as a listed name or alias: a control character, or no letter or digit
/// once normalised ("!!!", marks or invisible characters alone match no one). Empty when it can.
std::string NameProblem(std::string_view text);

/// Every such problem of an entry an importer made, each a message naming the field: its
/// reference, name, aliases and original names, their number, and a listing date after the
/// list's `snapshot` (a mistyped year would hide the entry from every earlier activity).
/// `normalize`: whether a name is normalised to tell it has a word (NameProblem); without, only
/// its control characters are looked for (a binary snapshot of a million names loads in a second:
/// normalising each again would take four more).
std::vector<std::string> EntryProblems(const Designation& d, const std::optional<Date>& snapshot,
                                       bool normalize = true);

}  // namespace sancheck::screen
