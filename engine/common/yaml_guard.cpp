// GuardYaml(): one pass of yaml-cpp's event parser with limits, duplicate-key detection and a no-progress check.
#include "common/yaml_guard.hpp"

#include <set>
#include <sstream>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace sancheck {
namespace {

// Thrown from the event handler to stop the parser at the first problem.
struct Stop {};

class Guard : public YAML::EventHandler {
 public:
  Guard(const std::string& text, YamlGuardError& error) : text_(text), error_(error) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    // A document that starts where the previous one started consumed nothing:
    // yaml-cpp 0.7 emits an endless run of such empty documents on a stray ','.
    if (mark.pos == last_start_) {
      const size_t pos = static_cast<size_t>(mark.pos);
      const bool ascii = pos < text_.size() && static_cast<unsigned char>(text_[pos]) < 0x80;
      const std::string found = ascii ? "'" + std::string(1, text_[pos]) + "'" : std::string("text");
      Fail(mark, "yaml", "invalid YAML: unexpected " + found + " (',' separates entries only inside [ ] or { })");
    }
    last_start_ = mark.pos;
    if (++documents_ > kMaxYamlDocuments) {
      Fail(mark, "too_many_documents",
           "more than " + std::to_string(kMaxYamlDocuments) + " YAML documents in one file");
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Node(mark, nullptr, false); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (++aliases_ > kMaxYamlAliases) {
      Fail(mark, "too_many_aliases", "more than " + std::to_string(kMaxYamlAliases) + " aliases (*name) in one file");
    }
    Node(mark, nullptr, true);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
    Node(mark, &value, false);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    Node(mark, nullptr, true);
    Push(mark, false);
  }
  void OnSequenceEnd() override { frames_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    Node(mark, nullptr, true);
    Push(mark, true);
  }
  void OnMapEnd() override { frames_.pop_back(); }

 private:
  struct Frame {
    bool map = false;
    bool at_key = true;  ///< in a map: the next node is a key
    std::set<std::string> keys;
  };

  [[noreturn]] void Fail(const YAML::Mark& mark, std::string code, std::string message) {
    error_ = {mark, std::move(code), std::move(message)};
    throw Stop{};
  }

  void Push(const YAML::Mark& mark, bool map) {
    if (static_cast<int>(frames_.size()) >= kMaxYamlNesting) {
      Fail(mark, "too_deep", "YAML nested deeper than " + std::to_string(kMaxYamlNesting) + " levels");
    }
    frames_.push_back(Frame{map, true, {}});
  }

  // A node inside the current collection: in a map, keys and values alternate.
  // `scalar` is the text of a scalar, null for an empty node; `complex` for a
  // collection or alias used as a key, which the loaders reject by type.
  void Node(const YAML::Mark& mark, const std::string* scalar, bool complex) {
    if (frames_.empty() || !frames_.back().map) return;
    Frame& f = frames_.back();
    const bool key = f.at_key;
    f.at_key = !f.at_key;
    if (!key || complex) return;
    const std::string k = scalar ? *scalar : std::string();
    if (!f.keys.insert(k).second) {
      Fail(mark, "duplicate_key",
           "duplicate key '" + k + "' (each key appears once in a mapping; a second one would silently win)");
    }
  }

  const std::string& text_;
  YamlGuardError& error_;
  int last_start_ = -1;
  std::vector<Frame> frames_;
  size_t documents_ = 0;
  size_t aliases_ = 0;
};

}  // namespace

YamlGuardError GuardYaml(const std::string& text) {
  YamlGuardError error;
  std::istringstream in(text);
  YAML::Parser parser(in);
  Guard guard(text, error);
  try {
    while (parser.HandleNextDocument(guard)) {
    }
  } catch (const Stop&) {
    // `error` was filled by the handler.
  } catch (const YAML::Exception& e) {
    error = {e.mark, "yaml", "invalid YAML: " + e.msg};
  }
  return error;
}

}  // namespace sancheck
