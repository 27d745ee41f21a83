// Rule-pack loader: pack folders or files (YAML) → RuleSet with every condition compiled once.
#include <algorithm>
#include <filesystem>
#include <set>

#include "common/files.hpp"
#include "common/scalar_position.hpp"
#include "common/yaml_reader.hpp"
#include "rules/builtin_packs.hpp"
#include "rules/citations.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {
namespace {

namespace fs = std::filesystem;

bool ValidName(const std::string& id) {
  if (id.empty() || id.size() > 96) return false;
  auto ok_first = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (!ok_first(id[0])) return false;
  for (char c : id) {
    if (!ok_first(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

struct PackSource {
  std::vector<std::shared_ptr<const SourceFile>> files;  ///< pack.yaml first
  bool builtin = false;
};

// One pack being loaded: its files' YAML documents and the rules found so far.
class PackLoader {
 public:
  PackLoader(RuleSet& set, Diagnostics& diags) : set_(set), diags_(diags) {}

  void Load(const PackSource& src) {
    PackInfo info;
    info.builtin = src.builtin;
    std::string digest_input;
    struct Doc {
      std::shared_ptr<const SourceFile> file;
      YAML::Node node;
    };
    std::vector<Doc> docs;
    for (const auto& file : src.files) {
      info.files.push_back(file->path);
      digest_input += fs::path(file->path).filename().string() + '\0' + file->text + '\0';
      YamlReader r(file, diags_, "rules.");
      auto all = r.LoadAll();
      if (!all) continue;
      for (auto& n : *all) {
        if (!n.IsNull()) docs.push_back({file, n});
      }
    }
    info.sha256 = Sha256Hex(digest_input);
    bool header_seen = false;
    // Pass 1: headers, tags and sets (rules may use sets of any file of the pack).
    for (const auto& d : docs) {
      YamlReader r(d.file, diags_, "rules.");
      if (!r.CheckMap(d.node, "a rule-pack file",
                      {"pack", "version", "title", "description", "extends", "tags", "sets", "rules",
                       "designations"})) {
        continue;
      }
      if (d.node["pack"]) {
        if (header_seen) {
          r.Error(d.node["pack"], "duplicate_pack", "a pack has one header; 'pack' appears again");
        }
        header_seen = true;
        ReadHeader(r, d.node, info);
      }
      if (const auto& t = d.node["tags"]) ReadTags(r, t);
      if (const auto& s = d.node["sets"]) ReadSets(r, s, info.name);
      if (d.node["designations"]) set_.designation_files.push_back(d.file);
    }
    if (!header_seen) {
      diags_.Error(SourcePos{src.files.empty() ? nullptr : src.files.front(), 1, 1}, "rules.no_header",
                   "no pack header: one file of a pack (pack.yaml) needs 'pack' and 'version'");
      return;
    }
    // Pass 2: rules.
    for (const auto& d : docs) {
      if (!d.node.IsMap()) continue;
      if (const auto& rules = d.node["rules"]) {
        YamlReader r(d.file, diags_, "rules.");
        ReadRules(r, rules, info.name);
      }
    }
    for (const auto& p : set_.packs) {
      if (p.name == info.name) {
        diags_.Error(SourcePos{src.files.front(), 1, 1}, "rules.duplicate_pack",
                     "pack '" + info.name + "' is loaded twice");
      }
    }
    set_.packs.push_back(std::move(info));
  }

 private:
  RuleSet& set_;
  Diagnostics& diags_;

  void ReadHeader(YamlReader& r, const YAML::Node& n, PackInfo& info) {
    r.Require(n, "the pack header", {"pack", "version"});
    info.name = r.String(n["pack"], "pack").value_or("");
    if (!ValidName(info.name)) r.Error(n["pack"], "bad_id", "pack name " + Describe(n["pack"]) + " must match [a-z0-9][a-z0-9._-]*");
    if (const auto& v = n["version"]) info.version = r.String(v, "version").value_or("");
    if (const auto& v = n["title"]) info.title = r.String(v, "title").value_or("");
    if (const auto& v = n["description"]) r.String(v, "description");
    if (const auto& v = n["extends"]) info.extends = r.StringList(v, "extends").value_or(std::vector<std::string>{});
  }

  void ReadTags(YamlReader& r, const YAML::Node& n) {
    auto tags = r.StringList(n, "tags");
    if (!tags) return;
    for (const auto& t : *tags) {
      if (!ValidName(t)) {
        r.Error(n, "bad_id", "tag '" + t + "' must match [a-z0-9][a-z0-9._-]*");
      } else if (set_.tags.Add(t) < 0) {
        r.Error(n, "too_many_tags", "more than " + std::to_string(expr::kMaxTags) + " tags in one run");
      }
    }
  }

  void ReadSets(YamlReader& r, const YAML::Node& map, const std::string& pack) {
    if (!map.IsMap()) {
      r.Error(map, "wrong_type", "sets must be a map from set name to set, found " + Describe(map));
      return;
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string name = it->first.Scalar();
      const YAML::Node& def = it->second;
      const std::string what = "set '" + name + "'";
      if (!ValidName(name)) r.Error(it->first, "bad_id", "set name '" + name + "' must match [a-z0-9][a-z0-9._-]*");
      if (!r.CheckMap(def, what, {"type", "description", "basis", "values"})) continue;
      if (!r.Require(def, what, {"type", "values"})) continue;
      auto set = std::make_shared<expr::ValueSet>();
      set->name = name;
      const auto type_text = r.String(def["type"], "type");
      const auto type = type_text ? expr::ParseSetType(*type_text) : std::nullopt;
      if (!type) {
        r.Error(def["type"], "bad_value", "unknown set type " + Describe(def["type"]) +
                                              " (expected hs, country, tag, service, activity-type, "
                                              "party-kind, unit, vehicle, exemption, number or date)");
        continue;
      }
      set->element = *type;
      if (const auto& b = def["basis"]) r.String(b, "basis");
      if (const auto& dsc = def["description"]) r.String(dsc, "description");
      const YAML::Node& values = def["values"];
      if (!values.IsSequence()) {
        r.Error(values, "wrong_type", "values of " + what + " must be a list, found " + Describe(values));
        continue;
      }
      for (const auto& v : values) {
        if (!v.IsScalar()) {
          r.Error(v, "wrong_type", "values of " + what + " must be single values, found " + Describe(v));
          continue;
        }
        std::string error;
        if (!expr::AddSetValue(*set, v.Scalar(), set_.tags, error)) r.Error(v, "bad_value", error);
      }
      set->Normalize();
      if (set_.sets.count(name)) {
        r.Error(it->first, "duplicate_set", "set '" + name + "' is defined twice (sets are shared by all loaded packs; pack '" + pack + "')");
        continue;
      }
      set_.sets.emplace(name, std::move(set));
    }
  }

  void ReadRules(YamlReader& r, const YAML::Node& list, const std::string& pack) {
    if (!list.IsSequence()) {
      r.Error(list, "wrong_type", "rules must be a list, found " + Describe(list));
      return;
    }
    for (const auto& n : list) {
      Rule rule;
      if (ReadRule(r, n, pack, rule)) set_.rules.push_back(std::move(rule));
    }
  }

  bool ReadRule(YamlReader& r, const YAML::Node& n, const std::string& pack, Rule& rule) {
    RuleInfo& info = rule.info;
    info.pack = pack;
    info.pos = r.Pos(n);
    if (!r.CheckMap(n, "a rule", {"id", "title", "verdict", "citations", "effective", "until",
                                   "applies_to", "when", "message", "exemptions", "no_exemption",
                                   "cap", "notes"})) {
      return false;
    }
    if (!r.Require(n, "a rule", {"id", "title", "verdict", "citations", "effective", "applies_to",
                                 "when", "message"})) {
      return false;
    }
    const auto id = r.String(n["id"], "id");
    if (!id || !ValidName(*id)) {
      r.Error(n["id"], "bad_id", "rule id " + Describe(n["id"]) + " must match [a-z0-9][a-z0-9._-]*");
      return false;
    }
    info.id = pack + "/" + *id;
    info.pos = r.Pos(n["id"]);
    info.title = r.String(n["title"], "title").value_or("");
    info.message = r.String(n["message"], "message").value_or("");
    if (const auto& v = n["notes"]) r.String(v, "notes");
    bool ok = true;
    if (auto v = r.String(n["verdict"], "verdict")) {
      if (auto verdict = ParseVerdict(*v)) {
        info.verdict = *verdict;
      } else {
        r.Error(n["verdict"], "bad_value", "unknown verdict " + Describe(n["verdict"]) +
                                               " (expected prohibited, review or permitted)");
        ok = false;
      }
    }
    ok = ReadCitations(r, n["citations"], info) && ok;
    if (auto d = r.DateValue(n["effective"], "effective")) info.effective = *d; else ok = false;
    if (const auto& v = n["until"]) {
      info.until = r.DateValue(v, "until");
      if (info.until && *info.until < info.effective) {
        r.Error(v, "bad_date", "until (" + info.until->ToString() + ") is before effective (" +
                                   info.effective.ToString() + ")");
        ok = false;
      }
    }
    ok = ReadAppliesTo(r, n["applies_to"], rule) && ok;
    ok = ReadExemptions(r, n, rule) && ok;
    if (const auto& c = n["cap"]) ok = ReadCap(r, c, rule) && ok;
    const YAML::Node& when = n["when"];
    if (auto text = r.String(when, "when")) {
      info.condition = *text;
      expr::CompileEnv env{&set_.tags, &set_.sets};
      expr::CompileError error;
      auto program = expr::Compile(*text, env, error);
      if (!program) {
        diags_.Error(PosInScalar(r.file(), when, static_cast<size_t>(error.offset)), "expr.compile",
                     error.message);
        return false;
      }
      rule.program = std::move(*program);
    } else {
      ok = false;
    }
    return ok;
  }

  bool ReadCitations(YamlReader& r, const YAML::Node& list, RuleInfo& info) {
    if (!list.IsSequence() || list.size() == 0) {
      r.Error(list, "no_citation", "citations must be a non-empty list: every rule cites what it encodes");
      return false;
    }
    bool ok = true;
    for (const auto& c : list) {
      if (!r.CheckMap(c, "a citation", {"resolution", "paragraph", "text", "url"}) ||
          !r.Require(c, "a citation", {"resolution", "paragraph"})) {
        ok = false;
        continue;
      }
      Citation cit;
      cit.resolution = r.String(c["resolution"], "resolution").value_or("");
      cit.paragraph = r.String(c["paragraph"], "paragraph").value_or("");
      cit.text = c["text"] ? r.String(c["text"], "text").value_or("")
                           : CitationText(cit.resolution, cit.paragraph);
      cit.url = c["url"] ? r.String(c["url"], "url").value_or("") : ResolutionUrl(cit.resolution);
      info.citations.push_back(std::move(cit));
    }
    return ok;
  }

  bool ReadAppliesTo(YamlReader& r, const YAML::Node& list, Rule& rule) {
    auto names = r.StringList(list, "applies_to");
    if (!names || names->empty()) {
      if (names) r.Error(list, "wrong_type", "applies_to must name at least one activity type");
      return false;
    }
    bool ok = true;
    for (const auto& name : *names) {
      if (auto t = ParseActivityType(name)) {
        rule.info.applies_to.push_back(*t);
        rule.applies_mask |= 1U << static_cast<unsigned>(*t);
      } else {
        r.Error(list, "bad_value", "unknown activity type '" + name + "' in applies_to");
        ok = false;
      }
    }
    return ok;
  }

  bool ReadExemptions(YamlReader& r, const YAML::Node& n, Rule& rule) {
    bool ok = true;
    if (const auto& none = n["no_exemption"]) rule.info.no_exemption = r.String(none, "no_exemption").value_or("");
    const YAML::Node& list = n["exemptions"];
    if (!list) return ok;
    if (!list.IsSequence()) {
      r.Error(list, "wrong_type", "exemptions must be a list of {kind, text}, found " + Describe(list));
      return false;
    }
    for (const auto& e : list) {
      if (!r.CheckMap(e, "an exemption", {"kind", "text"}) || !r.Require(e, "an exemption", {"kind", "text"})) {
        ok = false;
        continue;
      }
      RuleExemption ex;
      const auto kind_text = r.String(e["kind"], "kind");
      const auto kind = kind_text ? ParseExemptionKind(*kind_text) : std::nullopt;
      if (!kind) {
        r.Error(e["kind"], "bad_value", "unknown exemption kind " + Describe(e["kind"]));
        ok = false;
        continue;
      }
      ex.kind = *kind;
      ex.text = r.String(e["text"], "text").value_or("");
      rule.exemption_mask |= 1U << static_cast<unsigned>(*kind);
      rule.info.exemptions.push_back(std::move(ex));
    }
    return ok;
  }

  bool ReadCap(YamlReader& r, const YAML::Node& c, Rule& rule) {
    if (!r.CheckMap(c, "a cap", {"limit", "unit", "period", "factors", "basis"}) ||
        !r.Require(c, "a cap", {"limit", "unit"})) {
      return false;
    }
    Cap cap;
    auto limit = r.Number(c["limit"], "limit");
    auto unit_text = r.String(c["unit"], "unit");
    auto unit = unit_text ? ParseUnit(*unit_text) : std::nullopt;
    if (!limit || !unit) {
      if (unit_text && !unit) r.Error(c["unit"], "bad_value", "unknown unit " + Describe(c["unit"]));
      return false;
    }
    cap.limit = *limit;
    cap.unit = *unit;
    cap.factors[*unit] = 1.0;
    if (const auto& p = c["period"]) {
      const auto text = r.String(p, "period");
      if (text == "calendar-year") {
        cap.period = Cap::Period::kCalendarYear;
      } else if (text == "whole") {
        cap.period = Cap::Period::kWhole;
      } else {
        r.Error(p, "bad_value", "unknown cap period " + Describe(p) + " (expected calendar-year or whole)");
        return false;
      }
    }
    if (const auto& b = c["basis"]) cap.basis = r.String(b, "basis").value_or("");
    if (const auto& f = c["factors"]) {
      if (!f.IsMap()) {
        r.Error(f, "wrong_type", "factors must map a unit to its factor, e.g. {t: 7.33}");
        return false;
      }
      for (auto it = f.begin(); it != f.end(); ++it) {
        const auto u = ParseUnit(it->first.Scalar());
        const auto v = r.Number(it->second, "factor");
        if (!u) {
          r.Error(it->first, "bad_value", "unknown unit '" + it->first.Scalar() + "'");
          return false;
        }
        if (v) cap.factors[*u] = *v;
      }
    }
    rule.cap = cap;
    return true;
  }
};

// The built-in packs: embedded files grouped by their folder under rules/.
std::vector<PackSource> BuiltinSources() {
  std::map<std::string, PackSource> by_pack;
  for (const auto& f : BuiltinRuleFiles()) {
    const fs::path p(f.path);
    auto file = std::make_shared<SourceFile>(SourceFile{std::string(f.path), std::string(f.text)});
    auto& src = by_pack[p.parent_path().string()];
    src.builtin = true;
    if (p.filename() == "pack.yaml") {
      src.files.insert(src.files.begin(), file);
    } else {
      src.files.push_back(file);
    }
  }
  std::vector<PackSource> out;
  for (auto& [dir, src] : by_pack) {
    if (!src.files.empty() && fs::path(src.files.front()->path).filename() == "pack.yaml") {
      out.push_back(std::move(src));
    }
  }
  return out;
}

std::optional<PackSource> SourceFromPath(const std::string& path, Diagnostics& diags) {
  PackSource src;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    const auto files = ExpandYamlPaths({path}, diags);
    for (const auto& f : files) {
      auto file = ReadSource(f, diags);
      if (!file) continue;
      // Tests beside a pack (rule tests, expected verdicts) are not pack files.
      const std::string rel = fs::relative(f, path, ec).generic_string();
      if (rel.rfind("tests/", 0) == 0) continue;
      if (fs::path(f).filename() == "pack.yaml") {
        src.files.insert(src.files.begin(), file);
      } else {
        src.files.push_back(file);
      }
    }
    if (src.files.empty()) {
      diags.Error({}, "rules.empty", "no rule-pack files (*.yaml) in '" + path + "'");
      return std::nullopt;
    }
    return src;
  }
  auto file = ReadSource(path, diags);
  if (!file) return std::nullopt;
  src.files.push_back(file);
  return src;
}

}  // namespace

const Rule* RuleSet::Find(std::string_view id) const {
  // Rules are sorted by id once loaded.
  const auto it = std::lower_bound(rules.begin(), rules.end(), id,
                                   [](const Rule& r, std::string_view v) { return r.info.id < v; });
  return it != rules.end() && it->info.id == id ? &*it : nullptr;
}

std::vector<std::string> BuiltinPackNames() {
  std::vector<std::string> names;
  for (const auto& src : BuiltinSources()) {
    names.push_back(fs::path(src.files.front()->path).parent_path().filename().string());
  }
  return names;
}

std::unique_ptr<RuleSet> LoadRuleSet(const std::vector<std::string>& paths, Diagnostics& diags) {
  auto set = std::make_unique<RuleSet>();
  std::vector<PackSource> sources;
  if (paths.empty()) {
    sources = BuiltinSources();
  } else {
    for (const auto& p : paths) {
      if (auto src = SourceFromPath(p, diags)) sources.push_back(std::move(*src));
    }
  }
  if (diags.HasErrors()) return nullptr;
  PackLoader loader(*set, diags);
  for (const auto& src : sources) loader.Load(src);
  std::sort(set->rules.begin(), set->rules.end(),
            [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  for (size_t i = 0; i < set->rules.size(); ++i) {
    set->rules[i].index = static_cast<int>(i);
    if (i > 0 && set->rules[i].info.id == set->rules[i - 1].info.id) {
      diags.Error(set->rules[i].info.pos, "rules.duplicate_id",
                  "duplicate rule id '" + set->rules[i].info.id + "'");
    }
  }
  if (diags.HasErrors()) return nullptr;
  return set;
}

}  // namespace sancheck::rules
