// Compares two snapshots of a designation list by reference: entries added, removed and amended.
#pragma once

#include <string>
#include <vector>

#include "screen/designations_loader.hpp"

namespace sancheck::lists {

/// One field of an entry that differs between the snapshots, as text ("" when absent).
struct FieldChange {
  std::string field;  ///< the list format's key: "aliases", "born", "listed_on", ...
  std::string before;
  std::string after;
};

struct Amendment {
  std::string reference;
  std::string name;  ///< in the newer list
  std::vector<FieldChange> changes;
};

struct ListDiff {
  std::vector<screen::Designation> added;    ///< in the newer list's order
  std::vector<screen::Designation> removed;  ///< in the older list's order
  std::vector<Amendment> amended;            ///< in the newer list's order
  bool Empty() const { return added.empty() && removed.empty() && amended.empty(); }
};

/// Entries are matched by reference; every field the list format holds is compared
/// (positions and the list's own provenance are not entries' fields).
ListDiff DiffLists(const screen::DesignationList& older, const screen::DesignationList& newer);

/// For people: a summary line, then one line per added, removed and amended entry, each
/// amended field with its old and new value.
std::string DiffText(const ListDiff& diff, const screen::DesignationList& older, const screen::DesignationList& newer);

/// The same as a JSON object: {"old", "new", "added", "removed", "amended"}.
std::string DiffJson(const ListDiff& diff, const screen::DesignationList& older, const screen::DesignationList& newer);

}  // namespace sancheck::lists
