// Rule-pack loader: pack folders or files (YAML), or built-in packs from their bundle → RuleSet with every condition compiled once.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "common/files.hpp"
#include "common/scalar_position.hpp"
#include "common/yaml_reader.hpp"
#include "rules/cap_reader.hpp"
#include "rules/citations.hpp"
#include "rules/exemptions.hpp"
#include "rules/pack_bundle.hpp"
#include "rules/pack_reading.hpp"
#include "rules/pack_sources.hpp"
#include "rules/rule_set.hpp"

namespace sancheck::rules {
namespace {

namespace fs = std::filesystem;

// One YAML document of a pack file.
struct Doc {
  std::shared_ptr<const SourceFile> file;
  YAML::Node node;
};

// A pack whose files are parsed but not yet compiled: YAML documents, or a built-in pack's
// bundled form (read and checked when the binary was built), which goes through the same
// stages without YAML.
struct ParsedPack {
  PackInfo info;
  std::vector<Doc> docs;  ///< documents that are maps (checked keys)
  std::shared_ptr<const BundledPack> bundled;
  SourcePos pos;
  std::set<std::string> sees;  ///< itself and every pack it extends, transitively
  std::vector<std::shared_ptr<const SourceFile>> designation_files;
  /// A built-in pack's lists, by path: their files join designation_files once the packs are
  /// compiled, the caller having had them since on_parsed to read ahead (LoadOptions).
  std::vector<std::string> builtin_lists;
};

// Loads a run's packs in stages so that every pack's tags are known before
// any set or condition is compiled, and an extended pack is compiled before
// the packs that extend it.
class PackLoader {
 public:
  PackLoader(RuleSet& set, Diagnostics& diags, const LoadOptions& options)
      : set_(set), diags_(diags), options_(options) {}

  void Load(const std::vector<PackSource>& sources) {
    std::vector<ParsedPack> packs;
    for (const auto& src : sources) {
      if (auto p = Parse(src)) packs.push_back(std::move(*p));
    }
    DropReplacedBuiltins(packs);
    if (options_.on_parsed) {
      PackLists lists;
      for (const auto& p : packs) {
        lists.builtin.insert(lists.builtin.end(), p.builtin_lists.begin(), p.builtin_lists.end());
        lists.files.insert(lists.files.end(), p.designation_files.begin(), p.designation_files.end());
      }
      options_.on_parsed(lists);
    }
    const std::vector<size_t> order = ResolveExtends(packs);
    for (size_t i : order) ReadPackTags(packs[i]);
    for (size_t i : order) {
      if (packs[i].bundled) {
        for (const auto& kind : packs[i].bundled->exemption_kinds) AddExemptionKind(kind, set_, diags_);
      }
      for (const auto& d : packs[i].docs) {
        if (const auto& e = d.node["exemptions"]) {
          YamlReader r(d.file, diags_, "rules.");
          ReadExemptionKinds(r, e, packs[i].info.name, set_);
        }
      }
    }
    for (size_t i : order) {
      if (packs[i].bundled) {
        for (const auto& s : packs[i].bundled->sets) AddBundledSet(s, packs[i].info.name);
      }
      for (const auto& d : packs[i].docs) {
        if (const auto& s = d.node["sets"]) {
          YamlReader r(d.file, diags_, "rules.");
          ReadSets(r, s, packs[i].info.name);
        }
      }
    }
    for (size_t i : order) {
      ParsedPack& p = packs[i];
      // A pack's conditions see its own sets and those of the packs it extends.
      std::map<std::string, std::shared_ptr<const expr::ValueSet>, std::less<>> visible;
      for (const auto& [name, set] : set_.sets) {
        if (p.sees.count(set_.set_sources[name].pack)) visible.emplace(name, set);
      }
      if (p.bundled) {
        for (const auto& rule : p.bundled->rules) AddBundledRule(rule, visible);
      }
      for (const auto& d : p.docs) {
        if (const auto& rules = d.node["rules"]) {
          YamlReader r(d.file, diags_, "rules.");
          ReadRules(r, rules, p.info.name, visible);
        }
      }
    }
    CheckOverrides(packs);
    for (auto& p : packs) {
      for (const auto& path : p.builtin_lists) AddBuiltinList(p, path);
      set_.designation_files.insert(set_.designation_files.end(), p.designation_files.begin(),
                                    p.designation_files.end());
      set_.pack_pos.emplace(p.info.name, p.pos);
      set_.packs.push_back(std::move(p.info));
    }
  }

 private:
  RuleSet& set_;
  Diagnostics& diags_;
  const LoadOptions& options_;
  std::map<std::string, std::string> tag_owner_;  ///< pack-defined tag → pack

  std::optional<ParsedPack> Parse(const PackSource& src) {
    if (src.bundled) return FromBundle(src);
    ParsedPack pack;
    pack.info.builtin = src.builtin;
    std::string digest_input;
    bool unread = false;  // a file that did not read as YAML: its own error says why
    for (const auto& file : src.files) {
      pack.info.files.push_back(file->path);
      digest_input += fs::path(file->path).filename().string() + '\0' + file->text + '\0';
      YamlReader r(file, diags_, "rules.");
      auto all = r.LoadAll();
      if (!all) {
        unread = true;
        continue;
      }
      for (auto& n : *all) {
        if (n.IsNull()) continue;
        if (!r.CheckMap(n, "a rule-pack file",
                        {"pack", "version", "title", "description", "extends", "tags", "sets", "rules",
                         "designations", "exemptions"})) {
          continue;
        }
        pack.docs.push_back({file, n});
      }
    }
    pack.info.sha256 = Sha256Hex(digest_input);
    bool header_seen = false;
    for (const auto& d : pack.docs) {
      if (!d.node["pack"]) continue;
      YamlReader r(d.file, diags_, "rules.");
      if (header_seen) {
        r.Error(d.node["pack"], "duplicate_pack", "a pack has one header; 'pack' appears again");
        continue;
      }
      header_seen = true;
      pack.pos = r.Pos(d.node["pack"]);
      ReadHeader(r, d.node, pack.info);
    }
    if (!header_seen) {
      // The header may be in the file that did not read: "no header" would only mislead.
      if (unread) return std::nullopt;
      diags_.Error(SourcePos{src.files.empty() ? nullptr : src.files.front(), 1, 1}, "rules.no_header",
                   "no pack header: one file of a pack (pack.yaml) needs 'pack' and 'version'");
      return std::nullopt;
    }
    for (const auto& d : pack.docs) {
      if (d.node["designations"]) pack.designation_files.push_back(d.file);
    }
    return pack;
  }

  // A built-in pack from the bundle; its designation lists are the snapshots built beside it.
  std::optional<ParsedPack> FromBundle(const PackSource& src) {
    ParsedPack pack;
    pack.bundled = src.bundled;
    pack.info = src.bundled->info;
    pack.pos = src.bundled->pos;
    pack.builtin_lists = src.bundled->designation_files;
    return pack;
  }

  // A built-in list joins the pack's designation files (after them: a bundled pack has no
  // YAML documents of its own).
  void AddBuiltinList(ParsedPack& pack, const std::string& path) {
    if (auto file = BuiltinListSnapshot(path)) {
      pack.designation_files.push_back(file);
      set_.builtin_designation_files.insert(file.get());
    } else {
      diags_.Error(pack.pos, "rules.builtin_corrupt",
                   "the built-in list '" + path + "' is missing from this binary; reinstall sancheck");
    }
  }

  // The built-in packs load beside the user's; a pack folder of the same name
  // (a changed copy of rules/un-dprk) replaces the built-in one instead of clashing with it.
  void DropReplacedBuiltins(std::vector<ParsedPack>& packs) {
    std::set<std::string> own;
    for (const auto& p : packs) {
      if (!p.info.builtin) own.insert(p.info.name);
    }
    std::erase_if(packs, [&](const ParsedPack& p) {
      return p.info.builtin && own.count(p.info.name) > 0;
    });
  }

  // Checks that extended packs are loaded and acyclic; returns the packs in an
  // order where every pack comes after the packs it extends.
  std::vector<size_t> ResolveExtends(std::vector<ParsedPack>& packs) {
    std::map<std::string, size_t> by_name;
    for (size_t i = 0; i < packs.size(); ++i) {
      if (!by_name.emplace(packs[i].info.name, i).second) {
        diags_.Error(packs[i].pos, "rules.duplicate_pack", "pack '" + packs[i].info.name + "' is loaded twice");
      }
    }
    const auto builtin = BuiltinPackNames();
    for (auto& p : packs) {
      for (const auto& base : p.info.extends) {
        if (by_name.count(base)) continue;
        const bool is_builtin = std::find(builtin.begin(), builtin.end(), base) != builtin.end();
        diags_.Error(p.pos, "rules.missing_extends",
                     "pack '" + p.info.name + "' extends '" + base + "', which is not loaded (add --rules " +
                         (is_builtin ? "builtin:" + base : "<folder of " + base + ">") + ")");
      }
    }
    // Depth-first: state 1 = on the current path (a cycle when met again), 2 = done.
    std::vector<int> state(packs.size(), 0);
    std::vector<size_t> order;
    std::function<void(size_t)> visit = [&](size_t i) {
      state[i] = 1;
      packs[i].sees.insert(packs[i].info.name);
      for (const auto& base : packs[i].info.extends) {
        const auto it = by_name.find(base);
        if (it == by_name.end()) continue;
        if (state[it->second] == 1) {
          diags_.Error(packs[i].pos, "rules.extends_cycle",
                       "pack '" + packs[i].info.name + "' extends '" + base + "', which extends it in turn");
          continue;
        }
        if (state[it->second] == 0) visit(it->second);
        packs[i].sees.insert(packs[it->second].sees.begin(), packs[it->second].sees.end());
      }
      state[i] = 2;
      order.push_back(i);
    };
    for (size_t i = 0; i < packs.size(); ++i) {
      if (state[i] == 0) visit(i);
    }
    return order;
  }

  // Related packs (one extends the other) may share a tag; unrelated packs
  // declaring the same tag might mean different things by it, so that is an error.
  void ReadPackTags(const ParsedPack& p) {
    if (p.bundled) {
      for (const auto& d : p.bundled->tags) AddTags(p, d);
    }
    for (const auto& d : p.docs) {
      const YAML::Node& n = d.node["tags"];
      if (!n) continue;
      YamlReader r(d.file, diags_, "rules.");
      auto tags = r.StringList(n, "tags");
      if (!tags) continue;
      TagDeclaration declared{r.Pos(n), {}};
      for (auto& t : *tags) {
        if (!ValidTagName(t)) {
          r.Error(n, "bad_id", "tag '" + t + "' must match [a-z0-9][a-z0-9._-]*");
          continue;
        }
        declared.names.push_back(std::move(t));
      }
      AddTags(p, declared);
    }
  }

  void AddTags(const ParsedPack& p, const TagDeclaration& declared) {
    set_.pack_tags[p.info.name].push_back(declared);
    for (const auto& t : declared.names) {
      if (set_.tags.IsBuiltin(t)) continue;
      const auto owner = tag_owner_.find(t);
      if (owner != tag_owner_.end() && owner->second != p.info.name && !p.sees.count(owner->second)) {
        diags_.Error(declared.pos, "rules.conflicting_tag", "tag '" + t + "' is also defined by pack '" +
                                                                 owner->second +
                                                                 "'; packs share a tag only when one extends the other");
        continue;
      }
      if (owner == tag_owner_.end()) tag_owner_.emplace(t, p.info.name);
      if (set_.tags.Add(t) < 0) {
        diags_.Error(declared.pos, "rules.too_many_tags", "more than " + std::to_string(expr::kMaxTags) + " tags in one run");
      }
    }
  }

  // Rule ids are namespaced, so a pack cannot replace a rule of a pack it
  // extends; reusing the id would read as an override that does not happen.
  void CheckOverrides(const std::vector<ParsedPack>& packs) {
    std::set<std::string> ids;
    for (const auto& r : set_.rules) ids.insert(r.info.id);
    for (const auto& rule : set_.rules) {
      const std::string local = rule.info.id.substr(rule.info.pack.size() + 1);
      for (const auto& p : packs) {
        if (p.info.name != rule.info.pack) continue;
        for (const auto& base : p.sees) {
          if (base == p.info.name || !ids.count(base + "/" + local)) continue;
          diags_.Error(rule.info.pos, "rules.conflicting_rule",
                       "rule '" + local + "' of pack '" + p.info.name + "' has the id of '" + base + "/" +
                           local + "' in the pack it extends; rules cannot be overridden, choose another id");
        }
      }
    }
  }

  void ReadHeader(YamlReader& r, const YAML::Node& n, PackInfo& info) {
    r.Require(n, "the pack header", {"pack", "version"});
    info.name = r.String(n["pack"], "pack").value_or("");
    if (!ValidName(info.name)) r.Error(n["pack"], "bad_id", "pack name " + Describe(n["pack"]) + " must match [a-z0-9][a-z0-9._-]*");
    if (const auto& v = n["version"]) info.version = r.String(v, "version").value_or("");
    if (const auto& v = n["title"]) info.title = r.String(v, "title").value_or("");
    if (const auto& v = n["description"]) r.String(v, "description");
    if (const auto& v = n["extends"]) info.extends = r.StringList(v, "extends").value_or(std::vector<std::string>{});
  }

  void ReadSets(YamlReader& r, const YAML::Node& map, const std::string& pack) {
    if (!map.IsMap()) {
      r.Error(map, "wrong_type", "sets must be a map from set name to set, found " + Describe(map));
      return;
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
      const std::string name = it->first.Scalar();
      const YAML::Node def = it->second;  // a copy: it->second is a temporary
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
      AddSet(std::move(set), r.Pos(it->first), pack);
    }
  }

  // A tag set's values come by name: their bits are this run's.
  void AddBundledSet(const BundledSet& s, const std::string& pack) {
    auto set = std::make_shared<expr::ValueSet>(s.values);
    for (const auto& tag : s.tags) {
      const int bit = set_.tags.Find(tag);
      if (bit < 0) {
        diags_.Error(s.pos, "rules.bad_value", "set '" + set->name + "': unknown tag '" + tag + "'");
        return;
      }
      set->tags.set(static_cast<size_t>(bit));
    }
    AddSet(std::move(set), s.pos, pack);
  }

  void AddSet(std::shared_ptr<expr::ValueSet> set, const SourcePos& pos, const std::string& pack) {
    const std::string& name = set->name;
    if (const auto prev = set_.set_sources.find(name); prev != set_.set_sources.end()) {
      diags_.Error(pos, "rules.duplicate_set",
                   "set '" + name + "' is defined twice" +
                       (prev->second.pack == pack ? std::string(" in pack '" + pack + "'")
                                                  : " (by packs '" + prev->second.pack + "' and '" + pack +
                                                        "'; set names are unique across the loaded packs)"));
      return;
    }
    set_.set_sources.emplace(name, SetSource{pack, pos});
    set_.sets.emplace(name, std::move(set));
  }

  using SetMap = SetsByName;

  void ReadRules(YamlReader& r, const YAML::Node& list, const std::string& pack, const SetMap& sets) {
    if (!list.IsSequence()) {
      r.Error(list, "wrong_type", "rules must be a list, found " + Describe(list));
      return;
    }
    for (const auto& n : list) {
      Rule rule;
      // A rule with any error (an unknown key too) is left out, so that lint
      // in collect-all mode does not judge half-read rules.
      const int errors_before = diags_.error_count();
      if (ReadRule(r, n, pack, sets, rule) && diags_.error_count() == errors_before) {
        set_.rules.push_back(std::move(rule));
      }
    }
  }

  bool ReadRule(YamlReader& r, const YAML::Node& n, const std::string& pack, const SetMap& sets, Rule& rule) {
    RuleInfo& info = rule.info;
    info.pack = pack;
    info.pos = r.Pos(n);
    if (!r.CheckMap(n, "a rule", {"id", "title", "verdict", "citations", "effective", "until",
                                   "applies_to", "when", "message", "exemptions", "no_exemption",
                                   "cap", "notes"})) {
      return false;
    }
    if (!r.Require(n, "a rule", {"id", "title", "verdict", "applies_to", "when", "message"})) {
      return false;
    }
    const auto id = r.String(n["id"], "id");
    if (!id || !ValidName(*id)) {
      r.Error(n["id"], "bad_id", "rule id " + Describe(n["id"]) + " must match [a-z0-9][a-z0-9._-]*");
      return false;
    }
    info.id = pack + "/" + *id;
    info.pos = r.Pos(n["id"]);
    info.title = r.Prose(n["title"], "title").value_or("");
    info.message = r.Prose(n["message"], "message").value_or("");
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
    if (!n["citations"]) {
      r.Error(n["id"], "no_citation", "rule '" + *id + "' has no citations: every rule cites what it encodes");
      ok = false;
    } else {
      ok = ReadCitations(r, n["citations"], info.citations) && ok;
    }
    if (!n["effective"]) {
      r.Error(n["id"], "no_effective", "rule '" + *id + "' has no effective date: when did the measure take effect?");
      ok = false;
    } else if (auto d = r.DateValue(n["effective"], "effective")) {
      info.effective = *d;
    } else {
      ok = false;
    }
    if (const auto& v = n["until"]) {
      info.until = r.DateValue(v, "until");
      if (info.until && n["effective"] && *info.until < info.effective) {
        r.Error(v, "until_before_effective", "until (" + info.until->ToString() + ") is before effective (" +
                                                 info.effective.ToString() + "): the rule is never in force");
        ok = false;
      }
    }
    ok = ReadAppliesTo(r, n["applies_to"], rule) && ok;
    ok = ReadExemptions(r, n, set_, rule) && ok;
    if (const auto& c = n["cap"]) ok = ReadCap(r, c, rule) && ok;
    const YAML::Node& when = n["when"];
    if (auto text = r.String(when, "when")) {
      info.condition = *text;
      expr::CompileEnv env{&set_.tags, &sets};
      expr::CompileError error;
      auto program = expr::Compile(*text, env, error);
      if (!program) {
        ReportCompileError(PosInScalar(r.file(), when, static_cast<size_t>(error.offset)), error, pack);
        return false;
      }
      rule.program = std::move(*program);
      rule.condition_pos = [file = r.file(), when](size_t offset) { return PosInScalar(file, when, offset); };
      // A cap counts an item's quantity, so it needs a condition judged per item: one that
      // reads item.* outside any()/all(). Otherwise there would be no item to count.
      if (rule.cap && !rule.program.item_scoped) {
        r.Error(n["cap"], "cap_needs_item", "rule '" + *id + "' has a cap but its condition is not judged per item: "
                "read item.* outside any()/all() (e.g. item.hs in $set) so each delivery's quantity can be counted");
        ok = false;
      }
    } else {
      ok = false;
    }
    return ok;
  }

  // A built-in rule as the bundle holds it: only what depends on the run is done again (tag
  // bits, exemption kinds' indexes, the condition's sets; the whole condition when the run
  // gives one of its tags another bit than the build did).
  void AddBundledRule(const BundledRule& b, const SetMap& sets) {
    Rule rule;
    rule.info = b.info;
    rule.cap = b.cap;
    for (const ActivityType t : rule.info.applies_to) rule.applies_mask |= 1U << static_cast<unsigned>(t);
    const std::string& pack = rule.info.pack;
    bool ok = true;
    for (const auto& e : rule.info.exemptions) {
      const int index = ExemptionKindIndex(set_, e.kind);
      if (index < 0 || set_.exemption_kinds[static_cast<size_t>(index)].pack != pack) {
        diags_.Error(rule.info.pos, "rules.unknown_exemption", UnknownExemptionMessage(set_, e.kind, pack));
        ok = false;
        continue;
      }
      rule.exemption_mask |= uint64_t{1} << static_cast<unsigned>(index);
    }
    const auto file = rule.info.pos.file;
    rule.condition_pos = [runs = b.condition_runs, file](size_t offset) { return PosInRuns(runs, file, offset); };
    std::optional<expr::Program> program = BindProgram(b.program, sets, set_.tags);
    if (!program) {
      expr::CompileEnv env{&set_.tags, &sets};
      expr::CompileError error;
      program = expr::Compile(rule.info.condition, env, error);
      if (!program) {
        ReportCompileError(rule.condition_pos(static_cast<size_t>(error.offset)), error, pack);
        return;
      }
    }
    rule.program = std::move(*program);
    if (ok) set_.rules.push_back(std::move(rule));
  }

  // An undefined set gets its own code, and a hint when another pack has it.
  void ReportCompileError(const SourcePos& pos, const expr::CompileError& error, const std::string& pack) {
    const std::string prefix = "undefined set '$";
    if (error.message.rfind(prefix, 0) != 0) {
      diags_.Error(pos, "expr.compile", error.message);
      return;
    }
    const std::string name = error.message.substr(prefix.size(), error.message.size() - prefix.size() - 1);
    std::string message = error.message;
    if (const auto it = set_.set_sources.find(name); it != set_.set_sources.end()) {
      message += " in pack '" + pack + "': it belongs to pack '" + it->second.pack +
                 "', which this pack does not extend (add extends: [" + it->second.pack + "])";
    }
    diags_.Error(pos, "rules.undefined_set", message);
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

};

}  // namespace

const Rule* RuleSet::Find(std::string_view id) const {
  // Rules are sorted by id once loaded.
  const auto it = std::lower_bound(rules.begin(), rules.end(), id,
                                   [](const Rule& r, std::string_view v) { return r.info.id < v; });
  return it != rules.end() && it->info.id == id ? &*it : nullptr;
}

std::unique_ptr<RuleSet> LoadRuleSet(const std::vector<std::string>& paths, Diagnostics& diags,
                                     const LoadOptions& options) {
  std::vector<PackSource> sources;
  if (paths.empty()) {
    sources = BuiltinSources(diags);
  } else {
    for (const auto& p : paths) {
      if (auto src = ResolvePackPath(p, options.files, diags)) sources.push_back(std::move(*src));
    }
  }
  if (diags.HasErrors() && !options.keep_going) return nullptr;
  return LoadRuleSetFrom(sources, diags, options);
}

std::unique_ptr<RuleSet> LoadRuleSetFrom(const std::vector<PackSource>& sources, Diagnostics& diags,
                                         const LoadOptions& options) {
  auto set = std::make_unique<RuleSet>();
  PackLoader loader(*set, diags, options);
  loader.Load(sources);
  std::sort(set->rules.begin(), set->rules.end(),
            [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  for (size_t i = 0; i < set->rules.size(); ++i) {
    set->rules[i].index = static_cast<int>(i);
    if (i > 0 && set->rules[i].info.id == set->rules[i - 1].info.id) {
      diags.Error(set->rules[i].info.pos, "rules.duplicate_id",
                  "duplicate rule id '" + set->rules[i].info.id + "' (first at line " +
                      std::to_string(set->rules[i - 1].info.pos.line) + ")");
    }
  }
  if (diags.HasErrors() && !options.keep_going) return nullptr;
  return set;
}

}  // namespace sancheck::rules
