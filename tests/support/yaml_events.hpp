// Test support: yaml-cpp's parser events as text, for comparing the fast block reader with yaml-cpp (unit tests, fuzzing).
#pragma once

#include <sstream>
#include <string>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace sancheck {

// Every event as a line of text: kind, position, tag and value.
class YamlEventRecorder : public YAML::EventHandler {
 public:
  std::string out;

  void OnDocumentStart(const YAML::Mark& m) override { Add("doc", m, "", ""); }
  void OnDocumentEnd() override { out += "/doc\n"; }
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { Add("null" + Anchor(a), m, "", ""); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override { Add("alias" + Anchor(a), m, "", ""); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& v) override {
    Add("scalar" + Anchor(a), m, tag, v);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    Add("seq" + Anchor(a), m, tag, "");
  }
  void OnSequenceEnd() override { out += "/seq\n"; }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    Add("map" + Anchor(a), m, tag, "");
  }
  void OnMapEnd() override { out += "/map\n"; }

 private:
  static std::string Anchor(YAML::anchor_t a) { return a ? "&" + std::to_string(a) : ""; }
  void Add(const std::string& kind, const YAML::Mark& m, const std::string& tag, const std::string& value) {
    out += kind + " " + std::to_string(m.pos) + ":" + std::to_string(m.line) + ":" + std::to_string(m.column) + " " +
           tag + " [" + value + "]\n";
  }
};

inline std::string YamlCppEvents(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  YamlEventRecorder r;
  while (parser.HandleNextDocument(r)) {
  }
  return r.out;
}

}  // namespace sancheck
