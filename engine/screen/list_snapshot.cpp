// Writes and reads binary list snapshots: bounded, checksummed reads that never trust a length.
#include "screen/list_snapshot.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <cstring>
#include <unordered_set>
#include <type_traits>

#include "common/sealed_bytes.hpp"
#include "common/sha256.hpp"
#include "screen/entry_checks.hpp"
#include "screen/snapshot_bytes.hpp"

namespace sancheck::screen {
namespace {

// Fields and arrays are written as the machine holds them (little-endian, asserted with
// ByteWriter).
static_assert(std::is_trivially_copyable_v<IndexedName>);
static_assert(std::is_trivially_copyable_v<LetterRepeats> && sizeof(LetterRepeats) == 24);

using snapshot_bytes::Failure;
using snapshot_bytes::In;
using snapshot_bytes::kDigestBytes;
using snapshot_bytes::kHeaderBytes;
using snapshot_bytes::PutTable;

void PutDate(ByteWriter& o, const std::optional<Date>& d) {
  o.Put<uint8_t>(d.has_value());
  o.Put<int32_t>(d ? d->days : 0);
}

std::optional<Date> GetDate(In& in) {
  const auto has = in.Get<uint8_t>("date");
  const auto days = in.Get<int32_t>("date");
  if (has > 1) in.Fail("bad date");
  if (!has) return std::nullopt;
  return Date{days};
}

template <typename E>
E GetEnum(In& in, uint8_t last, const char* what) {
  const auto v = in.Get<uint8_t>(what);
  if (v > last) in.Fail(std::string("bad ") + what);
  return static_cast<E>(v);
}

void PutEntry(ByteWriter& o, const Designation& d) {
  o.Str(d.reference);
  o.Put<uint8_t>(static_cast<uint8_t>(d.kind));
  o.Str(d.name);
  o.Strs(d.aliases);
  o.Strs(d.original_names);
  o.Put<uint32_t>(static_cast<uint32_t>(d.births.size()));
  for (const BirthSpan& b : d.births) {
    o.Put<int32_t>(b.born.year);
    PutDate(o, b.born.date);
    o.Put<int32_t>(b.until);
  }
  o.Put<int32_t>(d.listed_on.days);
  PutDate(o, d.updated);
  PutDate(o, d.delisted_on);
  o.Str(d.regime);
  o.Strs(d.programs);
  o.Str(d.nationality);
  o.Str(d.resolution);
  o.Str(d.title);
  o.Str(d.note);
  o.Str(d.imo);
  o.Put<uint8_t>(static_cast<uint8_t>(d.imo_status));
  o.Put<uint8_t>(d.flag.has_value());
  o.Put<uint16_t>(d.flag ? d.flag->code : 0);
  o.Put<uint8_t>(static_cast<uint8_t>(d.flag_status));
  o.Put<uint8_t>(static_cast<uint8_t>(d.listing_status));
  o.Str(d.company_imo);
  o.Put<int32_t>(d.pos.line);
  o.Put<int32_t>(d.pos.column);
}

constexpr uint8_t kLastVerification = static_cast<uint8_t>(Verification::kUnverified);

Designation GetEntry(In& in, const std::shared_ptr<const SourceFile>& where, EntryText text) {
  Designation d;
  d.reference = in.Str("reference");
  d.kind = GetEnum<DesignationKind>(in, static_cast<uint8_t>(DesignationKind::kVessel), "kind");
  d.name = in.Str("name");
  d.aliases = in.Strs("aliases");
  d.original_names = in.Strs("original names");
  d.births.resize(in.Count32(13, "births"));
  for (BirthSpan& b : d.births) {
    b.born.year = in.Get<int32_t>("birth");
    b.born.date = GetDate(in);
    b.until = in.Get<int32_t>("birth");
  }
  d.listed_on = Date{in.Get<int32_t>("listing date")};
  d.updated = GetDate(in);
  d.delisted_on = GetDate(in);
  d.regime = in.Str("regime");
  d.programs = in.Strs("programs");
  d.nationality = in.Str("nationality");
  d.resolution = in.Str("resolution");
  if (text == EntryText::kAll) {
    d.title = in.Str("title");
    d.note = in.Str("note");
  } else {
    in.SkipStr("title");
    in.SkipStr("note");
  }
  d.imo = in.Str("imo");
  d.imo_status = GetEnum<Verification>(in, kLastVerification, "imo status");
  const auto has_flag = in.Get<uint8_t>("flag");
  const auto flag = in.Get<uint16_t>("flag");
  if (has_flag > 1 || flag >= Country::kCount) in.Fail("bad flag");
  if (has_flag) d.flag = Country{flag};
  d.flag_status = GetEnum<Verification>(in, kLastVerification, "flag status");
  d.listing_status = GetEnum<Verification>(in, kLastVerification, "listing status");
  d.company_imo = in.Str("company imo");
  d.pos.file = where;
  d.pos.line = in.Get<int32_t>("position");
  d.pos.column = in.Get<int32_t>("position");
  return d;
}

// The payload after the header, the index apart (not yet checked, nor prepared); throws Failure.
ListSnapshot ReadPayload(In& in, const std::shared_ptr<const SourceFile>& where, EntryText text,
                         std::shared_ptr<NameIndex>& index,
                         bool& stored_scans) {
  ListSnapshot out;
  DesignationList& l = out.list;
  l.name = in.Str("name");
  l.snapshot = in.Str("snapshot");
  l.source = in.Str("source");
  l.format = in.Str("format");
  l.regime = in.Str("regime");
  l.sha256 = in.Str("sha256");
  l.inputs.resize(in.Count32(8, "inputs"));
  for (ListInput& i : l.inputs) {
    i.file = in.Str("input");
    i.sha256 = in.Str("input");
  }
  l.entries.resize(in.Count32(64, "entries"));
  for (Designation& d : l.entries) d = GetEntry(in, where, text);
  index = std::make_shared<NameIndex>();
  index->names = in.Table<IndexedName>("names");
  index->arena = in.Table<char>("name arena");
  index->term_text = in.Table<char>("terms");
  index->term_starts = in.Table<uint32_t>("terms");
  index->name_starts = in.Table<uint32_t>("term names");
  index->name_ids = in.Table<uint32_t>("term names");
  index->keys = in.Table<uint64_t>("keys");
  index->key_starts = in.Table<uint32_t>("key terms");
  index->key_terms = in.Table<uint32_t>("key terms");
  index->term_kinds = in.Table<uint8_t>("term kinds");
  index->term_weights = in.Table<uint16_t>("term weights");
  // The scans, directory and weights as Prepare made them when the snapshot was written, when
  // stored (see Read).
  const auto scans = in.Get<uint8_t>("scans");
  if (scans != static_cast<uint8_t>(StoredScans::kNo) && scans != static_cast<uint8_t>(StoredScans::kYes)) {
    in.Fail("bad scans flag");
  }
  stored_scans = scans == static_cast<uint8_t>(StoredScans::kYes);
  if (!stored_scans) {
    if (in.left() != 0) in.Fail("unexpected bytes after the index");
    return out;
  }
  index->scan_starts = in.Table<uint32_t>("scan");
  index->scan_terms = in.Table<uint32_t>("scan");
  index->scan_kinds = in.Table<uint8_t>("scan");
  index->scan_letters = in.Table<uint64_t>("scan");
  index->scan_next = in.Table<uint32_t>("scan");
  index->scan_text = in.Table<char>("scan text");
  index->scan_text_starts = in.Table<uint64_t>("scan text");
  index->run_keys = in.Table<uint32_t>("runs");
  index->run_terms = in.Table<uint32_t>("runs");
  index->run_letters = in.Table<uint64_t>("runs");
  index->run_fourth = in.Table<uint8_t>("runs");
  index->run_repeats = in.Table<LetterRepeats>("runs");
  index->name_weights = in.Table<uint16_t>("name weights");
  index->directory = in.Table<uint32_t>("directory");
  index->directory_shift = in.Get<uint32_t>("directory");
  if (in.left() != 0) in.Fail("unexpected bytes after the index");
  return out;
}

struct Header {
  uint64_t payload = 0;
  unsigned char digest[kDigestBytes];
};

// Checks the header's bytes; the error when it is not a snapshot this version reads.
std::string ParseHeader(const char* h, size_t size, Header& out) {
  if (size < kHeaderBytes) return "truncated header";
  if (std::string_view(h, kSnapshotMagic.size()) != kSnapshotMagic) return "not a list snapshot";
  uint32_t version = 0;
  std::memcpy(&version, h + 8, 4);
  if (version != kSnapshotVersion) {
    return "snapshot format version " + std::to_string(version) + ", this sancheck reads version " +
           std::to_string(kSnapshotVersion) + " (re-create it with 'sancheck lists snapshot')";
  }
  std::memcpy(&out.payload, h + 16, 8);
  std::memcpy(out.digest, h + 24, kDigestBytes);
  return {};
}

std::optional<ListSnapshot> Read(In& in, const Header& h, const std::shared_ptr<const SourceFile>& where,
                                 EntryText text, Diagnostics& diags) {
  try {
    std::shared_ptr<NameIndex> index;
    bool stored_scans = false;
    ListSnapshot s = ReadPayload(in, where, text, index, stored_scans);
    in.Finish(h.digest);
    // The program's own snapshots were read back both ways, index checks included, by the
    // build that embedded them (packgen): a start would only check constants of its own file
    // again (~0.4 ms).
    if (!in.trusted()) {
      if (std::string bad = index->Validate(s.list.entries); !bad.empty()) throw Failure{0, "bad index: " + bad};
      // A snapshot's entries meet what a list file's reader asks of them: a file rewritten with
      // its checksum made again could otherwise hand screening an entry no list holds.
      std::unordered_set<std::string_view> references(s.list.entries.size() * 2);
      const auto snapshot = Date::Parse(s.list.snapshot);
      if (!snapshot) throw Failure{0, "bad snapshot date '" + s.list.snapshot + "'"};
      for (const std::string* text : {&s.list.name, &s.list.source, &s.list.regime}) {
        if (std::string p = ControlProblem(*text); !p.empty()) throw Failure{0, "the list's name, source or regime " + p};
      }
      if (!s.list.format.empty() && !IsListFormat(s.list.format)) {
        throw Failure{0, "bad format '" + s.list.format + "' (" + kListFormats + ")"};
      }
      for (const Designation& d : s.list.entries) {
        if (!references.insert(d.reference).second) throw Failure{0, "entry " + d.reference + " is listed twice"};
        if (const auto problems = EntryProblems(d, snapshot, false); !problems.empty()) throw Failure{0, problems.front()};
      }
    }
    // Only on a sound index: both read every term. The stored tables are used as they are only
    // when the snapshot is the program's own, made by this build; any other snapshot's are
    // made again, so that a file cannot hand the search tables its checks do not cover.
    if (in.trusted() && stored_scans) {
      if (std::string bad = index->PrepareWithStoredScan(); !bad.empty()) throw Failure{0, "bad index: " + bad};
    } else {
      index->Prepare();
    }
    s.index = std::move(index);
    return s;
  } catch (const Failure& f) {
    const std::string at = f.offset > 0 ? "byte " + std::to_string(f.offset) + ": " : "";
    diags.Error(SourcePos{where, 0, 0}, "lists.snapshot", at + f.message);
  } catch (const std::bad_alloc&) {
    diags.Error(SourcePos{where, 0, 0}, "lists.snapshot", "out of memory reading the snapshot");
  }
  return std::nullopt;
}

}  // namespace

bool IsListSnapshot(std::string_view head) { return head.substr(0, kSnapshotMagic.size()) == kSnapshotMagic; }

bool IsListSnapshotFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char head[kSnapshotMagic.size()];
  const size_t got = std::fread(head, 1, sizeof head, f);
  std::fclose(f);
  return IsListSnapshot(std::string_view(head, got));
}

std::string WriteListSnapshot(const DesignationList& list, const NameIndex& index, StoredScans scans) {
  ByteWriter o;
  o.bytes().resize(kHeaderBytes);  // the payload is laid out after it, then sealed
  o.Str(list.name);
  o.Str(list.snapshot);
  o.Str(list.source);
  o.Str(list.format);
  o.Str(list.regime);
  o.Str(list.sha256);
  o.Put<uint32_t>(static_cast<uint32_t>(list.inputs.size()));
  for (const ListInput& i : list.inputs) {
    o.Str(i.file);
    o.Str(i.sha256);
  }
  o.Put<uint32_t>(static_cast<uint32_t>(list.entries.size()));
  for (const Designation& d : list.entries) PutEntry(o, d);
  PutTable(o, index.names.span());
  PutTable(o, index.arena.span());
  PutTable(o, index.term_text.span());
  PutTable(o, index.term_starts.span());
  PutTable(o, index.name_starts.span());
  PutTable(o, index.name_ids.span());
  PutTable(o, index.keys.span());
  PutTable(o, index.key_starts.span());
  PutTable(o, index.key_terms.span());
  PutTable(o, index.term_kinds.span());
  PutTable(o, index.term_weights.span());
  // What Prepare makes on every load of another snapshot (the sorted scans, the directory, the
  // weights): stored for the built-in ones, as Prepare makes them (on a copy: the index may
  // come unprepared, as Build makes it).
  o.Put<uint8_t>(static_cast<uint8_t>(scans));
  if (scans == StoredScans::kNo) return SealListSnapshot(o.bytes().substr(kHeaderBytes));
  NameIndex prepared = index;
  prepared.Prepare();
  PutTable(o, prepared.scan_starts.span());
  PutTable(o, prepared.scan_terms.span());
  PutTable(o, prepared.scan_kinds.span());
  PutTable(o, prepared.scan_letters.span());
  PutTable(o, prepared.scan_next.span());
  PutTable(o, prepared.scan_text.span());
  PutTable(o, prepared.scan_text_starts.span());
  PutTable(o, prepared.run_keys.span());
  PutTable(o, prepared.run_terms.span());
  PutTable(o, prepared.run_letters.span());
  PutTable(o, prepared.run_fourth.span());
  PutTable(o, prepared.run_repeats.span());
  PutTable(o, prepared.name_weights.span());
  PutTable(o, prepared.directory.span());
  o.Put<uint32_t>(prepared.directory_shift);
  return SealListSnapshot(o.bytes().substr(kHeaderBytes));
}

std::string SealListSnapshot(std::string_view payload) {
  std::string b(kHeaderBytes, '\0');
  b += payload;
  const uint64_t size = payload.size();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(payload.data(), payload.size(), digest, &len, Sha256Digest(), nullptr);
  std::memcpy(b.data(), kSnapshotMagic.data(), kSnapshotMagic.size());
  std::memcpy(b.data() + 8, &kSnapshotVersion, 4);
  std::memcpy(b.data() + 16, &size, 8);
  std::memcpy(b.data() + 24, digest, kDigestBytes);
  return b;
}

std::optional<ListSnapshot> LoadListSnapshot(const std::string& path, Diagnostics& diags, EntryText text) {
  // Diagnostics and positions name the file; its bytes are not kept.
  auto where = std::make_shared<const SourceFile>(SourceFile{path, ""});
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    diags.Error(SourcePos{where, 0, 0}, "lists.unreadable", "cannot open the file");
    return std::nullopt;
  }
  std::optional<ListSnapshot> out;
  char head[kHeaderBytes];
  Header h;
  const size_t got = std::fread(head, 1, sizeof head, f);
  std::string bad = ParseHeader(head, got, h);
  long size = -1;
  if (bad.empty() && std::fseek(f, 0, SEEK_END) == 0) size = std::ftell(f);
  if (bad.empty() && (size < 0 || static_cast<uint64_t>(size) - kHeaderBytes != h.payload)) {
    bad = "the file holds " + std::to_string(size) + " bytes, its header announces " +
          std::to_string(h.payload + kHeaderBytes) + " (truncated or extended)";
  }
  if (bad.empty() && std::fseek(f, static_cast<long>(kHeaderBytes), SEEK_SET) != 0) bad = "cannot read the file";
  if (!bad.empty()) {
    diags.Error(SourcePos{where, 0, 0}, "lists.snapshot", bad);
  } else {
    In in(f, {}, kHeaderBytes, h.payload);
    out = Read(in, h, where, text, diags);
  }
  std::fclose(f);
  return out;
}

std::optional<ListSnapshot> ParseListSnapshot(std::shared_ptr<const SourceFile> file, Diagnostics& diags,
                                              Integrity check, EntryText text) {
  return ParseListSnapshot(file->path, file->text, diags, check, text);
}

std::optional<ListSnapshot> ParseListSnapshot(std::string_view path, std::string_view bytes, Diagnostics& diags,
                                              Integrity check, EntryText text) {
  auto where = std::make_shared<const SourceFile>(SourceFile{std::string(path), ""});
  Header h;
  std::string bad = ParseHeader(bytes.data(), bytes.size(), h);
  if (bad.empty() && bytes.size() - kHeaderBytes != h.payload) {
    bad = "the file holds " + std::to_string(bytes.size()) + " bytes, its header announces " +
          std::to_string(h.payload + kHeaderBytes) + " (truncated or extended)";
  }
  if (!bad.empty()) {
    diags.Error(SourcePos{where, 0, 0}, "lists.snapshot", bad);
    return std::nullopt;
  }
  In in(nullptr, bytes, kHeaderBytes, h.payload, check);
  return Read(in, h, where, text, diags);
}

std::optional<ListTitle> ListSnapshotTitle(std::string_view bytes) {
  Header h;
  if (!ParseHeader(bytes.data(), bytes.size(), h).empty() || bytes.size() - kHeaderBytes != h.payload) {
    return std::nullopt;
  }
  try {
    In in(nullptr, bytes, kHeaderBytes, h.payload);
    ListTitle title;
    title.name = in.Str("name");
    title.snapshot = in.Str("snapshot");
    return title;
  } catch (const Failure&) {
    return std::nullopt;
  }
}

}  // namespace sancheck::screen
