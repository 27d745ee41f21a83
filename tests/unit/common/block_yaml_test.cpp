// Tests of ReadPlainBlockYaml: for what it reads, yaml-cpp's own events mark for mark; what it declines goes to yaml-cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>
#include <string>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "common/block_yaml.hpp"
#include "yaml_events.hpp"

namespace sancheck {
namespace {

// "declined", or "" when the reader's events are yaml-cpp's, or both sets of events.
std::string Check(const std::string& text) {
  YamlEventRecorder r;
  if (!ReadPlainBlockYaml(text, r)) return r.out.empty() ? "declined" : "declined after events";
  const std::string expected = YamlCppEvents(text);
  return r.out == expected ? "" : "reader:\n" + r.out + "yaml-cpp:\n" + expected;
}

TEST_SUITE("common.block_yaml") {
  TEST_CASE("plain block YAML gives yaml-cpp's events") {
    const char* texts[] = {
        "a: 1\n",
        "a: 1",
        "scenario: scale\ntitle: Scale test\ndate: 2023-09-13\nparties:\n  p0:\n    name: \"Jo Chun-ryong\"\n"
        "    country: KP\n    kind: company\nactivities:\n  - id: a0\n    type: supply\n    from: p0\n    to: p1\n"
        "    items:\n      - description: Goods\n        hs: \"8471\"\n        quantity: 10\n        unit: t\n"
        "  - id: a1\n    type: supply\n",
        "# a comment first\n\nkey: value   # and one after\nother:   'single'  \nthird: \"double\" # c\n",
        "list:\n  - a\n  - b c\n  -   spaced\nnext: x\n",
        "outer:\n    inner:\n        deep: v\n    back: w\nlast: z\n",
        "- a\n- b: 1\n  c: 2\n- d\n",
        "n1: null\nn2: Null\nn3: NULL\nnull: x\nnot: nulls\n",
        "url: http://example.org/a:b\ntime: 10:30\nneg: -1\nfrac: .5\nmoney: $5\npath: /a/b\n",
        "text: it's a \"word\", and (more) - with + signs? yes! 100% & @ ok\n",
        "name: Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale\n\xC3\xA9t\xC3\xA9: \xC3\xA9\nx: \xC3\xA9 y\n",
        "k:\n  - a\n# at column 0\n  - b\n",
        "k:\n  a: 1\n\n\n  b: 2\n",
        "\"quoted key\": 1\n'single key': 2\n",
        "a:\n  - x: 1\n    y:\n      - 2\n  - z: 3\n",
        // One-line flow lists of scalars.
        "tags: [arms, missile]\nx: 1\n",
        "tags: []\nempty: [ ]\n",
        "t: ['a b', \"c, d\", e f , -1, null]   # comment\n",
        "- [a, b]\n- c\n",
        "items:\n  - description: x\n    tags: [ammunition]\n    hs: \"9306.90\"\n",
        // Folded and literal block scalars, their lines at one indentation.
        "description: >\n  Press reports of the summit describe\n  a deal.\nnext: x\n",
        "a:\n  text: |\n    line one\n    line two\n  b: 2\n",
        "- >\n  folded in a list\n- x\n",
        "d: >\n     deep lines\n     stay\ne: 1\n",
    };
    for (const char* text : texts) {
      CAPTURE(text);
      const std::string result = Check(text);
      // A text it declines is fine (yaml-cpp reads it); the tests above are meant to be read.
      CHECK(result == "");
    }
  }

  TEST_CASE("what yaml-cpp must read is declined before any event") {
    const char* texts[] = {
        "",                         // no document
        "# only a comment\n",       //
        "plain\n",                  // a scalar document
        "  a: 1\n",                 // an indented root
        "a:\nb: 1\n",               // an empty value
        "a:\n- x\n",                // a sequence at its key's column
        "a: {b: 1}\n",              // flow mappings, nested or multi-line flow lists
        "a: [[1], 2]\n",            //
        "a: [1,\n  2]\n",          //
        "a: [1, , 2]\n",            //
        "a: [1, 2,]\n",             //
        "a: [x: 1]\n",              //
        "a: [1] b\n",               //
        "a: [1]#c\n",               //
        "a: &x 1\nb: *x\n",         // anchors and aliases
        "a: !!str 1\n",             // tags
        "a: |-\n  text\n",          // block scalars with indicators, uneven or empty lines
        "a: >2\n  text\n",          //
        "a: > # c\n  text\n",       //
        "a: >\n  one\n    more\n",  //
        "a: >\n  one\n\n  two\n",   //
        "a: >\n  one \n",           //
        "a: >\n  # hash\n",         //
        "a: >\n  no break",          //
        "a: >\nb: 1\n",             //
        "a: two\n  lines\n",        // a multi-line plain scalar
        "a: x\n  # deeper comment\n",
        "a: \"esc\\n\"\n",          // escapes
        "a: 'it''s'\n",             //
        "a: \"open\n  end\"\n",     // a multi-line quoted scalar
        "---\na: 1\n",              // document markers
        "a: 1\n...\n",              //
        "a: 1\n---\nb: 2\n",        //
        "a:\t1\n",                  // tabs and carriage returns
        "a: 1\r\n",                 //
        ("\xEF\xBB\xBF" "a: 1\n"),  // a byte order mark
        "a: ~\n",                   // '~'
        "a: b: c\n",                // a map in a value
        "a : 1\n",                  // a space before the colon
        "a:b: 1\n",                 // a colon in a key
        "a: x#y\n",                 // '#' inside a plain scalar
        "a: \"x\"#c\n",             // a comment without a space
        "- - a\n",                  // a list in a list entry
        "-\n  a: 1\n",              // an empty entry
        "a: 1\n   \nb: 2\n",        // a line of spaces
        "a:\n  - x\n  y: 1\n",      // a key where an entry belongs
        "a: 1\n b: 2\n",            // a key more indented
        ", \n",                     //
        "a: 1\nb: 2\na: 3\n",       // read (the duplicate is the guard's to find): not declined
    };
    for (const char* text : texts) {
      CAPTURE(text);
      const std::string result = Check(text);
      if (std::string(text) == "a: 1\nb: 2\na: 3\n") {
        CHECK(result == "");
      } else {
        CHECK(result == "declined");
      }
    }
  }

  TEST_CASE("every YAML file of the project the reader takes gives yaml-cpp's events") {
    // Samples, rule packs and their tests, lint, report and timeline cases: hand-written YAML of
    // every kind (the hostile files of tests/badinput and tests/fuzz go through the whole
    // program in the bad-input tests, guarded as every input is).
    size_t taken = 0, files = 0;
    const std::filesystem::path root = SANCHECK_SOURCE_DIR;
    std::vector<std::filesystem::path> paths;
    for (const char* dir : {"samples", "rules", "examples", "bench/workload", "tests/lint", "tests/cli", "tests/reports",
                            "tests/timeline", "tests/screening", "tests/impact"}) {
      if (!std::filesystem::exists(root / dir)) continue;
      for (const auto& e : std::filesystem::recursive_directory_iterator(root / dir)) {
        if (e.is_regular_file() && e.path().extension() == ".yaml") paths.push_back(e.path());
      }
    }
    for (const auto& file : paths) {
      const std::string path = file.generic_string();
      std::ifstream in(file, std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string expected;
      try {
        expected = YamlCppEvents(text);
      } catch (const YAML::Exception&) {
        CHECK_MESSAGE(Check(text) == "declined", path);  // what yaml-cpp refuses is never read
        continue;
      }
      ++files;
      YamlEventRecorder r;
      if (!ReadPlainBlockYaml(text, r)) continue;
      ++taken;
      CHECK_MESSAGE(r.out == expected, path);
    }
    MESSAGE(taken, " of ", files, " files read without yaml-cpp");
    CHECK(taken > 0);
  }

  TEST_CASE("a long document: every event yaml-cpp's") {
    std::string text = "scenario: s\nparties:\n";
    for (int p = 0; p < 50; ++p) {
      text += "  p" + std::to_string(p) + ":\n    name: \"Party " + std::to_string(p) + "\"\n    country: KP\n";
    }
    text += "activities:\n";
    for (int i = 0; i < 200; ++i) {
      text += "  - id: a" + std::to_string(i) + "\n    type: supply\n    items:\n      - description: Goods, \"fine\"\n"
              "        hs: '8471'\n        tags:\n          - t1\n          - t2   # two\n";
    }
    CHECK(Check(text) == "");
  }
}

}  // namespace
}  // namespace sancheck
