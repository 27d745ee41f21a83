// The JSONL reader's two paths against each other: records and mutants of them read the same by the fast path and the scanner.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "batch/line_map.hpp"
#include "jsonl_crosscheck.hpp"

using namespace sancheck;
using namespace sancheck::batch;

namespace {

// Lines as the shared workload's generator writes them, then the shapes the fast path declines.
const char* const kGenerated[] = {
    R"({"id":"S00000001","date":"2005-11-15","exporter_country":"CA","importer_country":"ZA","exporter_name":"Meridian Resources Inc.","importer_name":"Northern Industrial Ltd","hs":"880211","description":"Helicopters of an unladen weight <= 2000 kg","quantity":912,"unit":"pcs","value_usd":6169.77,"tags":["dual-use"],"vessel_imo":""})",
    R"({"id":"S00000002","date":"2017-12-22","exporter_country":"CN","importer_country":"KP","exporter_name":"Dalian Ocean Shipping","importer_name":"Korea Ryonbong General Corp","hs":"271019","description":"Petroleum oils","quantity":1250.5,"unit":"t","value_usd":812000.25,"tags":["mtcr","luxury"],"vessel_imo":"IMO9074729"})",
    "{\"id\":\"S00000003\",\"date\":\"2016-03-02\",\"exporter_country\":\"KP\",\"importer_country\":\"RU\",\"exporter_name\":\"\xEC\xA1\xB0\xEC\x84\xA0 \xEB\xAC\xB4\xEC\x97\xAD\",\"importer_name\":\"\xD0\x9E\xD0\x9E\xD0\x9E \xD0\x92\xD0\xBE\xD1\x81\xD1\x82\xD0\xBE\xD0\xBA\",\"hs\":\"270111\",\"description\":\"Coal\",\"quantity\":0,\"unit\":\"MWh\",\"value_usd\":10.5,\"tags\":[],\"vessel_imo\":\"\"}",
};

const char* const kOther[] = {
    R"({"id":"S4","date":"2009-08-19","exporter_name":"Tab\tSeparated \"Co.\" \u00e9\ud83d\ude00","hs":"940540"})",
    R"( { "hs" : "930690" , "id" : "S5", "date":"2020-01-01", "tags" : [ "nsg" , "dual-use" ] , "quantity" : 1e3 } )",
    R"({"extra":{"a":[1,2,{"b":null}],"c":true},"id":"S6","date":"2020-01-01","note":"x","value_usd":-0.0E+2})",
    R"({"id":"S7","date":"2020-01-01","hs":null,"tags":null,"quantity":null})",
    "{\"id\":\"S8\",\"date\":\"2020-01-01\",\"hs\":\"930690\"}\r",
    "\xEF\xBB\xBF{\"id\":\"S9\",\"date\":\"2020-01-01\"}",
    R"({"id":"S10","date":"2020-01-01","tags":["arms"],"unit":"barrels","vessel_imo":"IMO1234567"})",
    "{\"id\":\"S11\",\"date\":\"2020-01-01\",\"exporter_name\":\"\xC3\x28 bad\"}",
    R"({"id":"S12","date":"2020-01-01","quantity":-5,"value_usd":1e999})",
    R"({"id":"S13","date":"2020-01-01","hs":"930690","hs":"100199"})",
    R"({"id":"S14","date":"2020-02-30","exporter_country":"kp","hs":"77"})",
    R"({"i\u0064":"S15","date":"2020-01-01"})",
    R"({"id":"S16","date":"2020-01-01","description":"a \q b"})",
    R"({"id":"S17","date":"2020-01-01","tags":["dual\u002duse"],"description":"\"\\\/\b\f\n\r\t"})",
};

// xorshift64: the same mutants on every run.
struct Random {
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
};

// One to three edits: a byte deleted, inserted or replaced (JSON's structural bytes, escapes,
// whitespace, digits, NUL and bytes past ASCII are likelier), a span repeated, or a cut.
std::string Mutant(const std::string& line, Random& random) {
  static const char kBytes[] = "\"\\{}[],: \t\r0123456789-+.eEnulltrfaSK\x80\xC3\xFF/u";
  static const std::string alphabet = std::string(kBytes, sizeof kBytes - 1) + '\0';
  std::string s = line;
  const size_t edits = 1 + random.Below(3);
  for (size_t e = 0; e < edits && !s.empty(); ++e) {
    const size_t at = random.Below(s.size());
    const char c = alphabet[random.Below(alphabet.size())];
    switch (random.Below(5)) {
      case 0: s.erase(at, 1); break;
      case 1: s.insert(at, 1, c); break;
      case 2: s[at] = c; break;
      case 3: s.insert(at, s.substr(at, 1 + random.Below(12))); break;
      default: s.resize(at); break;
    }
  }
  return s;
}

expr::TagRegistry Tags() {
  expr::TagRegistry tags;
  for (const char* t : {"mtcr", "nsg", "dual-use", "luxury"}) tags.Add(t);
  return tags;
}

}  // namespace

TEST_CASE("jsonl paths: generated records take the fast path and read as the scanner reads them") {
  const expr::TagRegistry registry = Tags();
  const TagLookup tags(registry);
  for (const char* line : kGenerated) {
    CAPTURE(line);
    const CrossCheck c = CrossCheckJsonLine(line, tags);
    CHECK(c.fast);
    CHECK(c.read);
    CHECK(c.mismatch == "");
  }
}

TEST_CASE("jsonl paths: unknown keys, null, a byte order mark, escaped keys and bad escapes are the scanner's") {
  const expr::TagRegistry registry = Tags();
  const TagLookup tags(registry);
  // Escapes in values, spaces and a CRLF end are the fast path's too; the repeated key and the
  // bad escape are reading errors, the other lines are read (some then fail their value checks).
  const bool fast[] = {true, true, false, false, true, false, true, true, true, false, true, false, false, true};
  const bool read[] = {true, true, true, true, true, true, true, true, true, false, true, true, false, true};
  static_assert(std::size(fast) == std::size(kOther) && std::size(read) == std::size(kOther));
  for (size_t i = 0; i < std::size(kOther); ++i) {
    CAPTURE(kOther[i]);
    const CrossCheck c = CrossCheckJsonLine(kOther[i], tags);
    CHECK(c.fast == fast[i]);
    CHECK(c.read == read[i]);
    CHECK(c.mismatch == "");
  }
}

TEST_CASE("jsonl paths: mutants of every line read the same on both paths") {
  const expr::TagRegistry registry = Tags();
  const TagLookup tags(registry);
  std::vector<std::string> bases(std::begin(kGenerated), std::end(kGenerated));
  bases.insert(bases.end(), std::begin(kOther), std::end(kOther));
  bases.push_back(std::string(R"({"id":"S15","date":"2020-01-01","description":")") + std::string(5000, 'x') + "\"}");
  Random random;
  size_t fast = 0, scanner_only = 0, rejected = 0;
  for (const std::string& base : bases) {
    for (int n = 0; n < 600; ++n) {
      const std::string line = Mutant(base, random);
      if (line.find('\n') != std::string::npos) continue;
      const CrossCheck c = CrossCheckJsonLine(line, tags);
      if (!c.mismatch.empty()) {
        FAIL_CHECK(c.mismatch << " on: " << line);
        continue;
      }
      fast += c.fast;
      scanner_only += c.read && !c.fast;
      rejected += !c.read;
    }
  }
  // Both paths and the errors were exercised, not one of them alone.
  CHECK(fast > 400);
  CHECK(scanner_only > 400);
  CHECK(rejected > 400);
}

TEST_CASE("jsonl paths: lines about the mapped limit take the fast path up to it and the scanner past it") {
  const expr::TagRegistry registry = Tags();
  const TagLookup tags(registry);
  const std::string head = R"({"id":"S18","date":"2020-01-01","hs":"930690","description":")";
  for (const bool escape : {false, true}) {
    for (size_t length = LineMap::kMaxBytes - 4; length <= LineMap::kMaxBytes + 4; ++length) {
      // The description fills the line to `length`, an escape (when asked) in its last bytes,
      // where the quote and backslash maps end.
      const std::string tail = escape ? "\\n\"}" : "x\"}";
      std::string line = head + std::string(length - head.size() - tail.size(), 'x') + tail;
      REQUIRE(line.size() == length);
      CAPTURE(length);
      CAPTURE(escape);
      const CrossCheck c = CrossCheckJsonLine(line, tags);
      CHECK(c.fast == (length <= LineMap::kMaxBytes));
      CHECK(c.read);
      CHECK(c.mismatch == "");
    }
  }
}
