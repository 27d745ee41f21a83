// The built-in packs and lists compiled into the binary are the YAML files, field by field; a damaged bundle is refused.
#include <doctest/doctest.h>

#include <filesystem>

#include "../screen/designation_checks.hpp"
#include "program_checks.hpp"
#include "common/files.hpp"
#include "common/sealed_bytes.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/pack_bundle.hpp"
#include "rules/pack_sources.hpp"
#include "screen/designations_loader.hpp"
#include "screen/list_snapshot.hpp"

namespace sancheck::rules {
namespace {

namespace fs = std::filesystem;

// The built-in packs' YAML files as the build compiles them: rules/ (less tests/) and the
// list the build generated, under their paths in the repository.
std::vector<std::shared_ptr<const SourceFile>> BuiltinYamlFiles() {
  std::vector<std::shared_ptr<const SourceFile>> files;
  Diagnostics diags;
  auto add = [&](const fs::path& file, const std::string& path) {
    auto read = ReadSource(file.string(), diags, uint64_t{1} << 30);
    REQUIRE_MESSAGE(read, diags.RenderAll());
    files.push_back(std::make_shared<const SourceFile>(SourceFile{path, read->text}));
  };
  const fs::path root = SANCHECK_SOURCE_DIR;
  for (const auto& e : fs::recursive_directory_iterator(root / "rules")) {
    const std::string rel = fs::relative(e.path(), root).generic_string();
    if (e.is_regular_file() && e.path().extension() == ".yaml" && rel.find("/tests/") == std::string::npos) {
      add(e.path(), rel);
    }
  }
  add(fs::path(SANCHECK_GENERATED_DIR) / "rules/un-lists/un-consolidated.yaml", "rules/un-lists/un-consolidated.yaml");
  return files;
}

std::unique_ptr<RuleSet> YamlBuiltins() {
  auto sources = GroupPackFiles(BuiltinYamlFiles());
  for (auto& s : sources) s.builtin = true;
  Diagnostics diags;
  auto set = LoadRuleSetFrom(sources, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  return set;
}

std::unique_ptr<RuleSet> BinaryBuiltins() {
  Diagnostics diags;
  auto set = LoadRuleSet({}, diags);
  REQUIRE_MESSAGE(!diags.HasErrors(), diags.RenderAll());
  return set;
}

void CheckPos(const SourcePos& a, const SourcePos& b) {
  REQUIRE(a.file != nullptr);
  REQUIRE(b.file != nullptr);
  CHECK(a.file->path == b.file->path);
  CHECK(a.line == b.line);
  CHECK(a.column == b.column);
}

void CheckCitations(const std::vector<Citation>& a, const std::vector<Citation>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].resolution == b[i].resolution);
    CHECK(a[i].paragraph == b[i].paragraph);
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].url == b[i].url);
    CHECK(a[i].verified == b[i].verified);
  }
}

void CheckRule(const Rule& a, const RuleSet& sa, const Rule& b, const RuleSet& sb) {
  const RuleInfo &x = a.info, &y = b.info;
  INFO("rule ", x.id);
  CHECK(x.id == y.id);
  CHECK(x.pack == y.pack);
  CHECK(x.title == y.title);
  CHECK(x.verdict == y.verdict);
  CheckCitations(x.citations, y.citations);
  CHECK(x.effective == y.effective);
  CHECK(x.until == y.until);
  CHECK(x.applies_to == y.applies_to);
  CHECK(x.condition == y.condition);
  CHECK(x.message == y.message);
  REQUIRE(x.exemptions.size() == y.exemptions.size());
  for (size_t i = 0; i < x.exemptions.size(); ++i) {
    CHECK(x.exemptions[i].kind == y.exemptions[i].kind);
    CHECK(x.exemptions[i].text == y.exemptions[i].text);
  }
  CHECK(x.no_exemption == y.no_exemption);
  CheckPos(x.pos, y.pos);
  CHECK(a.applies_mask == b.applies_mask);
  CHECK(a.exemption_mask == b.exemption_mask);
  CHECK(a.index == b.index);
  REQUIRE(a.cap.has_value() == b.cap.has_value());
  if (a.cap) {
    CHECK(a.cap->limit == b.cap->limit);
    CHECK(a.cap->unit == b.cap->unit);
    CHECK(a.cap->factors == b.cap->factors);
    CHECK(a.cap->period == b.cap->period);
    CHECK(a.cap->start_month == b.cap->start_month);
    CHECK(a.cap->start_day == b.cap->start_day);
    CHECK(a.cap->basis == b.cap->basis);
  }
  CheckProgram(a.program, sa, b.program, sb);
  // Lint places a finding inside a condition: every byte (and the end) at the same place.
  REQUIRE(a.condition_pos);
  REQUIRE(b.condition_pos);
  for (size_t k = 0; k <= x.condition.size(); ++k) CheckPos(a.condition_pos(k), b.condition_pos(k));
}

TEST_SUITE("rules.bundle") {
  TEST_CASE("the built-in packs read from the binary are the YAML packs, field by field") {
    const auto yaml = YamlBuiltins();
    const auto binary = BinaryBuiltins();
    REQUIRE(binary->packs.size() == yaml->packs.size());
    for (size_t i = 0; i < yaml->packs.size(); ++i) {
      const PackInfo &x = yaml->packs[i], &y = binary->packs[i];
      CHECK(x.name == y.name);
      CHECK(x.version == y.version);
      CHECK(x.title == y.title);
      CHECK(x.sha256 == y.sha256);
      CHECK(x.files == y.files);
      CHECK(x.extends == y.extends);
      CHECK(y.builtin);
    }
    CHECK(yaml->tags.names() == binary->tags.names());
    REQUIRE(yaml->rules.size() == binary->rules.size());
    for (size_t i = 0; i < yaml->rules.size(); ++i) CheckRule(yaml->rules[i], *yaml, binary->rules[i], *binary);
    REQUIRE(yaml->exemption_kinds.size() == binary->exemption_kinds.size());
    for (size_t i = 0; i < yaml->exemption_kinds.size(); ++i) {
      const ExemptionKindDef &x = yaml->exemption_kinds[i], &y = binary->exemption_kinds[i];
      CHECK(x.name == y.name);
      CHECK(x.pack == y.pack);
      CHECK(x.title == y.title);
      CheckCitations(x.citations, y.citations);
      CHECK(x.from == y.from);
      CHECK(x.until == y.until);
      CHECK(x.window == y.window);
      CHECK(x.text == y.text);
      CheckPos(x.pos, y.pos);
    }
    REQUIRE(yaml->sets.size() == binary->sets.size());
    for (const auto& [name, set] : yaml->sets) {
      REQUIRE(binary->sets.count(name) == 1);
      CheckSet(*set, *yaml, *binary->sets.at(name), *binary);
      CHECK(yaml->set_sources.at(name).pack == binary->set_sources.at(name).pack);
      CheckPos(yaml->set_sources.at(name).pos, binary->set_sources.at(name).pos);
    }
    REQUIRE(yaml->pack_pos.size() == binary->pack_pos.size());
    for (const auto& [pack, pos] : yaml->pack_pos) CheckPos(pos, binary->pack_pos.at(pack));
    REQUIRE(yaml->designation_files.size() == binary->designation_files.size());
    for (size_t i = 0; i < yaml->designation_files.size(); ++i) {
      CHECK(yaml->designation_files[i]->path == binary->designation_files[i]->path);
      CHECK(binary->builtin_designation_files.count(binary->designation_files[i].get()) == 1);
    }
  }

  TEST_CASE("the built-in conditions are bound as the build compiled them, or compiled again when the tags moved") {
    Diagnostics diags;
    const auto builtins = LoadRuleSet({}, diags);
    REQUIRE_MESSAGE(builtins, diags.RenderAll());
    // Alone, the built-in packs number the tags as the build did: no condition is parsed.
    for (const auto& src : BuiltinSources(diags)) {
      for (const BundledRule& rule : src.bundled->rules) CHECK(BindProgram(rule.program, builtins->sets, builtins->tags));
    }
    // A pack loaded first with a tag of its own moves the built-in packs' own tags to other bits:
    // the conditions holding one are compiled again, as the same packs from YAML in the same
    // order; those holding only the scenario format's tags, whose bits are fixed, stay bound.
    const std::string custom =
        "pack: custom\nversion: '1'\ntags: [custom-tag]\nrules:\n"
        "  - {id: r, title: t, verdict: review, effective: 2017-01-01, applies_to: [supply], "
        "citations: [{resolution: '1', paragraph: '1'}], when: 'item.tags in [custom-tag]', message: m}\n";
    auto first = GroupPackFiles({std::make_shared<const SourceFile>(SourceFile{"custom/pack.yaml", custom})});
    REQUIRE(first.size() == 1);
    auto from_binary = first;
    for (auto& src : BuiltinSources(diags)) from_binary.push_back(std::move(src));
    auto from_yaml = first;
    for (auto& src : GroupPackFiles(BuiltinYamlFiles())) {
      src.builtin = true;
      from_yaml.push_back(std::move(src));
    }
    const auto binary = LoadRuleSetFrom(from_binary, diags);
    const auto yaml = LoadRuleSetFrom(from_yaml, diags);
    REQUIRE_MESSAGE((binary && yaml && !diags.HasErrors()), diags.RenderAll());
    CHECK(binary->tags.names() == yaml->tags.names());
    CHECK(binary->tags.names() != builtins->tags.names());
    size_t bound = 0, compiled = 0;
    for (const auto& src : BuiltinSources(diags)) {
      for (const BundledRule& rule : src.bundled->rules) ++(BindProgram(rule.program, binary->sets, binary->tags) ? bound : compiled);
    }
    CHECK(bound > 0);
    CHECK(compiled > 0);
    REQUIRE(binary->rules.size() == yaml->rules.size());
    for (size_t i = 0; i < yaml->rules.size(); ++i) CheckRule(yaml->rules[i], *yaml, binary->rules[i], *binary);
  }

  TEST_CASE("the built-in lists' snapshots are the YAML lists, with the index built from them") {
    const auto yaml = YamlBuiltins();
    REQUIRE(yaml->designation_files.size() == BuiltinListSnapshots().size());
    for (const auto& file : yaml->designation_files) {
      INFO("list ", file->path);
      Diagnostics diags;
      const auto list = screen::LoadDesignationList(file, diags);
      const auto embedded = BuiltinListSnapshot(file->path);
      REQUIRE(embedded);
      CHECK(embedded->path == file->path);
      CHECK(embedded == BuiltinListSnapshot(file->path));  // one file a list: screening knows it by it
      const auto bytes = BuiltinListBytes(file->path);
      REQUIRE(bytes);
      const auto snap = screen::ParseListSnapshot(file->path, *bytes, diags);  // its checksum verified
      REQUIRE_MESSAGE(snap, diags.RenderAll());
      const screen::DesignationList& got = snap->list;
      // The audit identity reports show: name, date, source, format, the list file's SHA-256, counts.
      screen::CheckSameProvenance(list, got);
      CHECK(got.sha256 == list.sha256);
      CHECK(got.sha256 == Sha256Hex(file->text));
      CHECK(got.CountsByRegime() == list.CountsByRegime());
      screen::CheckSameEntries(list.entries, got.entries);
      const auto built = screen::NameIndex::Build(list.entries);
      CHECK(snap->index->names.size() == built.names.size());
      CHECK(snap->index->arena == built.arena);
      CHECK(snap->index->term_text == built.term_text);
      CHECK(snap->index->term_starts == built.term_starts);
      CHECK(snap->index->name_starts == built.name_starts);
      CHECK(snap->index->name_ids == built.name_ids);
      CHECK(snap->index->keys == built.keys);
      CHECK(snap->index->key_starts == built.key_starts);
      CHECK(snap->index->key_terms == built.key_terms);
      CHECK(snap->index->term_kinds == built.term_kinds);
      CHECK(snap->index->term_weights == built.term_weights);
      // Written as the build writes it, with the index's scans stored, and byte for byte the same.
      CHECK(*bytes == screen::WriteListSnapshot(list, built, screen::StoredScans::kYes));
      // The program uses the stored scans as they are (trusted): they are the ones Prepare makes.
      const auto trusted = screen::ParseListSnapshot(file->path, *bytes, diags, Integrity::kTrusted);
      REQUIRE(trusted);
      CHECK(trusted->index->scan_terms == snap->index->scan_terms);
      CHECK(trusted->index->scan_next == snap->index->scan_next);
      CHECK(trusted->index->scan_letters == snap->index->scan_letters);
      CHECK(trusted->index->scan_text == snap->index->scan_text);
      CHECK(trusted->index->scan_text_starts == snap->index->scan_text_starts);
      CHECK(trusted->index->run_keys == snap->index->run_keys);
      CHECK(trusted->index->run_terms == snap->index->run_terms);
      CHECK(trusted->index->run_letters == snap->index->run_letters);
      CHECK(trusted->index->run_fourth == snap->index->run_fourth);
    }
  }

  TEST_CASE("a bundle reads back, a damaged one is refused with the reason, never read") {
    const std::string_view bundle = BuiltinPackBundle();
    std::string error;
    REQUIRE(ReadPackBundle(bundle, error));
    CHECK(error.empty());

    std::string flipped(bundle);
    flipped[flipped.size() / 2] ^= 0x20;
    CHECK_FALSE(ReadPackBundle(flipped, error));
    CHECK(error == "checksum mismatch: the data is corrupt");

    CHECK_FALSE(ReadPackBundle(bundle.substr(0, bundle.size() - 1), error));
    CHECK(error.find("truncated or extended") != std::string::npos);
    CHECK_FALSE(ReadPackBundle(bundle.substr(0, 10), error));
    CHECK(error.find("truncated header") != std::string::npos);

    std::string other(bundle);
    other[8] = static_cast<char>(kBundleVersion + 1);
    CHECK_FALSE(ReadPackBundle(other, error));
    CHECK(error == "format version " + std::to_string(kBundleVersion + 1) + ", this program reads version " +
                       std::to_string(kBundleVersion));
    CHECK_FALSE(ReadPackBundle(BuiltinListSnapshots().front().bytes, error));
    CHECK(error == "bad magic: not the expected kind of data");
  }

  TEST_CASE("a sealed payload that does not hold packs is refused at the byte it goes wrong") {
    std::string error;
    // Sealed (the checksum matches) but short: a count of packs with nothing behind it.
    ByteWriter w;
    w.Put<uint32_t>(3);
    CHECK_FALSE(ReadPackBundle(Seal(kBundleMagic, kBundleVersion, w.bytes()), error));
    CHECK(error == "byte " + std::to_string(kSealHeaderBytes + 4) + ": bad count of packs");
    // A pack whose text ends inside a string.
    ByteWriter p;
    p.Put<uint32_t>(1);
    p.Str(std::string("\x40\0\0\0abc", 7));
    CHECK_FALSE(ReadPackBundle(Seal(kBundleMagic, kBundleVersion, p.bytes()), error));
    CHECK(error == "byte " + std::to_string(kSealHeaderBytes + 12) + ": bad count of pack name");
  }
}

}  // namespace
}  // namespace sancheck::rules
