// Writes and reads pack bundles: each pack's header, files, tags, exemption kinds, sets and rules, field by field.
#include "rules/citations.hpp"
#include "rules/pack_bundle.hpp"

#include <algorithm>
#include <stdexcept>

#include "common/sealed_bytes.hpp"

namespace sancheck::rules {
namespace {

constexpr uint32_t kNoFile = UINT32_MAX;

// Positions name their file by its index among the pack's files.
class BundleWriter {
 public:
  explicit BundleWriter(const std::vector<std::shared_ptr<const SourceFile>>& files) : files_(files) {}

  ByteWriter w;

  uint32_t FileIndex(const std::shared_ptr<const SourceFile>& file) const {
    if (!file) return kNoFile;
    for (size_t i = 0; i < files_.size(); ++i) {
      if (files_[i]->path == file->path) return static_cast<uint32_t>(i);
    }
    throw std::logic_error("a position in '" + file->path + "', which is not a file of its pack");
  }
  void Pos(const SourcePos& p) {
    w.Put(FileIndex(p.file));
    w.Put<int32_t>(p.line);
    w.Put<int32_t>(p.column);
  }
  void OptDate(const std::optional<Date>& d) {
    w.Put<uint8_t>(d.has_value());
    w.Put<int32_t>(d ? d->days : 0);
  }
  void Citations(const std::vector<Citation>& cs) {
    w.Put(static_cast<uint32_t>(cs.size()));
    for (const Citation& c : cs) {
      w.Str(c.resolution);
      w.Str(c.paragraph);
      w.Str(c.text);
      w.Str(c.url);
      w.Enum(c.verified);
      w.Put<uint8_t>(c.clarifies);
    }
  }

 private:
  const std::vector<std::shared_ptr<const SourceFile>>& files_;
};

class BundleReader {
 public:
  BundleReader(std::string_view bytes, size_t base) : r(bytes, base) {}

  ByteReader r;
  std::vector<std::shared_ptr<const SourceFile>> files;

  std::shared_ptr<const SourceFile> File() {
    const auto i = r.Get<uint32_t>("file index");
    if (i == kNoFile) return nullptr;
    if (i >= files.size()) r.Fail("bad file index");
    return files[i];
  }
  SourcePos Pos() {
    SourcePos p;
    p.file = File();
    p.line = r.Get<int32_t>("line");
    p.column = r.Get<int32_t>("column");
    return p;
  }
  std::optional<Date> OptDate() {
    const auto has = r.Get<uint8_t>("date");
    const auto days = r.Get<int32_t>("date");
    if (has > 1) r.Fail("bad date");
    return has ? std::optional<Date>(Date{days}) : std::nullopt;
  }
  std::vector<Citation> Citations() {
    std::vector<Citation> cs(r.Count(18, "citations"));
    for (Citation& c : cs) {
      c.resolution = r.Str("citation");
      c.paragraph = r.Str("citation");
      c.text = r.Str("citation");
      c.url = r.Str("citation");
      c.verified = r.Enum(Verification::kUnverified, "verification");
      const auto clarifies = r.Get<uint8_t>("citation");
      if (clarifies > 1) r.Fail("bad citation");
      c.clarifies = clarifies == 1;
      c.adopted = ResolutionAdopted(c.resolution);  // derived, as when read from YAML
    }
    return cs;
  }
};

// A named set: its name, place and tags by name (their bits are the run's), then its values.
void PutSet(BundleWriter& b, const expr::ValueSet& s, const SourcePos& pos, const expr::TagRegistry& tags) {
  b.w.Str(s.name);
  b.Pos(pos);
  std::vector<std::string> tag_names;
  for (size_t i = 0; i < s.tags.size(); ++i) {
    if (s.tags.test(i)) tag_names.push_back(tags.names().at(i));
  }
  b.w.Strs(tag_names);
  PutSetValues(b.w, s);
}

BundledSet GetSet(BundleReader& b) {
  BundledSet s;
  s.values.name = b.r.Str("set name");
  s.pos = b.Pos();
  s.tags = b.r.Strs("tags");
  GetSetValues(b.r, s.values);
  return s;
}

void PutCap(BundleWriter& b, const std::optional<Cap>& cap) {
  ByteWriter& w = b.w;
  w.Put<uint8_t>(cap.has_value());
  if (!cap) return;
  w.Put(cap->limit);
  w.Enum(cap->unit);
  w.Put(static_cast<uint32_t>(cap->factors.size()));
  for (const auto& [unit, factor] : cap->factors) {
    w.Enum(unit);
    w.Put(factor);
  }
  w.Enum(cap->period);
  w.Put<uint32_t>(cap->start_month);
  w.Put<uint32_t>(cap->start_day);
  w.Str(cap->basis);
}

std::optional<Cap> GetCap(ByteReader& r) {
  const auto has = r.Get<uint8_t>("cap");
  if (has > 1) r.Fail("bad cap");
  if (!has) return std::nullopt;
  Cap cap;
  cap.limit = r.Get<double>("cap limit");
  cap.unit = r.Enum(kLastUnit, "cap unit");
  const uint32_t factors = r.Count(9, "cap factors");
  for (uint32_t i = 0; i < factors; ++i) {
    const Unit unit = r.Enum(kLastUnit, "cap unit");
    cap.factors[unit] = r.Get<double>("cap factor");
  }
  cap.period = r.Enum(Cap::Period::kWhole, "cap period");
  cap.start_month = r.Get<uint32_t>("cap start");
  cap.start_day = r.Get<uint32_t>("cap start");
  cap.basis = r.Str("cap basis");
  return cap;
}

// The condition's positions, byte by byte, folded into runs of consecutive columns.
std::vector<PosRun> ConditionRuns(const Rule& rule) {
  std::vector<PosRun> runs;
  if (!rule.condition_pos) return runs;
  for (size_t k = 0; k <= rule.info.condition.size(); ++k) {
    const SourcePos p = rule.condition_pos(k);
    if (!runs.empty()) {
      const PosRun& last = runs.back();
      if (p.line == last.line && p.column == last.column + static_cast<int32_t>(k - last.offset)) continue;
    }
    runs.push_back(PosRun{static_cast<uint32_t>(k), p.line, p.column});
  }
  return runs;
}

void PutRule(BundleWriter& b, const Rule& rule, const expr::TagRegistry& tags) {
  ByteWriter& w = b.w;
  const RuleInfo& i = rule.info;
  w.Str(i.id);
  w.Str(i.title);
  w.Enum(i.verdict);
  b.Citations(i.citations);
  w.Put(i.effective.days);
  b.OptDate(i.until);
  w.Put(static_cast<uint32_t>(i.applies_to.size()));
  for (const ActivityType t : i.applies_to) w.Enum(t);
  w.Str(i.condition);
  w.Str(i.message);
  w.Put(static_cast<uint32_t>(i.exemptions.size()));
  for (const RuleExemption& e : i.exemptions) {
    w.Str(e.kind);
    w.Str(e.text);
  }
  w.Str(i.no_exemption);
  b.Pos(i.pos);
  PutCap(b, rule.cap);
  const std::vector<PosRun> runs = ConditionRuns(rule);
  w.Put(static_cast<uint32_t>(runs.size()));
  for (const PosRun& run : runs) {
    w.Put(run.offset);
    w.Put(run.line);
    w.Put(run.column);
  }
  PutProgram(w, rule.program, tags);
}

BundledRule GetRule(BundleReader& b, const std::string& pack) {
  ByteReader& r = b.r;
  BundledRule rule;
  RuleInfo& i = rule.info;
  i.pack = pack;
  i.id = r.Str("rule id");
  i.title = r.Str("rule title");
  i.verdict = r.Enum(Verdict::kProhibited, "verdict");
  i.citations = b.Citations();
  i.effective = Date{r.Get<int32_t>("effective")};
  i.until = b.OptDate();
  i.applies_to.resize(r.Count(1, "applies_to"));
  for (ActivityType& t : i.applies_to) t = r.Enum(ActivityType::kShipToShip, "activity type");
  i.condition = r.Str("condition");
  i.message = r.Str("message");
  i.exemptions.resize(r.Count(8, "exemptions"));
  for (RuleExemption& e : i.exemptions) {
    e.kind = r.Str("exemption");
    e.text = r.Str("exemption");
  }
  i.no_exemption = r.Str("no_exemption");
  i.pos = b.Pos();
  rule.cap = GetCap(r);
  rule.condition_runs.resize(r.Count(12, "condition positions"));
  for (PosRun& run : rule.condition_runs) {
    run.offset = r.Get<uint32_t>("condition position");
    run.line = r.Get<int32_t>("condition position");
    run.column = r.Get<int32_t>("condition position");
  }
  rule.program = GetProgram(r, i.condition);
  return rule;
}

void PutPack(ByteWriter& out, const RuleSet& set, const PackInfo& info, const PackSource& src) {
  std::vector<std::shared_ptr<const SourceFile>> files = src.files;
  std::vector<std::string> lists;
  for (const auto& f : set.designation_files) {
    if (std::find(info.files.begin(), info.files.end(), f->path) != info.files.end()) lists.push_back(f->path);
  }
  BundleWriter b(files);
  ByteWriter& w = b.w;
  w.Str(info.name);
  w.Str(info.version);
  w.Str(info.title);
  w.Str(info.sha256);
  w.Strs(info.files);
  w.Strs(info.extends);
  w.Put(static_cast<uint32_t>(files.size()));
  for (const auto& f : files) {
    w.Str(f->path);
    const bool list = std::find(lists.begin(), lists.end(), f->path) != lists.end();
    w.Str(list ? std::string_view() : std::string_view(f->text));
  }
  b.Pos(set.pack_pos.at(info.name));
  const auto tags = set.pack_tags.find(info.name);
  const std::vector<TagDeclaration> none;
  const auto& declared = tags == set.pack_tags.end() ? none : tags->second;
  w.Put(static_cast<uint32_t>(declared.size()));
  for (const TagDeclaration& d : declared) {
    b.Pos(d.pos);
    w.Strs(d.names);
  }
  std::vector<const ExemptionKindDef*> kinds;
  for (const auto& k : set.exemption_kinds) {
    if (k.pack == info.name) kinds.push_back(&k);
  }
  w.Put(static_cast<uint32_t>(kinds.size()));
  for (const ExemptionKindDef* k : kinds) {
    w.Str(k->name);
    w.Str(k->title);
    b.Citations(k->citations);
    b.OptDate(k->from);
    b.OptDate(k->until);
    w.Str(k->window);
    w.Str(k->text);
    b.Pos(k->pos);
  }
  std::vector<std::pair<const expr::ValueSet*, const SetSource*>> sets;
  for (const auto& [name, source] : set.set_sources) {
    if (source.pack == info.name) sets.emplace_back(set.sets.at(name).get(), &source);
  }
  w.Put(static_cast<uint32_t>(sets.size()));
  for (const auto& [values, source] : sets) PutSet(b, *values, source->pos, set.tags);
  std::vector<const Rule*> rules;
  for (const Rule& rule : set.rules) {
    if (rule.info.pack == info.name) rules.push_back(&rule);
  }
  w.Put(static_cast<uint32_t>(rules.size()));
  for (const Rule* rule : rules) PutRule(b, *rule, set.tags);
  w.Strs(lists);
  out.Str(w.bytes());
}

BundledPack GetPack(std::string_view bytes, size_t base) {
  BundleReader b(bytes, base);
  ByteReader& r = b.r;
  BundledPack p;
  p.info.builtin = true;
  p.info.name = r.Str("pack name");
  p.info.version = r.Str("pack version");
  p.info.title = r.Str("pack title");
  p.info.sha256 = r.Str("pack sha256");
  p.info.files = r.Strs("pack files");
  p.info.extends = r.Strs("extends");
  b.files.resize(r.Count(8, "files"));
  for (auto& f : b.files) {
    auto file = std::make_shared<SourceFile>();
    file->path = r.Str("file path");
    file->text = r.Str("file text");
    f = std::move(file);
  }
  p.files = b.files;
  if (p.files.empty()) r.Fail("a pack without files");
  p.pos = b.Pos();
  p.tags.resize(r.Count(16, "tag declarations"));
  for (TagDeclaration& d : p.tags) {
    d.pos = b.Pos();
    d.names = r.Strs("tags");
  }
  p.exemption_kinds.resize(r.Count(40, "exemption kinds"));
  for (ExemptionKindDef& k : p.exemption_kinds) {
    k.pack = p.info.name;
    k.name = r.Str("exemption kind");
    k.title = r.Str("exemption kind");
    k.citations = b.Citations();
    k.from = b.OptDate();
    k.until = b.OptDate();
    k.window = r.Str("exemption kind");
    k.text = r.Str("exemption kind");
    k.pos = b.Pos();
  }
  p.sets.resize(r.Count(32, "sets"));
  for (BundledSet& s : p.sets) s = GetSet(b);
  p.rules.resize(r.Count(64, "rules"));
  for (BundledRule& rule : p.rules) rule = GetRule(b, p.info.name);
  p.designation_files = r.Strs("designation files");
  if (r.left() != 0) r.Fail("unexpected bytes after the pack");
  return p;
}

}  // namespace

SourcePos PosInRuns(const std::vector<PosRun>& runs, const std::shared_ptr<const SourceFile>& file, size_t offset) {
  const auto after = std::upper_bound(runs.begin(), runs.end(), offset,
                                      [](size_t o, const PosRun& run) { return o < run.offset; });
  if (after == runs.begin()) return SourcePos{file, 0, 0};
  const PosRun& run = *std::prev(after);
  return SourcePos{file, run.line, run.column + static_cast<int>(offset - run.offset)};
}

std::string WritePackBundle(const RuleSet& set, const std::vector<PackSource>& sources) {
  ByteWriter w;
  w.Put(static_cast<uint32_t>(set.packs.size()));
  for (const PackInfo& info : set.packs) {
    const auto src = std::find_if(sources.begin(), sources.end(), [&](const PackSource& s) {
      return !s.files.empty() && !info.files.empty() && s.files.front()->path == info.files.front();
    });
    if (src == sources.end()) throw std::logic_error("no source files for pack '" + info.name + "'");
    PutPack(w, set, info, *src);
  }
  return Seal(kBundleMagic, kBundleVersion, w.bytes());
}

std::optional<std::vector<BundledPack>> ReadPackBundle(std::string_view bytes, std::string& error,
                                                       Integrity integrity) {
  const auto payload = Unseal(bytes, kBundleMagic, kBundleVersion, error, integrity);
  if (!payload) return std::nullopt;
  try {
    // Errors give offsets in the whole bundle, header included.
    ByteReader r(*payload, kSealHeaderBytes);
    std::vector<BundledPack> packs(r.Count(4, "packs"));
    for (BundledPack& p : packs) {
      const std::string_view pack = r.View("pack");
      p = GetPack(pack, r.offset() - pack.size());
    }
    if (r.left() != 0) r.Fail("unexpected bytes after the packs");
    return packs;
  } catch (const ByteReadError& e) {
    error = "byte " + std::to_string(e.offset) + ": " + e.message;
  }
  return std::nullopt;
}

}  // namespace sancheck::rules
