// Names, citations and exemptions of rule packs: read with positioned errors, shared by the pack loader.
#include "rules/pack_reading.hpp"

#include <algorithm>

#include "rules/citations.hpp"
#include "rules/exemptions.hpp"

namespace sancheck::rules {

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

bool ValidTagName(const std::string& tag) {
  // Lower case only: item tags are compared as written, so `Widgets` beside `widgets` would be
  // a second tag that a rule on `widgets` silently does not match (scenario tags are checked
  // against the declared ones, so they follow).
  return ValidName(tag) && std::none_of(tag.begin(), tag.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool ReadCitations(YamlReader& r, const YAML::Node& list, std::vector<Citation>& out) {
  if (!list.IsSequence() || list.size() == 0) {
    r.Error(list, "no_citation", "citations must be a non-empty list: every rule cites what it encodes");
    return false;
  }
  bool ok = true;
  for (const auto& c : list) {
    if (!r.CheckMap(c, "a citation", {"resolution", "paragraph", "text", "url", "verified", "clarifies"}) ||
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
    cit.adopted = ResolutionAdopted(cit.resolution);
    if (const auto& cl = c["clarifies"]) {
      const auto value = r.Bool(cl, "clarifies");
      if (!value) {
        ok = false;
        continue;
      }
      cit.clarifies = *value;
    }
    if (const auto& v = c["verified"]) {
      const auto level = r.String(v, "verified");
      const auto parsed = level ? ParseVerification(*level) : std::nullopt;
      if (!parsed) {
        if (level) r.Error(v, "bad_value", "unknown verification " + Describe(v) + " (expected text, summary or unverified)");
        ok = false;
        continue;
      }
      cit.verified = *parsed;
    }
    out.push_back(std::move(cit));
  }
  return ok;
}

// A pack's exemption kinds: names unique across the loaded packs, so that a
// scenario's claim names exactly one pack's kind.
void ReadExemptionKinds(YamlReader& r, const YAML::Node& map, const std::string& pack, RuleSet& set) {
  if (!map.IsMap()) {
    r.Error(map, "wrong_type", "exemptions must be a map from kind name to its definition, found " + Describe(map));
    return;
  }
  for (auto it = map.begin(); it != map.end(); ++it) {
    const std::string name = it->first.Scalar();
    const YAML::Node def = it->second;  // a copy: it->second is a temporary
    const std::string what = "exemption kind '" + name + "'";
    if (!ValidName(name)) {
      r.Error(it->first, "bad_id", "exemption kind '" + name + "' must match [a-z0-9][a-z0-9._-]*");
      continue;
    }
    if (!r.CheckMap(def, what, {"title", "citations", "from", "until", "window", "text"}) ||
        !r.Require(def, what, {"title", "citations", "text"})) {
      continue;
    }
    ExemptionKindDef kind;
    kind.name = name;
    kind.pack = pack;
    kind.pos = r.Pos(it->first);
    kind.title = r.Prose(def["title"], "title").value_or("");
    kind.text = r.Prose(def["text"], "text").value_or("");
    if (const auto& w = def["window"]) kind.window = r.String(w, "window").value_or("");
    if (const auto& f = def["from"]) kind.from = r.DateValue(f, "from");
    if (const auto& u = def["until"]) kind.until = r.DateValue(u, "until");
    if (kind.from && kind.until && *kind.until < *kind.from) {
      r.Error(def["until"], "until_before_effective", "until (" + kind.until->ToString() +
                                                          ") is before from (" + kind.from->ToString() + ")");
      continue;
    }
    if (!ReadCitations(r, def["citations"], kind.citations)) continue;
    AddExemptionKind(std::move(kind), set, r.diags());
  }
}

void AddExemptionKind(ExemptionKindDef kind, RuleSet& set, Diagnostics& diags) {
  const auto prev = std::find_if(set.exemption_kinds.begin(), set.exemption_kinds.end(),
                                 [&](const ExemptionKindDef& k) { return k.name == kind.name; });
  if (prev != set.exemption_kinds.end()) {
    diags.Error(kind.pos, "rules.duplicate_exemption",
                "exemption kind '" + kind.name + "' is defined twice" +
                    (prev->pack == kind.pack ? " in pack '" + kind.pack + "'"
                                             : " (by packs '" + prev->pack + "' and '" + kind.pack +
                                                   "'; exemption kinds are unique across the loaded packs)"));
    return;
  }
  if (set.exemption_kinds.size() >= kMaxExemptionKinds) {
    diags.Error(kind.pos, "rules.too_many_exemptions",
                "more than " + std::to_string(kMaxExemptionKinds) + " exemption kinds in one run");
    return;
  }
  set.exemption_kinds.push_back(std::move(kind));
}

bool ReadExemptions(YamlReader& r, const YAML::Node& n, const RuleSet& set, Rule& rule) {
  bool ok = true;
  if (const auto& none = n["no_exemption"]) rule.info.no_exemption = r.Prose(none, "no_exemption").value_or("");
  const YAML::Node& list = n["exemptions"];
  if (!list) return ok;
  if (!list.IsSequence()) {
    r.Error(list, "wrong_type", "exemptions must be a list of {kind, text}, found " + Describe(list));
    return false;
  }
  for (const auto& e : list) {
    if (!r.CheckMap(e, "an exemption", {"kind", "text"}) || !r.Require(e, "an exemption", {"kind"})) {
      ok = false;
      continue;
    }
    const auto kind_text = r.String(e["kind"], "kind");
    if (!kind_text) {
      ok = false;
      continue;
    }
    // A rule accepts only kinds its own pack defines.
    const int index = ExemptionKindIndex(set, *kind_text);
    const ExemptionKindDef* def = index >= 0 ? &set.exemption_kinds[static_cast<size_t>(index)] : nullptr;
    if (!def || def->pack != rule.info.pack) {
      r.Error(e["kind"], "unknown_exemption",
              def ? "exemption kind '" + *kind_text + "' belongs to pack '" + def->pack +
                        "'; a rule lists only kinds its own pack defines (under exemptions: in its header)"
                  : UnknownExemptionMessage(set, *kind_text, rule.info.pack));
      ok = false;
      continue;
    }
    RuleExemption ex;
    ex.kind = *kind_text;
    ex.text = e["text"] ? r.Prose(e["text"], "text").value_or("") : def->text;
    rule.exemption_mask |= uint64_t{1} << static_cast<unsigned>(index);
    rule.info.exemptions.push_back(std::move(ex));
  }
  return ok;
}

}  // namespace sancheck::rules
