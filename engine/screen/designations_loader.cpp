// Strict loading of designation lists: yaml-cpp nodes to Designation records with positioned diagnostics.
#include "screen/designations_loader.hpp"

#include <algorithm>
#include <set>

#include "common/yaml_reader.hpp"

namespace sancheck::screen {
namespace {

bool IsDigits(const std::string& s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<BirthDate> ParseBorn(YamlReader& r, const YAML::Node& n) {
  if (!n.IsScalar()) {
    r.Error(n, "wrong_type", "born must be a year or a date (YYYY or YYYY-MM-DD), found " + Describe(n));
    return std::nullopt;
  }
  if (auto born = BirthDate::Parse(n.Scalar())) return born;
  r.Error(n, "bad_date", "bad date of birth " + Describe(n) + " (expected YYYY or YYYY-MM-DD)");
  return std::nullopt;
}

std::optional<Verification> VerificationValue(YamlReader& r, const YAML::Node& n, std::string_view what) {
  auto s = r.String(n, what);
  if (!s) return std::nullopt;
  auto v = ParseVerification(*s);
  if (!v) {
    r.Error(n, "bad_value", std::string(what) + " must be verified, reported, inferred or unverified, found " +
                                Describe(n));
  }
  return v;
}

class EntryReader {
 public:
  explicit EntryReader(YamlReader& r) : r_(r) {}

  std::optional<Designation> Read(const YAML::Node& n) {
    if (!r_.CheckMap(n, "a designation",
                     {"reference", "kind", "name", "aliases", "born", "born_until", "listed_on",
                      "resolution", "title", "note", "imo", "imo_status", "flag", "flag_status",
                      "listing_status", "company_imo"})) {
      return std::nullopt;
    }
    const int errors_before = r_.diags().error_count();
    r_.Require(n, "a designation", {"reference", "kind", "name", "listed_on"});
    Designation d;
    d.pos = r_.Pos(n);
    if (n["reference"]) {
      if (auto s = r_.String(n["reference"], "reference")) {
        if (s->empty()) r_.Error(n["reference"], "bad_value", "reference must not be empty");
        if (!references_.insert(*s).second) {
          r_.Error(n["reference"], "duplicate_reference", "designation '" + *s + "' is listed twice");
        }
        d.reference = *s;
      }
    }
    if (n["kind"]) {
      if (auto s = r_.String(n["kind"], "kind")) {
        if (auto k = ParseDesignationKind(*s)) {
          d.kind = *k;
        } else {
          r_.Error(n["kind"], "bad_value", "kind must be individual, entity or vessel, found " + Describe(n["kind"]));
        }
      }
    }
    if (n["name"]) {
      if (auto s = r_.String(n["name"], "name")) {
        if (s->empty()) r_.Error(n["name"], "bad_value", "name must not be empty");
        d.name = *s;
      }
    }
    if (n["aliases"]) {
      if (auto list = r_.StringList(n["aliases"], "aliases")) d.aliases = *list;
    }
    if (n["listed_on"]) {
      if (auto date = r_.DateValue(n["listed_on"], "listed_on")) d.listed_on = *date;
    }
    for (auto [key, field] : {std::pair{"resolution", &d.resolution}, std::pair{"title", &d.title},
                              std::pair{"note", &d.note}}) {
      if (n[key]) {
        if (auto s = r_.String(n[key], key)) *field = *s;
      }
    }
    ReadKindSpecific(n, d);
    if (r_.diags().error_count() > errors_before) return std::nullopt;
    return d;
  }

 private:
  void OnlyFor(const YAML::Node& n, const char* key, DesignationKind kind, const Designation& d) {
    if (n[key] && d.kind != kind) {
      r_.Error(n[key], "bad_key", std::string("'") + key + "' applies to " +
                                      std::string(DesignationKindName(kind)) + " designations only");
    }
  }

  void ReadKindSpecific(const YAML::Node& n, Designation& d) {
    OnlyFor(n, "born", DesignationKind::kIndividual, d);
    OnlyFor(n, "born_until", DesignationKind::kIndividual, d);
    for (const char* key : {"imo", "imo_status", "flag", "flag_status", "listing_status"}) {
      OnlyFor(n, key, DesignationKind::kVessel, d);
    }
    OnlyFor(n, "company_imo", DesignationKind::kEntity, d);
    if (n["born"]) d.born = ParseBorn(r_, n["born"]);
    if (n["born_until"]) {
      const YAML::Node& u = n["born_until"];
      const auto until = u.IsScalar() && IsDigits(u.Scalar(), 4) ? BirthDate::Parse(u.Scalar()) : std::nullopt;
      if (!until) {
        r_.Error(u, "bad_date", "born_until must be a year (YYYY), found " + Describe(u));
      } else if (!d.born) {
        r_.Error(u, "bad_value", "born_until needs born");
      } else {
        d.born_until = until->year;
        if (d.born_until < d.born->year) r_.Error(u, "bad_value", "born_until is before born");
      }
    }
    for (auto [key, field] : {std::pair{"imo", &d.imo}, std::pair{"company_imo", &d.company_imo}}) {
      if (!n[key]) continue;
      if (auto s = r_.String(n[key], key)) {
        if (!IsDigits(*s, 7)) {
          r_.Error(n[key], "bad_imo", std::string(key) + " must be 7 digits, found " + Describe(n[key]));
        }
        *field = *s;
      }
    }
    if (n["flag"]) d.flag = r_.CountryValue(n["flag"], "flag");
    if (n["imo_status"]) {
      if (auto v = VerificationValue(r_, n["imo_status"], "imo_status")) d.imo_status = *v;
    }
    if (n["flag_status"]) {
      if (auto v = VerificationValue(r_, n["flag_status"], "flag_status")) d.flag_status = *v;
    }
    if (n["listing_status"]) {
      if (auto v = VerificationValue(r_, n["listing_status"], "listing_status")) d.listing_status = *v;
    }
  }

  YamlReader& r_;
  std::set<std::string> references_;
};

}  // namespace

DesignationList LoadDesignationList(std::shared_ptr<const SourceFile> file, Diagnostics& diags) {
  DesignationList out;
  if (!file) return out;
  YamlReader r(file, diags, "designations.");
  try {
    auto docs = r.LoadAll();
    if (!docs) return out;
    EntryReader entries(r);
    bool found = false;
    for (const auto& doc : *docs) {
      if (!doc.IsMap() || !doc["designations"]) continue;
      found = true;
      const YAML::Node& list = doc["designations"];
      if (!r.CheckMap(list, "designations", {"snapshot", "source", "entries"})) continue;
      r.Require(list, "designations", {"snapshot", "entries"});
      if (list["snapshot"]) {
        if (auto d = r.DateValue(list["snapshot"], "snapshot")) out.snapshot = d->ToString();
      }
      if (list["source"]) {
        if (auto s = r.String(list["source"], "source")) out.source = *s;
      }
      if (!list["entries"]) continue;
      if (!list["entries"].IsSequence()) {
        r.Error(list["entries"], "wrong_type", "entries must be a list, found " + Describe(list["entries"]));
        continue;
      }
      for (const auto& e : list["entries"]) {
        if (auto d = entries.Read(e)) out.entries.push_back(std::move(*d));
      }
    }
    if (!found) {
      diags.Error(SourcePos{file, 1, 1}, "designations.missing", "no 'designations:' section in the file");
    }
  } catch (const YAML::Exception& e) {
    r.Error(e.mark, "yaml", "invalid YAML: " + e.msg);
  }
  return out;
}

std::vector<Designation> LoadDesignations(std::shared_ptr<const SourceFile> file, Diagnostics& diags) {
  return LoadDesignationList(std::move(file), diags).entries;
}

}  // namespace sancheck::screen
