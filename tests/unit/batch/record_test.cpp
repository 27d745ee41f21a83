// Tests of record checking: required fields, value errors with positions, unknown tags and units are errors.
#include <doctest/doctest.h>

#include <string>

#include "batch/jsonl_reader.hpp"
#include "batch/line_map.hpp"
#include "batch/record.hpp"

using namespace sancheck;
using namespace sancheck::batch;

namespace {

struct Checked {
  std::string buffer;
  RawRecord raw;
  Record rec;
  RecordError err;
  bool ok = false;
  Checked(const expr::TagRegistry& tags, std::string line) : buffer(std::move(line)) {
    REQUIRE(ParseJsonLine(buffer.data(), buffer.data() + buffer.size(), raw, err));
    TagLookup lookup(tags);
    ok = CheckRecord(raw, lookup, rec, err);
  }
};

}  // namespace

TEST_CASE("record: values are checked and converted") {
  expr::TagRegistry tags;
  tags.Add("mtcr");
  Checked c(tags, R"({"id":"S1","date":"2017-12-22","exporter_country":"KP","importer_country":"CN","hs":"030617",)"
                  R"("quantity":1e3,"unit":"t","value_usd":2.5,"tags":["mtcr","dual-use"],"vessel_imo":"IMO9074729"})");
  REQUIRE(c.ok);
  CHECK(c.rec.id == "S1");
  CHECK(c.rec.date == *Date::Parse("2017-12-22"));
  CHECK(c.rec.from.value == kDprk);
  CHECK(c.rec.hs.value.digits() == 6);
  CHECK(c.rec.hs_lo == 306170000ULL);
  CHECK(c.rec.quantity.value == 1000.0);
  CHECK(c.rec.unit.known);
  CHECK(c.rec.tags.count() == 2);
}

TEST_CASE("record: missing facts stay unknown") {
  expr::TagRegistry tags;
  Checked c(tags, R"({"id":"S1","date":"2017-12-22","unit":""})");
  REQUIRE(c.ok);
  CHECK_FALSE(c.rec.from.known);
  CHECK_FALSE(c.rec.to.known);
  CHECK_FALSE(c.rec.hs.known);
  CHECK_FALSE(c.rec.unit.known);
}

TEST_CASE("record: an unknown tag or unit is an error with a hint, never ignored") {
  expr::TagRegistry tags;
  Checked tag(tags, R"({"id":"S1","date":"2017-12-22","tags":["arms","amunition"]})");
  CHECK_FALSE(tag.ok);
  CHECK(tag.err.field == "tags");
  CHECK(tag.err.code == "batch.unknown_tag");
  CHECK(tag.err.message == "unknown tag 'amunition': no loaded rule pack knows it (did you mean 'ammunition'?)");
  Checked unit(tags, R"({"id":"S1","date":"2017-12-22","unit":"kWh"})");
  CHECK_FALSE(unit.ok);
  CHECK(unit.err.field == "unit");
  CHECK(unit.err.column == 39);
  CHECK(Checked(tags, R"({"id":"S1","date":"2017-12-22","unit":"MWh"})").ok);  // electricity, as the workload writes it
  // The unit meant, as a scenario's error says it (UnitHint): kilolitres are cubic metres, not kilograms.
  Checked kl(tags, R"({"id":"S1","date":"2017-12-22","unit":"kl"})");
  CHECK(kl.err.message == "unknown unit 'kl' (did you mean 'm3', a kilolitre is a cubic metre?); expected pcs, kg, t, l, bbl, m3 or MWh");
  Checked country(tags, R"({"id":"S1","date":"2017-12-22","importer_country":"PRK"})");
  CHECK_FALSE(country.ok);
  CHECK(country.err.message == "'PRK' is not an ISO 3166-1 alpha-2 country code (upper case) (did you mean 'KP'?)");
}

TEST_CASE("record: bad values are errors naming the field and its column") {
  expr::TagRegistry tags;
  struct Case {
    const char* line;
    const char* field;
    int column;
  };
  const Case cases[] = {
      {R"({"date":"2017-12-22"})", "id", 1},
      {R"({"id":"S1"})", "date", 1},
      {R"({"id":"S1","date":"2017-02-30"})", "date", 19},
      {R"({"id":"S1","date":"2017-12-22","importer_country":"kp"})", "importer_country", 51},
      {R"({"id":"S1","date":"2017-12-22","exporter_country":"XX"})", "exporter_country", 51},
      {R"({"id":"S1","date":"2017-12-22","hs":"93A"})", "hs", 37},
      {R"({"id":"S1","date":"2017-12-22","quantity":1e999})", "quantity", 43},
      {R"({"id":"S1","date":"2017-12-22","vessel_imo":"IMO9074728"})", "vessel_imo", 45},
      {"{\"id\":\"S\xC3\",\"date\":\"2017-12-22\"}", "id", 7},
  };
  for (const Case& k : cases) {
    CAPTURE(k.line);
    Checked c(tags, k.line);
    CHECK_FALSE(c.ok);
    CHECK(c.err.field == k.field);
    CHECK(c.err.column == k.column);
  }
}

TEST_CASE("record: a reused record, reset, is a new one (every field, the names and id too)") {
  expr::TagRegistry tags;
  tags.Add("mtcr");
  Checked c(tags, R"({"id":"S1","date":"2017-12-22","exporter_country":"KP","importer_country":"CN","hs":"030617",)"
                  R"("quantity":1e3,"unit":"t","value_usd":2.5,"tags":["mtcr"],"exporter_name":"A","importer_name":"B",)"
                  R"("vessel_imo":"IMO9176187"})");
  REQUIRE(c.ok);
  CHECK(c.rec.vessel_imo == "9176187");  // the number, without its "IMO"
  c.rec.Reset();
  // Bound field by field: a field added to Record (and so to Reset) breaks this line's build.
  const auto& [id, date, from, to, hs, hs_lo, hs_hi, tags_set, quantity, unit, value_usd, from_name, to_name,
               vessel_imo] = c.rec;
  const Record fresh;
  CHECK(id == fresh.id);
  CHECK(date == fresh.date);
  CHECK((from.known == fresh.from.known && from.value == fresh.from.value));
  CHECK((to.known == fresh.to.known && to.value == fresh.to.value));
  CHECK((hs.known == fresh.hs.known && hs.value == fresh.hs.value));
  CHECK((hs_lo == fresh.hs_lo && hs_hi == fresh.hs_hi));
  CHECK(tags_set == fresh.tags);
  CHECK((quantity.known == fresh.quantity.known && quantity.value == fresh.quantity.value));
  CHECK((unit.known == fresh.unit.known && unit.value == fresh.unit.value));
  CHECK((value_usd.known == fresh.value_usd.known && value_usd.value == fresh.value_usd.value));
  CHECK((from_name == fresh.from_name && to_name == fresh.to_name));
  CHECK(vessel_imo == fresh.vessel_imo);
}

TEST_CASE("record: a number no rule reads is still checked, whichever path read the line") {
  expr::TagRegistry tags;
  TagLookup lookup(tags);
  const RecordNeeds unread{false, false};
  const std::string huge(400, '9');  // past any double: not a number
  struct Case {
    std::string value;
    bool ok;
    bool plain;  ///< the fast path marks it plain (no second look at its digits)
  };
  const Case cases[] = {{"12.5", true, true}, {"0", true, true},       {"1e3", true, false},
                        {"-3", false, false}, {"-0.5", false, false}, {"1e999", false, false},
                        {huge, false, false}, {"1" + std::string(299, '0'), true, true}};
  for (const Case& k : cases) {
    for (const int reader : {0, 1, 2}) {  // the mapped fast path, ParseJsonLine's own, the strict scanner
      CAPTURE(k.value);
      CAPTURE(reader);
      std::string line = R"({"id":"S1","date":"2017-12-22","quantity":)" + k.value + R"(,"value_usd":)" + k.value + "}";
      RawRecord raw;
      RecordError err;
      LineMap map;
      char* const begin = line.data();
      char* const end = line.data() + line.size();
      if (reader == 0) {
        REQUIRE(map.Build(begin, end) == end);
        REQUIRE(ParseJsonLine(begin, end, map, raw, err));
        CHECK(raw.PlainNumber(FieldKey::kQuantity) == (k.plain && map.mapped()));
      } else if (reader == 1) {
        REQUIRE(ParseJsonLine(begin, end, raw, err));
        CHECK((!raw.PlainNumber(FieldKey::kQuantity) || k.plain));  // never a number that is not plain
      } else {
        raw.plain_numbers = 0xFFFF;  // a line before it, read by the fast path: cleared, not kept
        REQUIRE(ScanJsonLine(begin, end, raw, err));
        CHECK_FALSE(raw.PlainNumber(FieldKey::kQuantity));  // the strict scanner leaves it to CheckRecord
      }
      Record rec;
      CHECK(CheckRecord(raw, lookup, rec, err, unread) == k.ok);
      if (!k.ok) CHECK(err.field == "quantity");
    }
  }
}
