// Tests of the CSV record reader (RFC 4180): header, quoting, doubled quotes, line breaks, CRLF, bad fields.
#include <doctest/doctest.h>

#include <string>

#include "batch/csv_reader.hpp"

using namespace sancheck::batch;

namespace {

CsvHeader Header(std::string line) {
  CsvHeader h;
  RecordError err;
  REQUIRE(ParseCsvHeader(line.data(), line.data() + line.size(), h, err));
  return h;
}

const char* kHeader =
    "id,date,exporter_country,importer_country,exporter_name,importer_name,hs,description,quantity,unit,"
    "value_usd,tags,vessel_imo";

struct Parsed {
  std::string buffer;
  RawRecord rec;
  RecordError err;
  int line_off = 0;
  bool ok = false;
  Parsed(const CsvHeader& h, std::string text) : buffer(std::move(text)) {
    const char* end = CsvRecordEnd(buffer.data(), buffer.data() + buffer.size());
    ok = ParseCsvRecord(buffer.data(), const_cast<char*>(end), h, rec, err, line_off);
  }
};

}  // namespace

TEST_CASE("csv: plain and quoted fields, doubled quotes, commas and tags") {
  const CsvHeader h = Header(kHeader);
  Parsed p(h, "S1,2017-12-22,KP,CN,\"Kim \"\"Star\"\", Ltd\",B,930690,\"a, b\",1,pcs,2.50,mtcr;dual-use,IMO9074729");
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kId) == "S1");
  CHECK(p.rec.Get(FieldKey::kExporterName) == "Kim \"Star\", Ltd");
  CHECK(p.rec.Get(FieldKey::kDescription) == "a, b");
  REQUIRE(p.rec.tags.size() == 2);
  CHECK(p.rec.tags[1] == "dual-use");
  CHECK(p.rec.Get(FieldKey::kVesselImo) == "IMO9074729");
}

TEST_CASE("csv: empty fields are absent, no tags is an empty field") {
  const CsvHeader h = Header(kHeader);
  Parsed p(h, "S1,2017-12-22,KP,,A,B,,d,,,,,");
  REQUIRE(p.ok);
  CHECK_FALSE(p.rec.Has(FieldKey::kImporterCountry));
  CHECK_FALSE(p.rec.Has(FieldKey::kHs));
  CHECK_FALSE(p.rec.Has(FieldKey::kVesselImo));
  CHECK(p.rec.tags.empty());
}

TEST_CASE("csv: a quoted line break stays inside the record") {
  const std::string text = "S1,2017-12-22,KP,CN,\"two\nlines\",B,930690,d,1,pcs,2.5,,\nS2,...";
  const char* end = CsvRecordEnd(text.data(), text.data() + text.size());
  CHECK(static_cast<size_t>(end - text.data()) == text.find("\nS2"));
  const CsvHeader h = Header(kHeader);
  Parsed p(h, text.substr(0, text.find("\nS2")));
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kExporterName) == "two\nlines");
  CHECK(p.rec.line_offset[static_cast<int>(FieldKey::kImporterName)] == 1);
}

TEST_CASE("csv: CRLF line ends are stripped, also after a quoted last field") {
  const CsvHeader h = Header(kHeader);
  Parsed a(h, "S1,2017-12-22,KP,CN,A,B,930690,d,1,pcs,2.5,,IMO9074729\r");
  REQUIRE(a.ok);
  CHECK(a.rec.Get(FieldKey::kVesselImo) == "IMO9074729");
  Parsed b(h, "S1,2017-12-22,KP,CN,A,B,930690,d,1,pcs,2.5,,\"IMO9074729\"\r");
  REQUIRE(b.ok);
  CHECK(b.rec.Get(FieldKey::kVesselImo) == "IMO9074729");
}

TEST_CASE("csv: the header may reorder and add columns, but needs an id and no duplicates") {
  const CsvHeader h = Header("hs,note,id,date");
  Parsed p(h, "930690,whatever,S9,2020-01-01");
  REQUIRE(p.ok);
  CHECK(p.rec.Get(FieldKey::kId) == "S9");
  CHECK(p.rec.Get(FieldKey::kHs) == "930690");

  CsvHeader bad;
  RecordError err;
  std::string dup = "id,hs,hs";
  CHECK_FALSE(ParseCsvHeader(dup.data(), dup.data() + dup.size(), bad, err));
  std::string no_id = "date,hs";
  CHECK_FALSE(ParseCsvHeader(no_id.data(), no_id.data() + no_id.size(), bad, err));
}

TEST_CASE("csv: malformed records are errors") {
  const CsvHeader h = Header("id,date,hs");
  Parsed stray(h, "S1,20\"20,93");
  CHECK_FALSE(stray.ok);
  CHECK(stray.err.column == 6);
  CHECK(stray.err.field == "date");
  Parsed after(h, "S1,\"2020\"x,93");
  CHECK_FALSE(after.ok);
  Parsed unterminated(h, "S1,\"2020,93");
  CHECK_FALSE(unterminated.ok);
  CHECK(unterminated.err.column == 4);
  // Past a quoted line break the error is still at the quote that opened the field.
  Parsed open_across(h, "S1,\"20\n20,93\n");
  CHECK_FALSE(open_across.ok);
  CHECK(open_across.err.column == 4);
  CHECK(open_across.line_off == 0);
  Parsed too_few(h, "S1,2020-01-01");
  CHECK_FALSE(too_few.ok);
  CHECK(too_few.err.message.find("expected 3 fields") != std::string::npos);
  Parsed too_many(h, "S1,2020-01-01,93,x");
  CHECK_FALSE(too_many.ok);
}

TEST_CASE("csv: empty input has no record") {
  const std::string empty;
  CHECK(CsvRecordEnd(empty.data(), empty.data()) == empty.data());
}

TEST_CASE("csv: a header column like a field's, misspelt, is refused at it, other columns are skipped") {
  for (const std::string& line : {std::string("id,date, importer_name"), std::string("id,date,Exporter_Name"),
                                 std::string("id,date,exporter")}) {
    CAPTURE(line);
    CsvHeader h;
    RecordError err;
    std::string buf = line;
    CHECK_FALSE(ParseCsvHeader(buf.data(), buf.data() + buf.size(), h, err));
    CHECK(err.code == "batch.unknown_key");
    CHECK(err.column == 9);
  }
  CsvHeader h;
  RecordError err;
  std::string buf = "id,date,invoice_no,notes";
  CHECK(ParseCsvHeader(buf.data(), buf.data() + buf.size(), h, err));
}

TEST_CASE("csv: a header naming a column twice is refused, read or skipped, a BOM before it is accepted") {
  for (const std::string& line : {std::string("id,date,hs,hs"), std::string("id,date,note,note")}) {
    CAPTURE(line);
    CsvHeader h;
    RecordError err;
    std::string buf = line;
    CHECK_FALSE(ParseCsvHeader(buf.data(), buf.data() + buf.size(), h, err));
    CHECK(err.code == "batch.duplicate_key");
    CHECK(err.column == static_cast<int>(line.rfind(',') + 2));
  }
  std::string bom = "\xEF\xBB\xBFid,date";
  CsvHeader h;
  RecordError err;
  REQUIRE(ParseCsvHeader(bom.data(), bom.data() + bom.size(), h, err));
  CHECK(h.columns.front() == FieldKey::kId);
}

TEST_CASE("csv: a NUL byte is named, with its line inside a quoted field") {
  const CsvHeader h = Header("id,date,description");
  Parsed p(h, std::string("S1,2020-01-01,\"two\nli\0nes\"", 26));
  CHECK_FALSE(p.ok);
  CHECK(p.err.message.find("NUL byte") != std::string::npos);
  CHECK(p.line_off == 1);
  CHECK(p.err.column == 3);
}
