// CompactYaml's builder (yaml-cpp events to nodes, checked by YamlGuard on the way) and CompactNode's accessors.
#include "common/compact_yaml.hpp"

#include <unordered_map>

#include <yaml-cpp/eventhandler.h>

#include "common/block_yaml.hpp"

namespace sancheck {

// Mirrors yaml-cpp's NodeBuilder: every event adds a node (an alias adds its anchored node
// again) to the collection being read, or makes it a document's root; a collection's
// children wait in `pending_` until it ends, then are copied in one run to children_.
class CompactYamlBuilder : public YAML::EventHandler {
 public:
  CompactYamlBuilder(const std::string& text, CompactYaml& out) : guard_(text), out_(out) {
    out_.tags_ = {"", "?", "!"};  // null nodes have no tag; the other two are nearly all the rest
  }

  const YamlGuard& guard() const { return guard_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    guard_.DocumentStart(mark);
    anchors_.clear();  // anchors are numbered per document
    roots_before_ = out_.roots_.size();
  }
  void OnDocumentEnd() override {
    // yaml-cpp gives every document one root event; were one missing, YAML::LoadAll's Node() is null.
    if (out_.roots_.size() == roots_before_) out_.roots_.push_back(Add(YAML::Mark::null_mark(), YAML::NodeType::Null, 0, 0));
  }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    guard_.Null(mark, anchor);
    Attach(Add(mark, YAML::NodeType::Null, 0, anchor));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    guard_.Alias(mark, anchor);
    // The parser only passes anchors it has seen in this document (else it throws).
    const bool known = anchor < anchors_.size() && anchors_[anchor] != kNoNode;
    Attach(known ? anchors_[anchor] : Add(mark, YAML::NodeType::Null, 0, 0));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    guard_.Scalar(mark, tag, value, anchor);
    const uint32_t i = Add(mark, YAML::NodeType::Scalar, TagIndex(tag), anchor);
    out_.nodes_[i].first = static_cast<uint32_t>(out_.text_.size());
    out_.nodes_[i].count = static_cast<uint32_t>(value.size());
    out_.text_.append(value);
    Attach(i);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, YAML::NodeType::Sequence, tag, anchor, false);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    Open(mark, YAML::NodeType::Map, tag, anchor, true);
  }
  void OnMapEnd() override { Close(); }

 private:
  static constexpr uint32_t kNoNode = UINT32_MAX;

  struct OpenCollection {
    uint32_t node;
    size_t first_pending;
  };

  uint32_t Add(const YAML::Mark& mark, YAML::NodeType::value kind, uint32_t tag, YAML::anchor_t anchor) {
    const auto i = static_cast<uint32_t>(out_.nodes_.size());
    out_.nodes_.push_back({mark.line, mark.column, 0, 0, static_cast<uint32_t>(kind) | tag << CompactYaml::kKindBits});
    if (anchor != YAML::NullAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNoNode);
      anchors_[anchor] = i;
    }
    return i;
  }

  void Attach(uint32_t node) {
    if (open_.empty()) {
      out_.roots_.push_back(node);
    } else {
      pending_.push_back(node);
    }
  }

  void Open(const YAML::Mark& mark, YAML::NodeType::value kind, const std::string& tag, YAML::anchor_t anchor, bool map) {
    guard_.CollectionStart(mark, tag, map, anchor);
    const uint32_t i = Add(mark, kind, TagIndex(tag), anchor);
    Attach(i);
    open_.push_back({i, pending_.size()});
  }

  void Close() {
    guard_.CollectionEnd();
    const OpenCollection c = open_.back();
    open_.pop_back();
    CompactYaml::Entry& e = out_.nodes_[c.node];
    e.first = static_cast<uint32_t>(out_.children_.size());
    e.count = static_cast<uint32_t>(pending_.size() - c.first_pending);
    out_.children_.insert(out_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(c.first_pending),
                          pending_.end());
    pending_.resize(c.first_pending);
  }

  uint32_t TagIndex(const std::string& tag) {
    for (uint32_t i = 0; i < 3; ++i) {
      if (out_.tags_[i] == tag) return i;
    }
    const auto [it, added] = tag_index_.try_emplace(tag, static_cast<uint32_t>(out_.tags_.size()));
    if (added) out_.tags_.push_back(tag);
    return it->second;
  }

  YamlGuard guard_;
  CompactYaml& out_;
  std::vector<OpenCollection> open_;
  std::vector<uint32_t> pending_;
  std::vector<uint32_t> anchors_;  ///< node of each anchor number
  size_t roots_before_ = 0;
  std::unordered_map<std::string, uint32_t> tag_index_;
};

YamlGuardError BuildCompactYaml(const std::string& text, CompactYaml& out) {
  {
    // Plain block YAML (generated files are) is read without yaml-cpp's scanner, to the same events.
    out = CompactYaml();
    CompactYamlBuilder builder(text, out);
    try {
      if (ReadPlainBlockYaml(text, builder)) return {};
    } catch (const YamlGuard::Stop&) {
      return builder.guard().error();
    }
  }
  out = CompactYaml();
  CompactYamlBuilder builder(text, out);
  return ParseGuarded(text, builder, builder.guard());
}

CompactNode CompactYaml::document(size_t i) const { return CompactNode(this, roots_[i]); }

YAML::NodeType::value CompactNode::Type() const {
  if (!tree_) return YAML::NodeType::Undefined;
  const uint32_t bits = tree_->at(index_).kind_tag & ((1U << CompactYaml::kKindBits) - 1);
  return static_cast<YAML::NodeType::value>(bits);
}

std::string_view CompactNode::Scalar() const {
  if (!IsScalar()) return {};
  const CompactYaml::Entry& e = tree_->at(index_);
  return std::string_view(tree_->text_).substr(e.first, e.count);
}

const std::string& CompactNode::Tag() const {
  static const std::string kNone;
  return tree_ ? tree_->tags_[tree_->at(index_).kind_tag >> CompactYaml::kKindBits] : kNone;
}

YAML::Mark CompactNode::Mark() const {
  YAML::Mark m = YAML::Mark::null_mark();
  if (tree_) {
    m.line = tree_->at(index_).line;
    m.column = tree_->at(index_).column;
  }
  return m;
}

size_t CompactNode::size() const {
  switch (Type()) {
    case YAML::NodeType::Sequence: return tree_->at(index_).count;
    case YAML::NodeType::Map: return tree_->at(index_).count / 2;
    default: return 0;
  }
}

CompactNode CompactNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const CompactYaml::Entry& e = tree_->at(index_);
  for (uint32_t i = 0; i + 1 < e.count; i += 2) {
    const CompactNode k(tree_, tree_->children_[e.first + i]);
    if (k.IsScalar() && k.Scalar() == key) return CompactNode(tree_, tree_->children_[e.first + i + 1]);
  }
  return {};
}

CompactNode CompactNode::operator[](size_t index) const {
  if (!IsSequence() || index >= tree_->at(index_).count) return {};
  return CompactNode(tree_, tree_->children_[tree_->at(index_).first + index]);
}

CompactNode::iterator CompactNode::begin() const {
  const YAML::NodeType::value t = Type();
  if ((t != YAML::NodeType::Sequence && t != YAML::NodeType::Map) || tree_->at(index_).count == 0) return end();
  return iterator(tree_, tree_->children_.data() + tree_->at(index_).first, t == YAML::NodeType::Map ? 2 : 1);
}

CompactNode::iterator CompactNode::end() const {
  const YAML::NodeType::value t = Type();
  if ((t != YAML::NodeType::Sequence && t != YAML::NodeType::Map) || tree_->at(index_).count == 0) {
    return iterator(tree_, nullptr, 1);
  }
  const CompactYaml::Entry& e = tree_->at(index_);
  return iterator(tree_, tree_->children_.data() + e.first + e.count, t == YAML::NodeType::Map ? 2 : 1);
}

CompactEntry CompactNode::iterator::operator*() const {
  CompactEntry entry;
  if (step_ == 2) {
    entry.first = CompactNode(tree_, at_[0]);
    entry.second = CompactNode(tree_, at_[1]);
  } else {
    static_cast<CompactNode&>(entry) = CompactNode(tree_, at_[0]);
  }
  return entry;
}

}  // namespace sancheck
