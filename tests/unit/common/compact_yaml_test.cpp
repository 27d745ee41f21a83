// Tests of CompactYaml: the same documents as YAML::LoadAll, node for node, and the same first problem as GuardYaml.
#include <doctest/doctest.h>

#include <string>

#include <yaml-cpp/yaml.h>

#include "common/compact_yaml.hpp"
#include "common/yaml_guard.hpp"

namespace sancheck {
namespace {

// Where the two trees first differ ("" when they do not): kind, value, tag, position, size,
// then the children in order. `depth` stops at aliases that hold their own anchor.
std::string Compare(const YAML::Node& y, const CompactNode& c, const std::string& at, int depth = 0) {
  if (depth > 8) return "";
  if (y.Type() != c.Type()) return at + ": type";
  if (!y.IsDefined()) return "";
  if (std::string(c.Scalar()) != y.Scalar()) return at + ": scalar '" + std::string(c.Scalar()) + "'";
  if (c.Tag() != y.Tag()) return at + ": tag '" + c.Tag() + "' for '" + y.Tag() + "'";
  if (c.Mark().line != y.Mark().line || c.Mark().column != y.Mark().column) return at + ": mark";
  if (c.size() != y.size()) return at + ": size";
  auto yi = y.begin();
  auto ci = c.begin();
  for (size_t i = 0; yi != y.end(); ++yi, ++ci, ++i) {
    if (ci == c.end()) return at + ": fewer children";
    const std::string here = at + "/" + std::to_string(i);
    std::string d = y.IsMap() ? Compare(yi->first, ci->first, here + "k", depth + 1) + Compare(yi->second, ci->second, here, depth + 1)
                              : Compare(*yi, *ci, here, depth + 1);
    if (!d.empty()) return d;
  }
  if (!(ci == c.end())) return at + ": more children";
  return "";
}

std::string Differences(const std::string& text) {
  CompactYaml tree;
  const YamlGuardError error = BuildCompactYaml(text, tree);
  if (!error.code.empty()) return "error " + error.code;
  const std::vector<YAML::Node> docs = YAML::LoadAll(text);
  if (docs.size() != tree.documents()) return "document count";
  for (size_t i = 0; i < docs.size(); ++i) {
    const std::string d = Compare(docs[i], tree.document(i), "doc" + std::to_string(i));
    if (!d.empty()) return d;
  }
  return "";
}

std::string Problem(const std::string& text) {
  CompactYaml tree;
  const YamlGuardError e = BuildCompactYaml(text, tree);
  if (e.code.empty()) return "ok";
  return std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + " " + e.code + " " + e.message;
}

std::string Guarded(const std::string& text) {
  const YamlGuardError e = GuardYaml(text);
  if (e.code.empty()) return "ok";
  return std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + " " + e.code + " " + e.message;
}

TEST_SUITE("common.compact_yaml") {
  TEST_CASE("the same tree as yaml-cpp: kinds, values, tags, positions, order") {
    const char* texts[] = {
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: ~, e: null, f: }\n",
        "- a\n-\n- - b\n  - c\n- {k: v}\n",
        "text: |\n  two\n  lines\nfolded: >\n  one\n  line\nplain: a\n  b\n",
        "v: ''\nw: \"\"\n",
        "base: &b {name: X, country: KP}\nuse: *b\nlist: [*b, *b]\nkey: &k s\n*k : v\n",
        "<<: {a: 1}\nm:\n  <<: &x {b: 2}\n  c: 3\nn: {<<: *x}\n",
        "? [a, b]\n: 1\n? {c: d}\n: 2\n",
        "",
        "# only a comment\n",
        "---\n---\na: 1\n...\n---\n- x\n",
        "--- plain\n--- 'quoted'\n--- |\n  block\n",
        "self: &s [1, *s]\n",
        ("\xEF\xBB\xBF" "bom: \xC3\xA9t\xC3\xA9\n"),
        "a:\n- 1\n- 2\nb:\n  - 3\n",
        "x: 'it''s'\ny: \"tab\\there\\u00e9\"\nz: -1\nw: 1_000\n",
    };
    for (const char* text : texts) {
      CAPTURE(text);
      CHECK(Differences(text) == "");
    }
  }

  TEST_CASE("lookups, sizes and iteration behave like YAML::Node's") {
    CompactYaml tree;
    REQUIRE(BuildCompactYaml("a: 1\n\"b\": [x, y]\nc: ~\nd: {e: f}\n", tree).code.empty());
    const CompactNode doc = tree.document(0);
    CHECK(doc.size() == 4);
    CHECK(doc["a"].Scalar() == "1");
    CHECK(doc["b"].size() == 2);  // a quoted key is the same key
    CHECK(doc["b"][1].Scalar() == "y");
    CHECK_FALSE(doc["b"][2]);
    CHECK(doc["c"]);  // null is defined
    CHECK(doc["c"].IsNull());
    CHECK_FALSE(doc["missing"]);
    CHECK_FALSE(doc["a"]["x"]);  // not a map
    CHECK(doc["a"].size() == 0);
    CHECK(doc["a"].begin() == doc["a"].end());
    std::string keys;
    for (auto it = doc.begin(); it != doc.end(); ++it) keys += std::string(it->first.Scalar());
    CHECK(keys == "abcd");
    std::string entries;
    for (const auto& e : doc["b"]) entries += std::string(e.Scalar());
    CHECK(entries == "xy");
  }

  TEST_CASE("the first problem is GuardYaml's, message and position") {
    std::string aliases = "a: &x 1\nb: [";
    for (size_t i = 0; i <= kMaxYamlAliases; ++i) aliases += "*x, ";
    std::string deep;
    for (int i = 0; i <= kMaxYamlNesting; ++i) deep += "[";
    std::string many_keys;
    for (int i = 0; i < 100; ++i) many_keys += "k" + std::to_string(i) + ": 1\n";
    const std::string texts[] = {
        ",", " ,", "a: 1\n---\n,\n", "a: 1\nb: 2\na: 3\n", "x:\n  - {k: 1, k: 2}\n", "\"a\": 1\na: 2\n",
        "~: 1\n'': 2\n", "a: [1, 2\n", "a: *nothing\n", "a: \"\\q\"\n", aliases + "]\n", deep,
        many_keys + "k7: 2\n", many_keys + "k100: 2\n", "a: {b: 1}\nc: {b: 1, d: [b, b]}\n",
        "s: !!str 12\n", "t: !custom {a: 1}\n", "u: [!!seq [1]]\n",
    };
    for (const std::string& text : texts) {
      CAPTURE(text);
      CHECK(Problem(text) == Guarded(text));
    }
    CHECK(Problem(many_keys + "k7: 2\n").find("duplicate_key") != std::string::npos);
    CHECK(Problem("t: !custom {a: 1}\n").starts_with("1:4 tag YAML tag '!custom' is not read by sancheck"));
  }
}

}  // namespace
}  // namespace sancheck
