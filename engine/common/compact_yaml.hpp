// CompactYaml: the documents of one YAML file as one array of small nodes, read through CompactNode (a YAML::Node look-alike).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/type.h>

#include "common/yaml_guard.hpp"

namespace sancheck {

class CompactNode;

/// Every document of one file, built from yaml-cpp's parser events. yaml-cpp's own tree costs
/// about a kilobyte per node (shared pointers, a map entry list, a string each); here a node is
/// 20 bytes, scalars share one buffer and collections list their children in one array, so a
/// file of a hundred thousand activities takes tens of megabytes rather than a gigabyte.
/// An alias is its anchored node (as in yaml-cpp, whose alias nodes are the anchored ones).
class CompactYaml {
 public:
  size_t documents() const { return roots_.size(); }
  /// The root node of document `i` (a null node for an empty document).
  CompactNode document(size_t i) const;

 private:
  friend class CompactNode;
  friend class CompactYamlBuilder;

  struct Entry {
    int32_t line;  ///< 0-based, as in YAML::Mark
    int32_t column;
    uint32_t first;  ///< scalar: offset in text_; collection: first child in children_
    uint32_t count;  ///< scalar: length; sequence: entries; map: keys and values (2 per pair)
    uint32_t kind_tag;  ///< YAML::NodeType in the low 3 bits, the tag's index in tags_ above
  };
  static constexpr int kKindBits = 3;

  const Entry& at(uint32_t i) const { return nodes_[i]; }

  std::vector<Entry> nodes_;
  std::vector<uint32_t> children_;  ///< node indices, each collection's in one run
  std::string text_;                ///< every scalar's value, one after the other
  std::vector<std::string> tags_;   ///< distinct tags ("?" for plain scalars, "!" for quoted ones)
  std::vector<uint32_t> roots_;     ///< one per document
};

/// A map's key and value while iterating it; a sequence's entry is the node itself (first
/// and second are then undefined), as yaml-cpp's iterators give them.
struct CompactEntry;

/// One node of a CompactYaml, with the part of YAML::Node's interface the loaders use, so that
/// code written for one reads the other. A default-constructed node is undefined (false), as
/// yaml-cpp's result of a missing key is. Marks carry the line and column (pos is -1).
class CompactNode {
 public:
  class iterator;

  CompactNode() = default;

  explicit operator bool() const { return tree_ != nullptr; }
  bool IsDefined() const { return tree_ != nullptr; }
  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }

  /// A scalar's value; empty for other nodes.
  std::string_view Scalar() const;
  const std::string& Tag() const;
  YAML::Mark Mark() const;
  /// Entries of a sequence, pairs of a map, 0 otherwise.
  size_t size() const;

  /// In a map, the value of the first key whose scalar text is `key`; undefined when none
  /// (or when this is not a map).
  CompactNode operator[](std::string_view key) const;
  /// In a sequence, entry `index`; undefined when out of range (or when this is not a sequence).
  CompactNode operator[](size_t index) const;

  iterator begin() const;
  iterator end() const;

 private:
  friend class CompactYaml;
  CompactNode(const CompactYaml* tree, uint32_t index) : tree_(tree), index_(index) {}

  const CompactYaml* tree_ = nullptr;
  uint32_t index_ = 0;
};

struct CompactEntry : CompactNode {
  CompactNode first;
  CompactNode second;
};

class CompactNode::iterator {
 public:
  using value_type = CompactEntry;
  using difference_type = std::ptrdiff_t;

  CompactEntry operator*() const;
  // `it->first` reads a member of an entry made on the spot.
  struct Arrow {
    CompactEntry entry;
    const CompactEntry* operator->() const { return &entry; }
  };
  Arrow operator->() const { return Arrow{**this}; }
  iterator& operator++() {
    at_ += step_;
    return *this;
  }
  bool operator==(const iterator& other) const { return at_ == other.at_; }

 private:
  friend class CompactNode;
  iterator(const CompactYaml* tree, const uint32_t* at, uint32_t step) : tree_(tree), at_(at), step_(step) {}

  const CompactYaml* tree_ = nullptr;
  const uint32_t* at_ = nullptr;
  uint32_t step_ = 1;  ///< 2 in a map: key, value
};

/// Parses `text` into `out` in one pass of yaml-cpp's event parser, running the same checks as
/// GuardYaml on the way (so the result is the first problem GuardYaml would report, or none).
YamlGuardError BuildCompactYaml(const std::string& text, CompactYaml& out);

}  // namespace sancheck
