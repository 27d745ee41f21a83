// The checks of a bounded pass over a YAML file's events: limits, duplicate keys and yaml-cpp 0.7's endless-document loop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

namespace sancheck {

/// Limits on one YAML file, checked before any node is built.
inline constexpr size_t kMaxYamlDocuments = 1000;
inline constexpr size_t kMaxYamlAliases = 1000;
/// Nodes, and bytes of text, the aliases of one file may repeat, counted as expanded (an alias
/// of an anchor that holds aliases repeats what they repeat): a few aliases of large anchors,
/// or of one long text, multiply a file.
inline constexpr size_t kMaxYamlRepeatedNodes = 100000;
inline constexpr size_t kMaxYamlRepeatedBytes = 4 << 20;
inline constexpr int kMaxYamlNesting = 64;

/// The first problem the pass found; `code` is empty when there was none.
struct YamlGuardError {
  YAML::Mark mark;
  std::string code;  ///< "yaml", "duplicate_key", "tag", "too_deep", "too_many_documents", "too_many_aliases"
  std::string message;
};

/// The checks, fed one parser event at a time by an event handler: GuardYaml's,
/// or the compact document builder's, which checks while it builds (one parse
/// instead of two). Each call throws Stop at the first problem, after which
/// error() tells it; ParseGuarded turns that into its result.
class YamlGuard {
 public:
  struct Stop {};

  explicit YamlGuard(const std::string& text) : text_(text) {}
  YamlGuard(const YamlGuard&) = delete;
  YamlGuard& operator=(const YamlGuard&) = delete;

  void DocumentStart(const YAML::Mark& mark);
  void Null(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Counted(anchor, {1, 0});
    Node(mark, {}, false);
  }
  void Alias(const YAML::Mark& mark, YAML::anchor_t anchor);
  /// `tag` as yaml-cpp gives it: "?" (plain), "!" (quoted) or one written (refused).
  void Scalar(const YAML::Mark& mark, const std::string& tag, std::string_view value, YAML::anchor_t anchor) {
    CheckTag(mark, tag);
    Counted(anchor, {1, value.size()});
    Node(mark, value, false);
  }
  void CollectionStart(const YAML::Mark& mark, const std::string& tag, bool map, YAML::anchor_t anchor);
  void CollectionEnd();

  const YamlGuardError& error() const { return error_; }

 private:
  // Keys of every open mapping are kept as spans of one buffer: a nested mapping's keys come
  // after its parent's and go when it ends, so the innermost mapping's keys are always last.
  // A mapping with many keys (a scenario's parties) also gets a hash set of them.
  struct Frame {
    bool map = false;
    bool at_key = true;  ///< in a map: the next node is a key
    size_t first_key = 0;  ///< its first entry in key_spans_
    size_t text_start = 0;  ///< where its keys start in key_text_
    std::unique_ptr<std::unordered_set<std::string>> many;
    YAML::anchor_t anchor = 0;  ///< the collection's own anchor (&name), 0 for none
    size_t first_node = 0;      ///< read_.nodes before it
    size_t first_byte = 0;      ///< read_.bytes before it
  };
  /// What a node holds, aliases within it counted as what they repeat.
  struct Size {
    size_t nodes = 0, bytes = 0;
  };

  [[noreturn]] void Fail(const YAML::Mark& mark, std::string code, std::string message);
  void CheckTag(const YAML::Mark& mark, const std::string& tag);
  // A node inside the current collection: in a map, keys and values alternate.
  // `complex` for a collection or alias used as a key, which the loaders reject by type.
  void Node(const YAML::Mark& mark, std::string_view scalar, bool complex);
  bool Seen(Frame& f, std::string_view key);
  // Counts a node of `size` (a scalar's, or an alias's expansion); records an anchored one's.
  void Counted(YAML::anchor_t anchor, Size size);
  void Anchored(YAML::anchor_t anchor, Size size);  ///< `anchor` holds `size`, expanded

  const std::string& text_;
  YamlGuardError error_;
  int last_start_ = -1;
  std::vector<Frame> frames_;
  std::string key_text_;
  std::vector<std::pair<uint32_t, uint32_t>> key_spans_;  ///< (offset, length) in key_text_
  size_t documents_ = 0;
  size_t aliases_ = 0;
  Size read_;      ///< of the current document, aliases counted as expanded
  Size repeated_;  ///< what the file's aliases repeated
  std::vector<Size> anchored_;  ///< per anchor of the current document: what it holds, expanded
};

/// Runs yaml-cpp's event parser over `text` into `handler`, which passes every event to
/// `guard`, until the end or the first problem: a syntax error or one of the guard's.
YamlGuardError ParseGuarded(const std::string& text, YAML::EventHandler& handler, const YamlGuard& guard);

/// Streams `text` through yaml-cpp's event parser, stopping at the first of:
/// a syntax error; a document that does not advance the parser (yaml-cpp 0.7
/// loops forever on a ',' outside a flow collection, e.g. a file holding one
/// comma, and YAML::LoadAll then allocates without bound); a mapping with the
/// same key twice; a tag (`!x`, `!!str`); nesting, documents or aliases over
/// the limits above.
/// Only text that passes is handed to YAML::LoadAll.
YamlGuardError GuardYaml(const std::string& text);

}  // namespace sancheck
