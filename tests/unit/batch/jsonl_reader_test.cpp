// Tests of the JSONL record reader: escapes, non-ASCII, unknown keys, nulls, CRLF and malformed lines.
#include <doctest/doctest.h>

#include <string>

#include "batch/jsonl_reader.hpp"

using sancheck::batch::FieldKey;
using sancheck::batch::ParseJsonLine;
using sancheck::batch::RawRecord;
using sancheck::batch::RecordError;

namespace {

// Parses `line` (copied: the reader unescapes in place) and keeps the buffer alive.
struct Parsed {
  std::string buffer;
  RawRecord rec;
  RecordError err;
  bool ok = false;
  explicit Parsed(std::string line) : buffer(std::move(line)) {
    ok = ParseJsonLine(buffer.data(), buffer.data() + buffer.size(), rec, err);
  }
};

}  // namespace

TEST_CASE("jsonl: a generated record reads every field") {
  Parsed p(R"({"id":"S00000001","date":"2005-11-15","exporter_country":"CA","importer_country":"ZA",)"
           R"("exporter_name":"Meridian Resources Inc.","importer_name":"Northern Industrial Ltd","hs":"880211",)"
           R"("description":"Helicopters of an unladen weight <= 2000 kg","quantity":912,"unit":"pcs",)"
           R"("value_usd":6169.77,"tags":["dual-use"],"vessel_imo":""})");
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kId) == "S00000001");
  CHECK(p.rec.Get(FieldKey::kHs) == "880211");
  CHECK(p.rec.Get(FieldKey::kQuantity) == "912");
  CHECK(p.rec.Get(FieldKey::kValueUsd) == "6169.77");
  CHECK(p.rec.Has(FieldKey::kVesselImo));
  CHECK(p.rec.Get(FieldKey::kVesselImo).empty());
  REQUIRE(p.rec.tags.size() == 1);
  CHECK(p.rec.tags[0] == "dual-use");
}

TEST_CASE("jsonl: escapes are decoded in place") {
  Parsed p(R"({"id":"a\"b\\c\/d\te\nf\u00e9\u20ac\ud83d\ude00","date":"2017-12-22"})");
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kId) == "a\"b\\c/d\te\nf\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST_CASE("jsonl: raw non-ASCII UTF-8 passes through unchanged") {
  Parsed p("{\"id\":\"\xE6\x9C\x9D\xE9\xAE\xAE \xC3\xA9\",\"exporter_name\":\"\xD0\x9C\xD0\xBE\xD1\x81\",\"date\":\"2020-01-01\"}");
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kId) == "\xE6\x9C\x9D\xE9\xAE\xAE \xC3\xA9");
}

TEST_CASE("jsonl: keys in any order, unknown keys with nested values are skipped") {
  Parsed p(R"( { "extra": {"a":[1,2,{"b":null}],"c":true}, "tags" : [ "dual-use" , "other" ] , "hs":"847130",)"
           R"("importer_country":"KP","id":"S1","quantity":1e3,"value_usd":-0.5,"x":-0.0E+2} )");
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kId) == "S1");
  CHECK(p.rec.Get(FieldKey::kQuantity) == "1e3");
  CHECK(p.rec.Get(FieldKey::kValueUsd) == "-0.5");
  CHECK(p.rec.tags.size() == 2);
}

TEST_CASE("jsonl: null is absent") {
  Parsed p(R"({"id":"S1","hs":null,"tags":null,"date":"2002-02-02"})");
  REQUIRE(p.ok);
  CHECK_FALSE(p.rec.Has(FieldKey::kHs));
  CHECK_FALSE(p.rec.Has(FieldKey::kTags));
  CHECK(p.rec.Get(FieldKey::kDate) == "2002-02-02");
}

TEST_CASE("jsonl: a key like a field's, misspelt, is an error at it, other keys are skipped") {
  // Left unread, "importer" would leave the importer unscreened and the record permitted.
  for (const auto& [key, near] : {std::pair{"importer", "'importer_country' or 'importer_name'"},
                                  std::pair{"Importer_Name", "'importer_name'"},
                                  std::pair{"importer name", "'importer_name'"},
                                  std::pair{"improter_name", "'importer_name'"}, std::pair{"tag", "'tags'"},
                                  std::pair{"vesel_imo", "'vessel_imo'"}}) {
    const std::string line = std::string(R"({"id":"S1","date":"2002-02-02",")") + key + R"(":"Kim"})";
    CAPTURE(line);
    Parsed p(line);
    CHECK_FALSE(p.ok);
    CHECK(p.err.code == "batch.unknown_key");
    CHECK(p.err.column == 32);
    CHECK(p.err.message.find(std::string("did you mean ") + near + "?") != std::string::npos);
  }
  Parsed ok(R"({"id":"S1","date":"2002-02-02","invoice_no":"X-1","notes":"a ledger's own column","no":1})");
  CHECK(ok.ok);
}

TEST_CASE("jsonl: a repeated key is an error at the second one, read or skipped, even after a null") {
  for (const std::string line : {R"({"id":"S1","hs":"930690","date":"2002-02-02","hs":"100199"})",
                                 R"({"id":"S1","hs":null,"date":"2002-02-02","hs":"100199"})",
                                 R"({"id":"S1","note":1,"date":"2002-02-02","note":2})"}) {
    CAPTURE(line);
    Parsed p(line);
    CHECK_FALSE(p.ok);
    CHECK(p.err.code == "batch.duplicate_key");
    CHECK(p.err.column == static_cast<int>(line.rfind(",\"") + 2));
  }
  Parsed ok(R"({"id":"S1","date":"2002-02-02","x":{"a":1},"y":{"a":2}})");  // the same key in two nested objects
  CHECK(ok.ok);
}

TEST_CASE("jsonl: a NUL byte is named at its column, a byte order mark is skipped") {
  Parsed nul(std::string("{\"id\":\"S\0\",\"date\":\"2002-02-02\"}", 31));
  CHECK_FALSE(nul.ok);
  CHECK(nul.err.message.find("NUL byte") != std::string::npos);
  CHECK(nul.err.column == 9);
  Parsed bom("\xEF\xBB\xBF{\"id\":\"S1\",\"date\":\"2002-02-02\",\"x\":}");
  CHECK_FALSE(bom.ok);
  CHECK(bom.err.column == 39);  // columns still count the BOM's bytes, as an editor shows them
  Parsed good("\xEF\xBB\xBF{\"id\":\"S1\",\"date\":\"2002-02-02\"}");
  CHECK(good.ok);
}

TEST_CASE("jsonl: a line rejected for a NUL byte keeps nothing of the record read before it") {
  RawRecord rec;
  RecordError err;
  std::string first = R"({"id":"S1","date":"2002-02-02"})";
  REQUIRE(ParseJsonLine(first.data(), first.data() + first.size(), rec, err));
  std::string nul("{\"id\":\"S2\",\"date\":\"2002-02-02\"}\0", 32);
  CHECK_FALSE(ParseJsonLine(nul.data(), nul.data() + nul.size(), rec, err));
  CHECK(err.message.find("NUL byte") != std::string::npos);
  CHECK_FALSE(rec.Has(FieldKey::kId));  // the batch writes "id": null, never S1
}

TEST_CASE("jsonl: a CRLF line end is accepted") {
  Parsed p("{\"id\":\"S1\",\"date\":\"2020-01-01\"}\r");
  CHECK(p.ok);
}

TEST_CASE("jsonl: blank lines are recognised") {
  const std::string blank = " \t\r";
  CHECK(sancheck::batch::IsBlankLine(blank.data(), blank.data() + blank.size()));
  CHECK(sancheck::batch::IsBlankLine(blank.data(), blank.data()));
  const std::string text = " x";
  CHECK_FALSE(sancheck::batch::IsBlankLine(text.data(), text.data() + text.size()));
}

TEST_CASE("jsonl: malformed lines are errors with a column and a code") {
  struct Case {
    const char* line;
    int column;
    const char* code;
  };
  const Case cases[] = {
      {"", 1, "batch.bad_json"},
      {"[1,2]", 1, "batch.bad_json"},
      {R"({"id":"S1")", 11, "batch.bad_json"},
      {R"({"id":"S1",})", 12, "batch.bad_json"},
      {R"({"id":"S1"} x)", 13, "batch.bad_json"},
      {R"({"id":"a\qb"})", 9, "batch.bad_json"},
      {R"({"id":"\ud83d"})", 14, "batch.bad_json"},  // where the low surrogate should be
      {R"({"id":"\ude00"})", 14, "batch.bad_json"},
      {R"({"id":"\u12"})", 10, "batch.bad_json"},    // at the hex digits
      {"{\"id\":\"a\tb\"}", 9, "batch.bad_json"},
      {R"({"id":"S1)", 10, "batch.bad_json"},
      {R"({"id":5})", 7, "batch.wrong_type"},
      {R"({"quantity":"5"})", 13, "batch.wrong_type"},
      {R"({"tags":"mtcr"})", 9, "batch.wrong_type"},
      {R"({"tags":[1]})", 10, "batch.wrong_type"},
      {R"({"x":01})", 7, "batch.bad_json"},
      {R"({"x":1.})", 8, "batch.bad_json"},
      {R"({"x":tru})", 6, "batch.bad_json"},
      {R"({id:"S1"})", 2, "batch.bad_json"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    Parsed p(c.line);
    CHECK_FALSE(p.ok);
    CHECK(p.err.column == c.column);
    CHECK(p.err.code == c.code);
    CHECK_FALSE(p.err.message.empty());
  }
}

TEST_CASE("jsonl: the error names the field being read") {
  Parsed p(R"({"id":"S1","date":"2020-01-01","hs":"93\x"})");
  REQUIRE_FALSE(p.ok);
  CHECK(p.err.field == "hs");
}

TEST_CASE("jsonl: nesting deeper than the limit is rejected without recursion trouble") {
  std::string deep = "{\"x\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
  Parsed p(deep);
  CHECK_FALSE(p.ok);
  CHECK(p.err.message.find("nested") != std::string::npos);
}
