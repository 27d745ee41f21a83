// Binary list snapshots: a round trip keeps every field and screens alike; corrupt, truncated and hostile files are clear errors.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "screen/list_snapshot.hpp"
#include "designation_checks.hpp"
#include "screen/screener.hpp"
#include "screen/snapshot_bytes.hpp"
#include "temp_dir.hpp"
#include "un_screener.hpp"

namespace sancheck::screen {
namespace {

DesignationList SampleList() {
  DesignationList l;
  l.name = "sample";
  l.snapshot = "2024-09-26";
  l.source = "tests";
  l.format = "csv";
  l.regime = "own";
  l.sha256 = std::string(64, 'a');
  l.inputs.push_back(ListInput{"own.csv", std::string(64, 'b')});
  l.entries = BuiltinDprkDesignations();
  l.entries.front().delisted_on = Date::Parse("2025-01-02");  // every field must survive, this one too
  return l;
}

std::shared_ptr<const SourceFile> File(std::string bytes) {
  return std::make_shared<const SourceFile>(SourceFile{"list.bin", std::move(bytes)});
}

bool WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out.flush());
}

std::string Error(const std::string& bytes) {
  Diagnostics diags;
  const auto snap = ParseListSnapshot(File(bytes), diags);
  CHECK_FALSE(snap);
  return diags.RenderAll();
}

TEST_SUITE("screen.snapshot") {
  TEST_CASE("a snapshot keeps the list's provenance and entries, and its index screens as a fresh one") {
    const DesignationList list = SampleList();
    const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries));
    CHECK(IsListSnapshot(bytes));
    Diagnostics diags;
    auto snap = ParseListSnapshot(File(bytes), diags);
    REQUIRE(snap);
    CHECK(diags.items().empty());
    CHECK(snap->list.name == "sample");
    CHECK(snap->list.snapshot == "2024-09-26");
    CHECK(snap->list.sha256 == list.sha256);
    REQUIRE(snap->list.inputs.size() == 1);
    CHECK(snap->list.inputs[0].file == "own.csv");
    CheckSameEntries(list.entries, snap->list.entries);
    const Screener loaded({Screener::Part{std::move(snap->list.entries), snap->index}});
    Query q;
    q.name = "Jo Chun-ryong";
    const auto got = loaded.Screen(q, *Date::Parse("2024-09-26"));
    const auto want = Un().Screen(q, *Date::Parse("2024-09-26"));
    REQUIRE(!got.empty());
    REQUIRE(got.size() == want.size());
    CHECK(got[0].designation->reference == want[0].designation->reference);
    CHECK(got[0].why == want[0].why);
  }

  TEST_CASE("a read for screening leaves out the entries' titles and notes, and nothing else") {
    DesignationList list = SampleList();
    list.entries[1].title = "Director of the bureau";
    list.entries[1].note = "A note long enough to live on the heap, as the UN list's remarks do.";
    const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries), StoredScans::kYes);
    const std::string path =
        (std::filesystem::temp_directory_path() / ("sancheck-snapshot-" + std::to_string(::getpid()) + ".bin")).string();
    REQUIRE(WriteBytes(path, bytes));
    for (const Integrity check : {Integrity::kVerify, Integrity::kTrusted}) {
      Diagnostics diags;
      const auto all = ParseListSnapshot("list.bin", bytes, diags, check);
      const auto screening = ParseListSnapshot("list.bin", bytes, diags, check, EntryText::kForScreening);
      const auto streamed = LoadListSnapshot(path, diags, EntryText::kForScreening);
      REQUIRE_MESSAGE(all, diags.RenderAll());
      REQUIRE(screening);
      REQUIRE(streamed);
      CheckSameEntries(list.entries, all->list.entries);
      for (const auto* read : {&*screening, &*streamed}) {
        REQUIRE(read->list.entries.size() == list.entries.size());
        for (size_t i = 0; i < list.entries.size(); ++i) {
          Designation want = list.entries[i];
          want.title.clear();
          want.note.clear();
          CheckSameEntry(want, read->list.entries[i]);
        }
        CHECK(read->index->keys == all->index->keys);
      }
    }
    // What is passed over is still checksummed: a note's byte changed is refused.
    std::string flipped = bytes;
    const size_t at = flipped.find("as the UN list");
    REQUIRE(at != std::string::npos);
    flipped[at] = 'A';
    REQUIRE(WriteBytes(path, flipped));
    Diagnostics diags;
    CHECK_FALSE(ParseListSnapshot("list.bin", flipped, diags, Integrity::kVerify, EntryText::kForScreening));
    CHECK_FALSE(LoadListSnapshot(path, diags, EntryText::kForScreening));
    CHECK(diags.RenderAll().find("checksum mismatch") != std::string::npos);
    std::remove(path.c_str());
  }

  TEST_CASE("the scans and lookups a snapshot stores are those Prepare makes, used as stored only when trusted") {
    const DesignationList list = SampleList();
    const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries), StoredScans::kYes);
    // Stored only when asked for: a user's snapshot does not carry them.
    CHECK(WriteListSnapshot(list, NameIndex::Build(list.entries)).size() < bytes.size());
    Diagnostics diags;
    const auto stored = ParseListSnapshot("list.bin", bytes, diags, Integrity::kTrusted);  // scans as stored
    const auto made = ParseListSnapshot("list.bin", bytes, diags, Integrity::kVerify);     // scans made again
    REQUIRE_MESSAGE(stored, diags.RenderAll());
    REQUIRE(made);
    const NameIndex& a = *stored->index;
    const NameIndex& b = *made->index;
    CHECK(a.scan_terms.size() > 100);
    CHECK(a.scan_starts == b.scan_starts);
    CHECK(a.scan_terms == b.scan_terms);
    CHECK(a.scan_kinds == b.scan_kinds);
    CHECK(a.scan_letters == b.scan_letters);
    CHECK(a.scan_next == b.scan_next);
    CHECK(a.scan_text == b.scan_text);
    CHECK(a.scan_text_starts == b.scan_text_starts);
    CHECK(a.run_keys == b.run_keys);
    CHECK(a.run_terms == b.run_terms);
    CHECK(a.run_letters == b.run_letters);
    CHECK(a.run_fourth == b.run_fourth);
    CHECK(a.directory.size() > 1);
    CHECK(a.directory == b.directory);
    CHECK(a.directory_shift == b.directory_shift);
    CHECK(a.name_weights == b.name_weights);
    CHECK(a.directory.borrowed());
    CHECK(a.name_weights.borrowed());
    CHECK_FALSE(b.directory.borrowed());
  }

  TEST_CASE("trusted aligned bytes are read in place, any other snapshot is copied, the tables the same") {
    const DesignationList list = SampleList();
    const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries), StoredScans::kYes);
    // A string's heap buffer is aligned as the program's own snapshots are (alignas(8)); one
    // byte further on, it is not.
    REQUIRE(reinterpret_cast<uintptr_t>(bytes.data()) % 8 == 0);
    const std::string shifted = "x" + bytes;
    Diagnostics diags;
    const auto in_place = ParseListSnapshot("list.bin", bytes, diags, Integrity::kTrusted);
    const auto unaligned = ParseListSnapshot("list.bin", std::string_view(shifted).substr(1), diags, Integrity::kTrusted);
    const auto verified = ParseListSnapshot("list.bin", bytes, diags, Integrity::kVerify);
    REQUIRE_MESSAGE(in_place, diags.RenderAll());
    REQUIRE(unaligned);
    REQUIRE(verified);
    const NameIndex& a = *in_place->index;
    CHECK(a.keys.borrowed());
    CHECK(a.names.borrowed());
    CHECK(a.arena.borrowed());
    CHECK(a.scan_letters.borrowed());
    CHECK(reinterpret_cast<const char*>(a.keys.data()) > bytes.data());
    CHECK(reinterpret_cast<const char*>(a.keys.end()) <= bytes.data() + bytes.size());
    for (const NameIndex* b : {unaligned->index.get(), verified->index.get()}) {
      CHECK_FALSE(b->keys.borrowed());
      CHECK_FALSE(b->names.borrowed());
      CHECK(std::string_view(a.arena) == std::string_view(b->arena));
      CHECK(a.names.size() == b->names.size());
      CHECK(a.term_starts == b->term_starts);
      CHECK(a.name_ids == b->name_ids);
      CHECK(a.keys == b->keys);
      CHECK(a.key_terms == b->key_terms);
      CHECK(a.term_weights == b->term_weights);
      CHECK(a.scan_letters == b->scan_letters);
      CHECK(a.run_keys == b->run_keys);
    }
    // A copy of a borrowed index still views the same bytes; a copy of an owned one owns its own.
    const NameIndex copy_a = a;
    CHECK(copy_a.keys.data() == a.keys.data());
    const NameIndex copy_b = *verified->index;
    CHECK(copy_b.keys.data() != verified->index->keys.data());
    CHECK(copy_b.keys == verified->index->keys);
    // The same answers either way.
    Query q;
    q.name = "Jo Chun-ryong";
    const Screener from_place({Screener::Part{in_place->list.entries, in_place->index}});
    const Screener from_copy({Screener::Part{verified->list.entries, verified->index}});
    const auto got = from_place.Screen(q, *Date::Parse("2024-09-26"));
    const auto want = from_copy.Screen(q, *Date::Parse("2024-09-26"));
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].designation->reference == want[i].designation->reference);
      CHECK(got[i].score == want[i].score);
    }
  }

  TEST_CASE("a file is read in blocks: any run of reads and skips gives the bytes and the digest of one read") {
    // Fields smaller than a block, runs across two, and runs longer than a block (read past
    // it), with a block of 7 bytes; then a byte changed far from the start is refused.
    std::string payload;
    for (size_t i = 0; i < 1000; ++i) payload.push_back(static_cast<char>(i * 131 % 251));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(payload.data(), payload.size(), digest, &len, Sha256Digest(), nullptr);
    const TempDir dir;
    auto read_all = [&](const std::string& bytes, bool& digest_ok) {
      std::FILE* f = std::fopen(dir.Write("payload.bin", bytes).c_str(), "rb");
      REQUIRE(f);
      snapshot_bytes::In in(f, {}, 0, bytes.size(), Integrity::kVerify, 7);
      std::string got;
      size_t step = 1;
      for (size_t at = 0; at < bytes.size(); step = step % 23 + 3) {
        const size_t n = std::min(step, bytes.size() - at);
        if (step % 5 == 0) {
          in.Skip(n, "test");
          got.append(bytes, at, n);  // skipped bytes are still hashed; kept here to compare the rest
        } else {
          std::string part(n, '\0');
          in.Read(part.data(), n, "test");
          got += part;
        }
        at += n;
      }
      CHECK(in.left() == 0);
      CHECK_THROWS(in.Read(&step, 1, "test"));  // past the payload: truncated, never a read past it
      digest_ok = true;
      try {
        in.Finish(digest);
      } catch (const snapshot_bytes::Failure&) {
        digest_ok = false;
      }
      std::fclose(f);
      return got;
    };
    bool ok = false;
    CHECK(read_all(payload, ok) == payload);
    CHECK(ok);
    std::string changed = payload;
    changed[900] = static_cast<char>(changed[900] ^ 1);
    read_all(changed, ok);
    CHECK_FALSE(ok);
  }

  TEST_CASE("a padding byte that is not zero is refused") {
    const DesignationList list = SampleList();
    std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries));
    Diagnostics read;
    const auto snap = ParseListSnapshot("list.bin", bytes, read, Integrity::kTrusted);  // read in place
    REQUIRE(snap);
    const NameIndex& x = *snap->index;
    // Each table is its count (8 bytes), zero bytes to a multiple of 8, its items: after a
    // text table of a length not a multiple of 8, the next table's count is followed by padding.
    auto at = [&](const void* p) { return static_cast<size_t>(static_cast<const char*>(p) - bytes.data()); };
    const std::pair<size_t, size_t> tables[] = {{at(x.arena.data()), x.arena.size()},
                                                {at(x.term_text.data()), x.term_text.size()},
                                                {at(x.term_starts.data()), 0}};
    size_t pad = 0;
    for (size_t t = 0; t + 1 < std::size(tables) && pad == 0; ++t) {
      const size_t after_count = tables[t].first + tables[t].second + 8;
      if (tables[t + 1].first > after_count) pad = after_count;
    }
    REQUIRE(pad > 0);  // the sample's arena or terms do not end on a multiple of 8
    CHECK(bytes[pad] == '\0');
    bytes[pad] = 'x';
    Diagnostics diags;
    const std::string_view payload = std::string_view(bytes).substr(snapshot_bytes::kHeaderBytes);
    CHECK_FALSE(ParseListSnapshot(File(SealListSnapshot(payload)), diags));
    CHECK(diags.RenderAll().find("bad padding in") != std::string::npos);
  }

  TEST_CASE("stored scans out of bounds are refused, not searched") {
    const DesignationList list = SampleList();
    NameIndex sound = NameIndex::Build(list.entries);
    sound.Prepare();
    CHECK(NameIndex(sound).PrepareWithStoredScan().empty());
    auto refused = [&](auto&& damage) {
      NameIndex bad = sound;
      damage(bad);
      return !bad.PrepareWithStoredScan().empty();
    };
    CHECK(refused([](NameIndex& x) { x.scan_terms.Edit([&](auto& v) { v.back() = static_cast<uint32_t>(x.term_count()); }); }));
    CHECK(refused([](NameIndex& x) { x.run_terms.Edit([&](auto& v) { v.back() = static_cast<uint32_t>(x.term_count()); }); }));
    CHECK(refused([](NameIndex& x) { x.scan_starts.Edit([](auto& v) { v[5] = v[6] + 1; }); }));
    CHECK(refused([](NameIndex& x) { x.scan_text.Edit([](auto& v) { v.pop_back(); }); }));
    CHECK(refused([](NameIndex& x) { x.scan_text_starts.Edit([](auto& v) { v[7] += 1; }); }));
    CHECK(refused([](NameIndex& x) { x.scan_letters.Edit([](auto& v) { v.pop_back(); }); }));
    CHECK(refused([](NameIndex& x) { x.run_fourth.Edit([](auto& v) { v.pop_back(); }); }));
    CHECK(refused([](NameIndex& x) { x.scan_starts.Edit([](auto& v) { v.pop_back(); }); }));
    // The key directory and the weights: what a lookup indexes by.
    REQUIRE(sound.directory.size() > 3);
    CHECK(refused([](NameIndex& x) { x.directory.Edit([](auto& v) { v.pop_back(); }); }));
    CHECK(refused([](NameIndex& x) { x.directory.Edit([&](auto& v) { v.back() = static_cast<uint32_t>(x.keys.size() + 1); }); }));
    CHECK(refused([](NameIndex& x) { x.directory.Edit([](auto& v) { v[1] = v[2] + 1; }); }));
    CHECK(refused([](NameIndex& x) { x.directory.Edit([](auto& v) { v[0] = 1; }); }));
    CHECK(refused([](NameIndex& x) { x.directory_shift = 39; }));
    CHECK(refused([](NameIndex& x) { x.directory_shift -= 1; }));
    CHECK(refused([](NameIndex& x) { x.name_weights.Edit([](auto& v) { v.pop_back(); }); }));
  }

  TEST_CASE("a stored-tables flag of another value is refused (1: the scans alone, no longer written)") {
    const DesignationList list = SampleList();
    std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries), StoredScans::kYes);
    Diagnostics read;
    const auto snap = ParseListSnapshot("list.bin", bytes, read, Integrity::kTrusted);
    REQUIRE(snap);
    // The flag is the byte after the term weights' table.
    const NameIndex& x = *snap->index;
    const size_t flag = static_cast<size_t>(reinterpret_cast<const char*>(x.term_weights.end()) - bytes.data());
    REQUIRE(bytes[flag] == static_cast<char>(StoredScans::kYes));
    for (const char value : {'\1', '\3'}) {
      bytes[flag] = value;
      Diagnostics diags;
      const std::string_view payload = std::string_view(bytes).substr(snapshot_bytes::kHeaderBytes);
      CHECK_FALSE(ParseListSnapshot(File(SealListSnapshot(payload)), diags));
      CHECK(diags.RenderAll().find("bad scans flag") != std::string::npos);
    }
  }

  TEST_CASE("an empty list's snapshot reads back empty and screens nothing") {
    // Its arrays are all empty: reading them must not hand memcpy a null pointer (UBSan).
    DesignationList empty = SampleList();
    empty.entries.clear();
    Diagnostics diags;
    auto snap = ParseListSnapshot(File(WriteListSnapshot(empty, NameIndex::Build(empty.entries))), diags);
    REQUIRE(snap);
    CHECK(snap->list.entries.empty());
    CHECK(snap->index->names.empty());
    const Screener s({Screener::Part{std::move(snap->list.entries), snap->index}});
    CHECK(s.Screen(Query{"Kim Chol", {}, {}, {}, {}, {}}, *Date::Parse("2025-01-01")).empty());
  }

  TEST_CASE("a corrupt, truncated or foreign file is one clear error, never a short list") {
    const DesignationList list = SampleList();
    const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries));
    std::string flipped = bytes;
    flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x40);
    CHECK(Error(flipped).find("list.bin: error: checksum mismatch") != std::string::npos);
    CHECK(Error(bytes.substr(0, bytes.size() - 10)).find("truncated or extended") != std::string::npos);
    CHECK(Error(bytes.substr(0, 20)).find("truncated header") != std::string::npos);
    std::string version = bytes;
    version[8] = static_cast<char>(kSnapshotVersion + 1);
    CHECK(Error(version).find("format version " + std::to_string(kSnapshotVersion + 1)) != std::string::npos);
    CHECK_FALSE(IsListSnapshot("designations:\n"));
  }

  TEST_CASE("a snapshot's entries are held to what a list file's reader asks, the checksum made again or not") {
    // Written (and sealed) as a rewritten file would be: each entry one a list file could not hold.
    auto refused = [](auto&& spoil) {
      DesignationList list = SampleList();
      spoil(list);
      const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries));
      Diagnostics diags;
      CHECK_FALSE(ParseListSnapshot("list.bin", bytes, diags, Integrity::kVerify));
      return diags.RenderAll();
    };
    CHECK(refused([](DesignationList& l) { l.entries[0].births[0].born.year = 2147483647; })
              .find("a date of birth out of range") != std::string::npos);
    CHECK(refused([](DesignationList& l) { l.entries[0].listed_on = *Date::Parse("2099-01-01"); })
              .find("after the list's snapshot 2024-09-26") != std::string::npos);
    CHECK(refused([](DesignationList& l) { l.entries[1].reference = l.entries[0].reference; })
              .find("is listed twice") != std::string::npos);
    CHECK(refused([](DesignationList& l) { l.entries[0].name += "\x1b[2J"; })
              .find("control character U+001B") != std::string::npos);
    CHECK(refused([](DesignationList& l) { l.entries[0].imo = "12a4567"; }).find("IMO") != std::string::npos);
  }

  TEST_CASE("a hostile count is refused before anything is allocated") {
    const DesignationList list = SampleList();
    std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries));
    // The list name's length (the payload's first field) claims four gigabytes.
    const size_t header = kSnapshotMagic.size() + 4 + 4 + 8 + 32;
    for (size_t i = 0; i < 4; ++i) bytes[header + i] = static_cast<char>(0xFF);
    CHECK(Error(bytes).find("bad count of name") != std::string::npos);
    CHECK_FALSE(ListSnapshotTitle(bytes));
  }

  TEST_CASE("a snapshot's title is its list's name and date, read without the rest") {
    const DesignationList list = SampleList();
    const std::string bytes = WriteListSnapshot(list, NameIndex::Build(list.entries));
    const auto title = ListSnapshotTitle(bytes);
    REQUIRE(title);
    CHECK(title->name == "sample");
    CHECK(title->snapshot == "2024-09-26");
    CHECK_FALSE(ListSnapshotTitle(bytes.substr(0, bytes.size() - 1)));
    CHECK_FALSE(ListSnapshotTitle(bytes.substr(0, 20)));
    CHECK_FALSE(ListSnapshotTitle("designations:\n"));
  }
}

}  // namespace
}  // namespace sancheck::screen
