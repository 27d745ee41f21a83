// Tests of the YAML pre-pass and encoding check: yaml-cpp's comma loop, duplicate keys, limits, NUL and bad UTF-8.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "common/source_text.hpp"
#include "common/yaml_guard.hpp"
#include "common/yaml_reader.hpp"

namespace sancheck {
namespace {

std::string Guarded(const std::string& text) {
  const YamlGuardError e = GuardYaml(text);
  if (e.code.empty()) return "ok";
  return std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + " " + e.code;
}

TEST_SUITE("common.yaml_guard") {
  TEST_CASE("a stray comma is an error at its place, not an endless loop") {
    // Each of these never returned from YAML::LoadAll in yaml-cpp 0.7.
    CHECK(Guarded(",") == "1:1 yaml");
    CHECK(Guarded(" ,") == "1:2 yaml");
    CHECK(Guarded(",ceafio: #`yam") == "1:1 yaml");
    CHECK(Guarded("a: 1\n---\n,\n") == "3:1 yaml");
    CHECK(Guarded("[a, b]") == "ok");
    CHECK(Guarded("a: 1\n---\nb: 2\n---\n") == "ok");
  }

  TEST_CASE("a key twice in any mapping is an error at the second") {
    CHECK(Guarded("a: 1\nb: 2\na: 3\n") == "3:1 duplicate_key");
    CHECK(Guarded("x:\n  - {k: 1, k: 2}\n") == "2:12 duplicate_key");
    CHECK(Guarded("a: {x: 1}\nb: {x: 1}\n") == "ok");             // same key in two mappings
    CHECK(Guarded("- a: 1\n- a: 2\n") == "ok");                   // in two list entries
    CHECK(Guarded("a: [a, a]\n") == "ok");                        // values may repeat
    CHECK(Guarded("? [a]\n: 1\n? [a]\n: 2\n") == "ok");           // complex keys: rejected later by type
    CHECK(Guarded("\"a\": 1\na: 2\n") == "2:1 duplicate_key");    // quoting does not make a new key
    CHECK(Guarded("a: 1\n---\na: 2\n") == "ok");                  // two documents
  }

  TEST_CASE("a tag is an error at its node, as sancheck would drop it without a word") {
    CHECK(Guarded("a: !secret x\n") == "1:4 tag");
    CHECK(Guarded("a: !!int \"12\"\n") == "1:4 tag");
    CHECK(Guarded("a: !!map {b: 1}\n") == "1:4 tag");
    CHECK(Guarded("- !!seq [1]\n") == "1:3 tag");
    CHECK(Guarded("a: 'x'\nb: \"y\"\nc: z\nd: [1]\n") == "ok");  // quoted and plain: yaml-cpp's own '!' and '?'
    CHECK(Guarded("a: x!y\n") == "ok");                               // a '!' inside text is text
  }

  TEST_CASE("nesting, documents and aliases are bounded") {
    std::string deep;
    for (int i = 0; i < kMaxYamlNesting; ++i) deep += "[";
    CHECK(Guarded(deep + std::string(static_cast<size_t>(kMaxYamlNesting), ']')) == "ok");
    CHECK(Guarded("[" + deep + std::string(static_cast<size_t>(kMaxYamlNesting) + 1, ']')).ends_with(" too_deep"));
    std::string docs;
    for (size_t i = 0; i <= kMaxYamlDocuments; ++i) docs += "--- a\n";
    CHECK(Guarded(docs) == std::to_string(kMaxYamlDocuments + 1) + ":1 too_many_documents");  // at the first one too many
    std::string aliases = "a: &x 1\nb: [";
    for (size_t i = 0; i <= kMaxYamlAliases; ++i) aliases += "*x, ";
    CHECK(Guarded(aliases + "]\n").ends_with(" too_many_aliases"));
  }

  TEST_CASE("aliases are counted as what they repeat: a few of a large anchor, or nested ones") {
    // 1,000 nodes under one anchor, repeated 99 times: 99,000 nodes, within the bound.
    std::string big = "a: &x [";
    for (int i = 0; i < 999; ++i) big += "1, ";
    big += "1]\nb: [";
    std::string within = big;
    for (int i = 0; i < 99; ++i) within += "*x, ";
    CHECK(Guarded(within + "]\n") == "ok");
    std::string past = big;
    for (int i = 0; i < 101; ++i) past += "*x, ";
    CHECK(Guarded(past + "]\n").ends_with(" too_many_aliases"));
    // Each level doubles the one before: ten aliases in all, a million nodes as read.
    std::string laughs = "l0: &l0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n";
    for (int i = 1; i <= 5; ++i) {
      const std::string prev = "*l" + std::to_string(i - 1);
      laughs += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" + prev + ", " + prev + ", " + prev +
                ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev + "]\n";
    }
    CHECK(Guarded(laughs).ends_with(" too_many_aliases"));
    // One long text repeated: counted by its bytes (900 aliases of 8 KiB pass 4 MiB).
    const std::string text(8192, 'x');
    std::string long_text = "a: &t \"" + text + "\"\nb: [";
    for (int i = 0; i < 400; ++i) long_text += "*t, ";
    CHECK(Guarded(long_text + "]\n") == "ok");
    for (int i = 0; i < 500; ++i) long_text += "*t, ";
    CHECK(Guarded(long_text + "]\n").ends_with(" too_many_aliases"));
    // Anchors are numbered per document: one document's sizes do not carry into the next.
    CHECK(Guarded("a: &x [1, 2]\nb: *x\n---\na: &x 1\nb: *x\n") == "ok");
  }

  TEST_CASE("NUL bytes and bad UTF-8 are named at their line and column, a BOM is accepted") {
    auto check = [](std::string text) {
      auto file = std::make_shared<SourceFile>(SourceFile{"f.yaml", std::move(text)});
      Diagnostics diags;
      if (CheckSourceText(file, diags, "x.")) return std::string("ok");
      const Diagnostic& d = diags.items().front();
      return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.code;
    };
    CHECK(check("a: 1\nb: \"x\\") == "ok");
    CHECK(check(std::string("a: 1\nb: x\0y\n", 12)) == "2:5 x.nul_byte");
    CHECK(check("a: 1\ntitle: \"bad \xFF\"\n") == "2:13 x.bad_utf8");
    CHECK(check("a: \xC0\xAF\n") == "1:4 x.bad_utf8");          // overlong '/'
    CHECK(check("a: \xED\xA0\x80\n") == "1:4 x.bad_utf8");      // a surrogate
    CHECK(check("a: \xE2\x82") == "1:4 x.bad_utf8");            // cut at the end
    CHECK(check("\xEF\xBB\xBF" "a: \xC3\xA9\n") == "ok");
  }

  TEST_CASE("a file in UTF-16 or UTF-32 is named so, with or without its byte-order mark") {
    auto code = [](std::string text) {
      auto file = std::make_shared<SourceFile>(SourceFile{"f.yaml", std::move(text)});
      Diagnostics diags;
      if (CheckSourceText(file, diags, "x.")) return std::string("ok");
      const Diagnostic& d = diags.items().front();
      return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.code + " " + d.message;
    };
    const std::string saved_as = " x.encoding the file is ";
    CHECK(code(std::string("\xFF\xFE" "a\0:\0", 6)) == "1:1" + saved_as + "UTF-16LE text, not UTF-8: save it as UTF-8");
    CHECK(code(std::string("\xFE\xFF\0a\0:", 6)) == "1:1" + saved_as + "UTF-16BE text, not UTF-8: save it as UTF-8");
    CHECK(code(std::string("a\0:\0", 4)) == "1:1" + saved_as + "UTF-16LE text, not UTF-8: save it as UTF-8");
    CHECK(code(std::string("\0a\0:", 4)) == "1:1" + saved_as + "UTF-16BE text, not UTF-8: save it as UTF-8");
    CHECK(code(std::string("\xFF\xFE\0\0a\0\0\0", 8)) == "1:1" + saved_as + "UTF-32LE text, not UTF-8: save it as UTF-8");
    CHECK(code(std::string("ab\0", 3)).starts_with("1:3 x.nul_byte"));  // a NUL further on is one
  }

  TEST_CASE("YamlReader::LoadAll runs every check before yaml-cpp builds nodes") {
    auto load = [](std::string text) {
      auto file = std::make_shared<SourceFile>(SourceFile{"f.yaml", std::move(text)});
      Diagnostics diags;
      YamlReader r(file, diags, "scenario.");
      const bool ok = r.LoadAll().has_value();
      return ok ? std::string("ok") : diags.items().front().code;
    };
    CHECK(load(",") == "scenario.yaml");
    CHECK(load("a: 1\na: 2\n") == "scenario.duplicate_key");
    CHECK(load("a: \xFF\n") == "scenario.bad_utf8");
    CHECK(load("\xEF\xBB\xBF" "a: 1\n") == "ok");
  }
}

}  // namespace
}  // namespace sancheck

namespace sancheck {
namespace {

TEST_CASE("at most kMaxPrintedDiagnostics diagnostics are printed, then a count of the rest") {
  auto file = std::make_shared<SourceFile>(SourceFile{"f.yaml", "a: 1\n"});
  Diagnostics diags;
  for (size_t i = 0; i < kMaxPrintedDiagnostics + 50; ++i) diags.Error({file, 1, 1}, "x.y", "bad");
  const std::string out = diags.RenderAll();
  size_t errors = 0;
  for (size_t at = out.find(": error: "); at != std::string::npos; at = out.find(": error: ", at + 1)) ++errors;
  CHECK(errors == kMaxPrintedDiagnostics);
  CHECK(out.find("sancheck: 50 more diagnostics not shown") != std::string::npos);
  CHECK(diags.error_count() == static_cast<int>(kMaxPrintedDiagnostics) + 50);  // all still counted
}

}  // namespace
}  // namespace sancheck
