// Strict loading of designation lists: yaml-cpp nodes to Designation records with positioned diagnostics.
#include "screen/designations_loader.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <set>

#include "common/files.hpp"
#include "common/imo_number.hpp"

#include "common/yaml_reader.hpp"
#include "screen/entry_checks.hpp"

namespace sancheck::screen {
namespace {

bool IsDigits(const std::string& s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One listed birth: "1960", "1960-04-04", or a range of years "1950/1955".
std::optional<BirthSpan> ParseBirth(YamlReader& r, const YAML::Node& n) {
  const char* expected = "(expected YYYY, YYYY-MM-DD or a range of years YYYY/YYYY)";
  if (!n.IsScalar()) {
    r.Error(n, "wrong_type", std::string("a date of birth must be a year or a date ") + expected + ", found " +
                                 Describe(n));
    return std::nullopt;
  }
  if (auto span = BirthSpan::Parse(n.Scalar())) return span;
  r.Error(n, "bad_date", "bad date of birth " + Describe(n) + " " + expected);
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

  /// Entries without their own `regime:` get the list's.
  void SetDefaultRegime(std::string regime) { default_regime_ = std::move(regime); }

  std::optional<Designation> Read(const YAML::Node& n) {
    if (!r_.CheckMap(n, "a designation",
                     {"reference", "kind", "name", "aliases", "original_names", "born", "born_until",
                      "listed_on", "updated", "delisted_on", "regime", "programs", "nationality", "resolution", "title",
                      "note", "imo", "imo_status", "flag", "flag_status", "listing_status",
                      "company_imo"})) {
      return std::nullopt;
    }
    const int errors_before = r_.diags().error_count();
    r_.Require(n, "a designation", {"reference", "kind", "name", "listed_on"});
    Designation d;
    d.pos = r_.Pos(n);
    if (n["reference"]) {
      if (auto s = r_.String(n["reference"], "reference")) {
        if (s->empty()) r_.Error(n["reference"], "bad_value", "reference must not be empty");
        if (std::string p = ControlProblem(*s); !p.empty()) r_.Error(n["reference"], "bad_value", "reference " + p);
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
        if (s->empty()) {
          r_.Error(n["name"], "bad_value", "name must not be empty");
        } else {
          CheckScreenable(n["name"], *s, "name");
        }
        d.name = *s;
      }
    }
    for (auto [key, field] : {std::pair{"aliases", &d.aliases}, std::pair{"original_names", &d.original_names},
                              std::pair{"programs", &d.programs}}) {
      if (n[key]) {
        if (auto list = r_.StringList(n[key], key)) *field = std::move(*list);
      }
    }
    for (auto [key, field] : {std::pair{"aliases", &d.aliases}, std::pair{"original_names", &d.original_names}}) {
      if (field->size() > kMaxAliases) {
        r_.Error(n[key], "bad_value",
                 std::string(key) + " holds " + std::to_string(field->size()) + " names, more than the " +
                     std::to_string(kMaxAliases) + " an entry may have");
        continue;
      }
      for (size_t i = 0; i < field->size(); ++i) CheckScreenable(n[key][i], (*field)[i], key);
    }
    if (n["listed_on"]) {
      if (auto date = r_.DateValue(n["listed_on"], "listed_on")) d.listed_on = *date;
    }
    if (n["updated"]) d.updated = r_.DateValue(n["updated"], "updated");
    if (n["delisted_on"]) {
      d.delisted_on = r_.DateValue(n["delisted_on"], "delisted_on");
      if (d.delisted_on && *d.delisted_on < d.listed_on) {
        r_.Error(n["delisted_on"], "bad_value", "delisted_on is before listed_on");
      }
    }
    d.regime = default_regime_;
    for (auto [key, field] : {std::pair{"resolution", &d.resolution}, std::pair{"title", &d.title},
                              std::pair{"note", &d.note}, std::pair{"regime", &d.regime},
                              std::pair{"nationality", &d.nationality}}) {
      if (n[key]) {
        if (auto s = r_.String(n[key], key)) *field = *s;
      }
    }
    // Shown in reports beside the match: a control character could forge a line of one.
    for (const char* key : {"regime", "nationality", "resolution", "title"}) {
      if (!n[key]) continue;
      const std::string& text = key == std::string_view("regime") ? d.regime
                                : key == std::string_view("nationality") ? d.nationality
                                : key == std::string_view("resolution") ? d.resolution
                                                                         : d.title;
      if (std::string p = ControlProblem(text); !p.empty()) r_.Error(n[key], "bad_value", std::string(key) + " " + p);
    }
    for (size_t i = 0; i < d.programs.size(); ++i) {
      if (std::string p = ControlProblem(d.programs[i]); !p.empty()) r_.Error(n["programs"][i], "bad_value", "programs " + p);
    }
    ReadKindSpecific(n, d);
    if (r_.diags().error_count() > errors_before) return std::nullopt;
    return d;
  }

 private:
  // A listed name must be one screening can match: no control character (which would forge lines
  // in a report), and some letter or digit once normalised ("!!!", only combining marks or
  // zero-width characters match no one: an entry that could never be found).
  void CheckScreenable(const YAML::Node& n, const std::string& text, const char* what) {
    if (std::string p = NameProblem(text); !p.empty()) {
      r_.Error(n, "bad_value", std::string(what) + (p.starts_with("holds") ? " " : " " + Describe(n) + " ") + p);
    }
  }

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
    if (n["born"]) ReadBirths(n["born"], d);
    if (n["born_until"]) {
      const YAML::Node& u = n["born_until"];
      const auto until = u.IsScalar() && IsDigits(u.Scalar(), 4) ? BirthDate::Parse(u.Scalar()) : std::nullopt;
      if (!until) {
        r_.Error(u, "bad_date", "born_until must be a year (YYYY), found " + Describe(u));
      } else if (d.births.size() != 1 || d.births[0].until != 0) {
        r_.Error(u, "bad_value", "born_until needs one date of birth in born (for several, write ranges YYYY/YYYY)");
      } else {
        d.births[0].until = until->year;
        if (until->year < d.births[0].From()) r_.Error(u, "bad_value", "born_until is before born");
      }
    }
    for (auto [key, field] : {std::pair{"imo", &d.imo}, std::pair{"company_imo", &d.company_imo}}) {
      if (!n[key]) continue;
      if (auto s = r_.String(n[key], key)) {
        if (!IsDigits(*s, 7)) {
          r_.Error(n[key], "bad_imo", std::string(key) + " must be 7 digits, found " + Describe(n[key]));
        } else if (field == &d.imo && !IsImoNumber(*s)) {
          // Kept as listed (a party quoting the list's number still matches it); the list is
          // more likely wrong than the vessel, and whoever maintains it should know.
          r_.Warning(n[key], "imo_check_digit",
                     "imo " + *s + " fails the IMO check digit: kept as listed (a digit mistyped in the list?)");
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

  // `born:` is one date of birth or a list of them.
  void ReadBirths(const YAML::Node& n, Designation& d) {
    if (!n.IsSequence()) {
      if (auto b = ParseBirth(r_, n)) d.births.push_back(*b);
      return;
    }
    for (const auto& item : n) {
      if (auto b = ParseBirth(r_, item)) d.births.push_back(*b);
    }
  }

  YamlReader& r_;
  std::set<std::string> references_;
  std::string default_regime_;
};

// "lists/un-2026.yaml" -> "un-2026": the name of a list that does not give one.
std::string ListNameOf(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find('.');
  return std::string(dot == std::string_view::npos ? base : base.substr(0, dot));
}

void ReadInputs(YamlReader& r, const YAML::Node& n, DesignationList& out) {
  if (!n.IsSequence()) {
    r.Error(n, "wrong_type", "inputs must be a list of {file, sha256}, found " + Describe(n));
    return;
  }
  for (const auto& item : n) {
    if (!r.CheckMap(item, "an input", {"file", "sha256"}) || !r.Require(item, "an input", {"file", "sha256"})) continue;
    ListInput in;
    if (auto f = r.String(item["file"], "file")) in.file = *f;
    if (auto h = r.String(item["sha256"], "sha256")) {
      const bool hex = h->size() == 64 && std::all_of(h->begin(), h->end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                       });
      if (!hex) r.Error(item["sha256"], "bad_value", "sha256 must be 64 lower-case hex digits");
      in.sha256 = *h;
    }
    out.inputs.push_back(std::move(in));
  }
}

// A number of entries: plain decimal digits only. A fraction, an exponent, a sign or hex is
// not a count the importer wrote (3.4 must not pass as 3), and no list holds a billion entries.
std::optional<size_t> CountOf(YamlReader& r, const YAML::Node& n) {
  constexpr size_t kMaxDigits = 9;
  const bool digits = n.IsScalar() && !n.Scalar().empty() && n.Scalar().size() <= kMaxDigits &&
                      std::all_of(n.Scalar().begin(), n.Scalar().end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    r.Error(n, "wrong_type", "a count must be a whole number of entries (digits only), found " + Describe(n));
    return std::nullopt;
  }
  return static_cast<size_t>(std::stoul(n.Scalar()));
}

// `counts:` records what the importer wrote; a file edited since (an entry lost or added by
// hand) no longer matches, and screening against a silently shortened list must not happen.
void CheckCounts(YamlReader& r, const YAML::Node& n, const DesignationList& list) {
  if (!n.IsMap()) {
    r.Error(n, "wrong_type", "counts must map each regime to its number of entries, found " + Describe(n));
    return;
  }
  const auto actual = list.CountsByRegime();
  auto count_of = [&](const std::string& regime) -> size_t {
    for (const auto& [name, count] : actual) {
      if (name == regime) return count;
    }
    return 0;
  };
  size_t stated_total = 0;
  bool all_read = true;
  for (const auto& kv : n) {
    const std::string regime = kv.first.Scalar();
    const auto stated = CountOf(r, kv.second);
    if (!stated) {
      all_read = false;
      continue;
    }
    stated_total += *stated;
    if (*stated != count_of(regime)) {
      r.Error(kv.second, "count_mismatch",
              "counts says " + std::to_string(*stated) + " entries of regime '" + regime + "', the file has " +
                  std::to_string(count_of(regime)));
    }
  }
  // A count that could not be read is reported as such, not as a total that does not add up.
  if (all_read && stated_total != list.entries.size()) {
    r.Error(n, "count_mismatch",
            "counts add up to " + std::to_string(stated_total) + " entries, the file has " +
                std::to_string(list.entries.size()));
  }
}

}  // namespace

std::vector<std::pair<std::string, size_t>> DesignationList::CountsByRegime() const {
  std::map<std::string, size_t> counts;
  for (const Designation& d : entries) ++counts[d.regime];
  return {counts.begin(), counts.end()};
}

bool IsListFormat(std::string_view format) { return format == "un-xml" || format == "ofac-csv" || format == "csv"; }

DesignationList LoadDesignationList(std::shared_ptr<const SourceFile> file, Diagnostics& diags, ListFileRole role) {
  DesignationList out;
  if (!file) return out;
  out.sha256 = Sha256Hex(file->text);
  out.name = ListNameOf(file->path);
  YamlReader r(file, diags, "designations.");
  try {
    auto docs = r.LoadAll();
    if (!docs) return out;
    EntryReader entries(r);
    bool found = false;
    for (const auto& doc : *docs) {
      if (doc.IsNull()) continue;  // an empty document: a file of comments, a trailing '---'
      if (role == ListFileRole::kPackFile) {
        if (!doc.IsMap() || !doc["designations"]) continue;  // the pack's header or rules
      } else {
        // A key beside `designations:` (a misplaced `entries:`, say) would be ignored.
        if (!r.CheckMap(doc, "a designation list file", {"designations"})) continue;
        if (!doc["designations"]) {
          r.Error(doc, "missing", "a designation list file holds 'designations:' at its top level");
          found = true;
          continue;
        }
      }
      // A second list would mix its entries with the first's under the first's provenance.
      if (found) {
        r.Error(doc, "second_list",
                "a second 'designations:' document: a list file holds one list (write another file)");
        continue;
      }
      found = true;
      const YAML::Node& list = doc["designations"];
      if (!r.CheckMap(list, "designations",
                      {"name", "snapshot", "source", "format", "regime", "inputs", "counts", "entries"})) {
        continue;
      }
      r.Require(list, "designations", {"snapshot", "entries"});
      if (list["snapshot"]) {
        if (auto d = r.DateValue(list["snapshot"], "snapshot")) out.snapshot = d->ToString();
      }
      for (auto [key, field] : {std::pair{"name", &out.name}, std::pair{"source", &out.source},
                                std::pair{"format", &out.format}, std::pair{"regime", &out.regime}}) {
        if (list[key]) {
          if (auto s = r.String(list[key], key)) *field = *s;
          // Named in every report's audit block and beside every match.
          if (std::string p = ControlProblem(*field); !p.empty()) r.Error(list[key], "bad_value", std::string(key) + " " + p);
        }
      }
      if (list["format"] && !IsListFormat(out.format)) {
        r.Error(list["format"], "bad_value", "format must be " + std::string(kListFormats) + ", found " +
                                                 Describe(list["format"]) + " (it decides whose listing an entry is)");
      }
      entries.SetDefaultRegime(out.regime);
      if (list["inputs"]) ReadInputs(r, list["inputs"], out);
      if (!list["entries"]) continue;
      if (!list["entries"].IsSequence()) {
        r.Error(list["entries"], "wrong_type", "entries must be a list, found " + Describe(list["entries"]));
        continue;
      }
      // An entry listed after the list's own date cannot be in it: a mistyped year that, left,
      // would keep the entry from matching any activity before that year.
      const auto snapshot = Date::Parse(out.snapshot);
      for (const auto& e : list["entries"]) {
        if (auto d = entries.Read(e)) {
          if (snapshot && d->listed_on > *snapshot) {
            r.Error(e["listed_on"], "bad_date",
                    "listed_on " + d->listed_on.ToString() + " is after the list's snapshot " + out.snapshot);
            continue;
          }
          out.entries.push_back(std::move(*d));
        }
      }
      if (list["counts"]) CheckCounts(r, list["counts"], out);
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
