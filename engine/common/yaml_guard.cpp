// YamlGuard: limits, duplicate-key detection and a no-progress check on yaml-cpp's parser events; GuardYaml() runs it alone.
#include "common/yaml_guard.hpp"

#include <istream>
#include <streambuf>

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace sancheck {
namespace {

// Reads a string in place: yaml-cpp takes a std::istream, and an istringstream would copy
// the whole file first.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    // The buffer is only read (putback of the same characters does not write).
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// Below this many keys a mapping's keys are compared one by one; above, hashed.
constexpr size_t kKeysScanned = 16;

// Passes every event to the guard and keeps nothing: the pass before YAML::LoadAll.
class GuardOnly : public YAML::EventHandler {
 public:
  explicit GuardOnly(YamlGuard& guard) : guard_(guard) {}

  void OnDocumentStart(const YAML::Mark& mark) override { guard_.DocumentStart(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { guard_.Null(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override { guard_.Alias(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    guard_.Scalar(mark, tag, value, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    guard_.CollectionStart(mark, tag, false, anchor);
  }
  void OnSequenceEnd() override { guard_.CollectionEnd(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    guard_.CollectionStart(mark, tag, true, anchor);
  }
  void OnMapEnd() override { guard_.CollectionEnd(); }

 private:
  YamlGuard& guard_;
};

}  // namespace

void YamlGuard::DocumentStart(const YAML::Mark& mark) {
  // A document that starts where the previous one started consumed nothing:
  // yaml-cpp 0.7 emits an endless run of such empty documents on a stray ','.
  if (mark.pos == last_start_) {
    const size_t pos = static_cast<size_t>(mark.pos);
    const bool ascii = pos < text_.size() && static_cast<unsigned char>(text_[pos]) < 0x80;
    const std::string found = ascii ? "'" + std::string(1, text_[pos]) + "'" : std::string("text");
    Fail(mark, "yaml", "invalid YAML: unexpected " + found + " (',' separates entries only inside [ ] or { })");
  }
  last_start_ = mark.pos;
  read_ = {};
  anchored_.clear();  // anchors are numbered per document
  if (++documents_ > kMaxYamlDocuments) {
    Fail(mark, "too_many_documents", "more than " + std::to_string(kMaxYamlDocuments) + " YAML documents in one file");
  }
}

void YamlGuard::Alias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (++aliases_ > kMaxYamlAliases) {
    Fail(mark, "too_many_aliases", "more than " + std::to_string(kMaxYamlAliases) + " aliases (*name) in one file");
  }
  // The loaders read an alias as a copy of what its anchor holds, aliases within it included.
  const Size size = anchor < anchored_.size() && anchored_[anchor].nodes ? anchored_[anchor] : Size{1, 0};
  repeated_.nodes += size.nodes;
  repeated_.bytes += size.bytes;
  if (repeated_.nodes > kMaxYamlRepeatedNodes || repeated_.bytes > kMaxYamlRepeatedBytes) {
    Fail(mark, "too_many_aliases",
         "aliases (*name) repeat more than " + std::to_string(kMaxYamlRepeatedNodes) + " nodes or " +
             std::to_string(kMaxYamlRepeatedBytes >> 20) +
             " MiB of text in one file: write the repeated parts out, or split the file");
  }
  Counted(0, size);
  Node(mark, {}, true);
}

void YamlGuard::Counted(YAML::anchor_t anchor, Size size) {
  read_.nodes += size.nodes;
  read_.bytes += size.bytes;
  if (anchor != 0) Anchored(anchor, size);
}

void YamlGuard::Anchored(YAML::anchor_t anchor, Size size) {
  if (anchored_.size() <= anchor) anchored_.resize(static_cast<size_t>(anchor) + 1);
  anchored_[anchor] = size;
}

void YamlGuard::CheckTag(const YAML::Mark& mark, const std::string& tag) {
  // sancheck reads a value by its key and its form: a tag would be dropped without a word
  // (`!!int "12"` is still the text "12", a custom `!secret` means nothing to the loaders).
  if (tag.empty() || tag == "?" || tag == "!") return;
  const std::string shown = tag.starts_with("tag:yaml.org,2002:") ? "!!" + tag.substr(18) : tag;
  Fail(mark, "tag", "YAML tag '" + shown + "' is not read by sancheck: remove it (quote a value to make it text)");
}

void YamlGuard::CollectionStart(const YAML::Mark& mark, const std::string& tag, bool map, YAML::anchor_t anchor) {
  CheckTag(mark, tag);
  Node(mark, {}, true);
  if (static_cast<int>(frames_.size()) >= kMaxYamlNesting) {
    Fail(mark, "too_deep", "YAML nested deeper than " + std::to_string(kMaxYamlNesting) + " levels");
  }
  frames_.push_back(Frame{map, true, key_spans_.size(), key_text_.size(), nullptr, anchor, read_.nodes, read_.bytes});
  Counted(0, {1, 0});
}

void YamlGuard::CollectionEnd() {
  const Frame& f = frames_.back();
  if (f.anchor != 0) Anchored(f.anchor, {read_.nodes - f.first_node, read_.bytes - f.first_byte});
  key_spans_.resize(f.first_key);
  key_text_.resize(f.text_start);
  frames_.pop_back();
}

void YamlGuard::Fail(const YAML::Mark& mark, std::string code, std::string message) {
  error_ = {mark, std::move(code), std::move(message)};
  throw Stop{};
}

void YamlGuard::Node(const YAML::Mark& mark, std::string_view scalar, bool complex) {
  if (frames_.empty() || !frames_.back().map) return;
  Frame& f = frames_.back();
  const bool key = f.at_key;
  f.at_key = !f.at_key;
  if (!key || complex) return;
  // A null key counts as the empty text, as it did when keys were strings.
  if (Seen(f, scalar)) {
    Fail(mark, "duplicate_key",
         "duplicate key '" + std::string(scalar) + "' (each key appears once in a mapping; a second one would silently win)");
  }
}

// Whether the innermost mapping `f` already has `key`; records it when not.
bool YamlGuard::Seen(Frame& f, std::string_view key) {
  if (f.many) return !f.many->emplace(key).second;
  for (size_t i = f.first_key; i < key_spans_.size(); ++i) {
    const auto [offset, length] = key_spans_[i];
    if (std::string_view(key_text_).substr(offset, length) == key) return true;
  }
  if (key_spans_.size() - f.first_key + 1 < kKeysScanned) {
    key_spans_.emplace_back(static_cast<uint32_t>(key_text_.size()), static_cast<uint32_t>(key.size()));
    key_text_.append(key);
    return false;
  }
  f.many = std::make_unique<std::unordered_set<std::string>>();
  for (size_t i = f.first_key; i < key_spans_.size(); ++i) {
    f.many->emplace(std::string_view(key_text_).substr(key_spans_[i].first, key_spans_[i].second));
  }
  f.many->emplace(key);
  return false;
}

YamlGuardError ParseGuarded(const std::string& text, YAML::EventHandler& handler, const YamlGuard& guard) {
  TextBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  try {
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const YamlGuard::Stop&) {
    return guard.error();
  } catch (const YAML::Exception& e) {
    return {e.mark, "yaml", "invalid YAML: " + e.msg};
  }
  return {};
}

YamlGuardError GuardYaml(const std::string& text) {
  YamlGuard guard(text);
  GuardOnly handler(guard);
  return ParseGuarded(text, handler, guard);
}

}  // namespace sancheck
