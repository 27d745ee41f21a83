// OFAC legacy CSV rows to designations: the join on ent_num and the mapping of each column.
#include "lists/ofac_csv.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "common/files.hpp"
#include "lists/country_names.hpp"
#include "lists/csv_table.hpp"
#include "lists/import_text.hpp"
#include "lists/ofac_comments.hpp"
#include "lists/ofac_fields.hpp"
#include "lists/ofac_remarks.hpp"
#include "screen/entry_checks.hpp"

namespace sancheck::lists {
namespace {

using screen::Designation;
using screen::DesignationKind;
using screen::Verification;

constexpr size_t kNoteBytes = 300;

enum Sdn { kEntNum, kName, kType, kProgram, kTitle, kCallSign, kVessType, kTonnage, kGrt, kFlag, kOwner, kRemarks };

// OFAC writes "-0-" (often with a trailing space) for an empty field. A line break or a run of
// spaces inside a field is one space, as in a name printed on one line.
std::string Value(const CsvField& f) {
  std::string v = FoldSpaces(f.text);
  return IsOfacNull(v) ? std::string() : v;
}

class Importer {
 public:
  Importer(Diagnostics& diags, Date snapshot, const char* regime) : diags_(diags), snapshot_(snapshot), regime_(regime) {}

  std::optional<std::vector<CsvRow>> Table(const std::shared_ptr<const SourceFile>& file, size_t columns) {
    auto rows = ReadCsvTable(file, diags_, "lists.ofac.");
    if (!rows) return std::nullopt;
    for (const auto& row : *rows) {
      if (row.fields.size() != columns) {
        diags_.Error(SourcePos{file, row.line, 1}, "lists.ofac.bad_csv",
                     "expected " + std::to_string(columns) + " fields, found " + std::to_string(row.fields.size()));
        return std::nullopt;
      }
    }
    return rows;
  }

  void ReadSdn(const std::shared_ptr<const SourceFile>& file, const std::vector<CsvRow>& rows,
               screen::DesignationList& list) {
    for (const auto& row : rows) {
      const auto& f = row.fields;
      const std::string num = Value(f[kEntNum]);
      if (!IsEntNum(num)) {
        Error(file, f[kEntNum], "bad_value", "ent_num must be a number, found '" + f[kEntNum].text + "'");
        continue;
      }
      if (!index_.emplace(num, list.entries.size()).second) {
        Error(file, f[kEntNum], "duplicate_reference", "ent_num " + num + " is listed twice");
        continue;
      }
      Designation d;
      d.reference = "OFAC-" + num;
      d.pos = SourcePos{file, row.line, 1};
      d.name = Value(f[kName]);
      if (d.name.empty()) Error(file, f[kName], "missing", "entry " + num + " has no SDN_Name");
      const std::string type = Value(f[kType]);
      if (type == "individual") {
        d.kind = DesignationKind::kIndividual;
      } else if (type == "vessel") {
        d.kind = DesignationKind::kVessel;
      } else if (type.empty() || type == "aircraft") {
        d.kind = DesignationKind::kEntity;
      } else {
        Error(file, f[kType], "bad_value", "SDN_Type must be individual, vessel, aircraft or -0-, found '" + type + "'");
      }
      ReadPrograms(file, f[kProgram], d);
      d.title = Value(f[kTitle]);
      d.regime = regime_;
      // The legacy CSV gives no listing date. Dating entries by the snapshot would hide them from
      // any activity before it (an --as-of run), a silent `permitted`; so they count as listed
      // on every date, and the reviewer reads the date from OFAC.
      d.listed_on = kListedAlways;
      ReadRemarks(file, f, num, d);
      list.entries.push_back(std::move(d));
    }
  }

  void ReadAliases(const std::shared_ptr<const SourceFile>& file, const std::vector<CsvRow>& rows,
                   screen::DesignationList& list) {
    for (const auto& row : rows) {
      Designation* d = Owner(file, row, list);
      if (!d) continue;
      const std::string type = Value(row.fields[2]);
      if (type != "aka" && type != "fka" && type != "nka") {
        Error(file, row.fields[2], "bad_value", "alt_type must be aka, fka or nka, found '" + type + "'");
        continue;
      }
      const std::string name = Value(row.fields[3]);
      if (name.empty()) {
        Error(file, row.fields[3], "missing", "alternate name " + Value(row.fields[1]) + " has no alt_name");
        continue;
      }
      AddAlias(*d, name);
    }
  }

  // An entry's aliases each once: a hash set of (reference, name), since an entry may have
  // thousands and a linear search each made a large file take minutes.
  void AddAlias(Designation& d, const std::string& name) {
    if (name.empty() || name == d.name) return;
    if (alias_keys_.insert(d.reference + '\n' + name).second) d.aliases.push_back(name);
  }

  // Addresses are not screened, but each row must belong to a listed entry: a file from
  // another snapshot is refused rather than half-joined.
  void CheckAddresses(const std::shared_ptr<const SourceFile>& file, const std::vector<CsvRow>& rows,
                      screen::DesignationList& list) {
    for (const auto& row : rows) Owner(file, row, list);
  }

  // sdn_comments.csv's rows by entity number, their texts joined in file order; each row must
  // belong to an entry of the SDN file (checked by CheckComments once it is read).
  void ReadComments(const std::vector<OfacComment>& rows) {
    comments_given_ = true;
    for (const auto& row : rows) {
      Continuation& c = continued_.try_emplace(row.ent_num, Continuation{row.line, {}}).first->second;
      c.text += row.text;
    }
  }
  void CheckComments(const std::shared_ptr<const SourceFile>& file) {
    for (const auto& [num, continuation] : continued_) {
      if (index_.count(num) == 0) {
        diags_.Error(SourcePos{file, continuation.line, 1}, "lists.ofac.unknown_reference",
                     "ent_num '" + num + "' is not in the SDN file");
      }
    }
  }

 private:
  void Error(const std::shared_ptr<const SourceFile>& file, const CsvField& f, const std::string& code,
             std::string message) {
    diags_.Error(PosOf(file, f), "lists.ofac." + code, std::move(message));
  }

  Designation* Owner(const std::shared_ptr<const SourceFile>& file, const CsvRow& row, screen::DesignationList& list) {
    const std::string num = Value(row.fields[0]);
    const auto it = index_.find(num);
    if (it == index_.end()) {
      Error(file, row.fields[0], "unknown_reference", "ent_num '" + row.fields[0].text + "' is not in the SDN file");
      return nullptr;
    }
    return &list.entries[it->second];
  }

  // "SDGT] [SYRIA": the legacy layout joins several programmes with "] [".
  void ReadPrograms(const std::shared_ptr<const SourceFile>& file, const CsvField& f, Designation& d) {
    const std::string text = Value(f);
    size_t from = 0;
    while (from <= text.size()) {
      size_t sep = text.find("] [", from);
      if (sep == std::string::npos) sep = text.size();
      AddUnique(d.programs, std::string(Trimmed(std::string_view(text).substr(from, sep - from))));
      from = sep + 3;
    }
    if (d.programs.empty()) Error(file, f, "missing", "entry " + d.reference + " has no Program");
  }

  void ReadRemarks(const std::shared_ptr<const SourceFile>& file, const std::vector<CsvField>& f, const std::string& num,
                   Designation& d) {
    // OFAC cuts Remarks at 1,000 characters, mid-word as often as not, and goes on in
    // sdn_comments.csv from the very next byte: the two are one text. Without that file what the
    // cut leaves out (weak aliases, dates of birth) is said, not lost without a word.
    // Joined as written, before spaces are folded: a cut just after a space must keep it.
    const auto continued = continued_.find(num);
    std::string text = Value(f[kRemarks]).empty() ? std::string() : f[kRemarks].text;  // "-0-": none
    if (continued != continued_.end()) text += continued->second.text;
    const std::string remarks = FoldSpaces(text);
    if (continued != continued_.end() && f[kRemarks].text.size() < kRemarksLimit) {
      // OFAC continues only Remarks it cut: a row for another entry is read all the same, and said.
      diags_.Warning(PosOf(file, f[kRemarks]), "lists.ofac.comments_uncut",
                     "entry " + d.reference + ": sdn_comments.csv continues Remarks of " +
                         std::to_string(f[kRemarks].text.size()) + " characters, under OFAC's " +
                         std::to_string(kRemarksLimit) + "-character cut; read joined");
    }
    if (f[kRemarks].text.size() >= kRemarksLimit && continued == continued_.end()) {
      diags_.Warning(PosOf(file, f[kRemarks]), "lists.ofac.remarks_cut",
                     "entry " + d.reference + ": Remarks reach OFAC's " + std::to_string(kRemarksLimit) +
                         "-character limit; their continuation (in OFAC's sdn_comments.csv, " +
                         (comments_given_ ? "which has no row for it" : "not given") + ") is left out");
    }
    const OfacRemarks r = ReadOfacRemarks(remarks);
    if (d.kind == DesignationKind::kIndividual) {
      // A birth after the date the files were taken is a slip in them: left out, and said (kept,
      // the person's true year would read as a conflict).
      for (const auto& span : r.births) {
        if (BornAfter(span, snapshot_)) {
          diags_.Warning(PosOf(file, f[kRemarks]), "lists.ofac.dob_after_snapshot",
                         "entry " + d.reference + ": a date of birth in " + std::to_string(span.born.year) +
                             ", after the snapshot " + snapshot_.ToString() + ", is no date sancheck reads; left out");
        } else {
          AddUnique(d.births, span);
        }
      }
      for (const auto& unread : r.unread_births) {
        diags_.Warning(PosOf(file, f[kRemarks]), "lists.ofac.dob_unread",
                       "entry " + d.reference + ": '" + unread + "' is no date of birth sancheck reads; left out");
      }
    }
    d.nationality = Joined(r.nationalities, "; ");
    std::vector<std::string> note;
    if (d.kind == DesignationKind::kVessel) {
      // OFAC is the official source of what it lists: its IMO numbers and flags are verified.
      if (!r.vessel_imo.empty()) {
        d.imo = r.vessel_imo;
        d.imo_status = Verification::kVerified;
      }
      const std::string flag = Value(f[kFlag]);
      if (!flag.empty()) {
        d.flag = CountryByName(flag);
        if (d.flag) {
          d.flag_status = Verification::kVerified;
        } else if (!SaysNoCountry(flag)) {
          diags_.Warning(PosOf(file, f[kFlag]), "lists.ofac.flag_unread",
                         "entry " + d.reference + ": flag '" + flag +
                             "' is no country name sancheck knows; the vessel's flag is left unknown (kept in its note)");
        }
        note.push_back("flag " + flag);
      }
      for (auto [label, column] : {std::pair{"call sign ", kCallSign}, std::pair{"type ", kVessType},
                                   std::pair{"tonnage ", kTonnage}, std::pair{"GRT ", kGrt},
                                   std::pair{"owner ", kOwner}}) {
        if (const std::string v = Value(f[column]); !v.empty()) note.push_back(label + v);
      }
    } else if (d.kind == DesignationKind::kEntity) {
      // A company's IMO number, under whichever label OFAC wrote it (some shipping companies'
      // read "Vessel Registration Identification IMO"); one that names several gives none, as
      // which is the company's cannot be told.
      d.company_imo = !r.company_imo.empty() ? r.company_imo : r.imos.size() == 1 ? r.imos.front() : std::string();
    }
    if (d.kind == DesignationKind::kVessel && d.imo.empty() && r.imos.size() == 1) {
      // "IMO 9187629", "... IMO 9187629 (Malta)": the vessel's number under another label.
      d.imo = r.imos.front();
      d.imo_status = Verification::kVerified;
    }
    if (d.kind == DesignationKind::kVessel) {
      // One number per vessel: another one its remarks give is said, not dropped unseen (a
      // query with it finds the vessel by name only).
      for (const std::string& other : r.imos) {
        if (other == d.imo || other == r.company_imo) continue;
        diags_.Warning(PosOf(file, f[kRemarks]), "lists.ofac.imo_several",
                       "entry " + d.reference + ": IMO " + other + " in its remarks is not the vessel's IMO kept (" +
                           (d.imo.empty() ? std::string("none: several are given") : d.imo) +
                           "); left in its note only");
      }
    }
    for (const auto& item : r.unread_imos) {
      diags_.Warning(PosOf(file, f[kRemarks]), "lists.ofac.imo_unread",
                     "entry " + d.reference + ": '" + item + "' names IMO with no 7-digit number; left out");
    }
    // OFAC's weak aliases ("a.k.a. 'ABU MANSUR'") are kept as the UN's low-quality ones are: a
    // match on one is still a match, and the note says how weak it is.
    for (const auto& alias : r.weak_aliases) AddAlias(d, alias);
    if (!r.weak_aliases.empty()) note.push_back("weak a.k.a.: " + Joined(r.weak_aliases, "; "));
    if (!remarks.empty()) note.push_back(Abridged(remarks, kNoteBytes));
    d.note = Joined(note, "; ");
  }

  static constexpr size_t kRemarksLimit = 1000;
  struct Continuation {
    int line = 0;  ///< of its first row
    std::string text;
  };
  std::map<std::string, Continuation> continued_;
  bool comments_given_ = false;
  Diagnostics& diags_;
  Date snapshot_;
  const char* regime_;
  inline static const Date kListedAlways = Date::FromCivil(1900, 1, 1);
  std::map<std::string, size_t> index_;
  std::unordered_set<std::string> alias_keys_;
};

}  // namespace

screen::DesignationList ImportOfacCsv(const OfacFiles& files, Date snapshot, Diagnostics& diags) {
  screen::DesignationList list;
  const bool consolidated = files.list == OfacList::kConsolidated;
  list.name = consolidated ? "ofac-consolidated" : "ofac-sdn";
  list.format = "ofac-csv";
  list.snapshot = snapshot.ToString();
  list.source = consolidated ? "US Treasury OFAC Consolidated Sanctions List, non-SDN (legacy CSV: cons_prim, cons_add, cons_alt"
                             : "US Treasury OFAC Specially Designated Nationals list (legacy CSV: sdn, add, alt";
  list.source += files.comments ? (consolidated ? ", cons_comments)" : ", sdn_comments)") : ")";
  if (!files.sdn) return list;
  Importer importer(diags, snapshot, consolidated ? kOfacConsolidatedRegime : kOfacRegime);
  for (const auto& file : {files.sdn, files.add, files.alt, files.comments}) {
    if (file) list.inputs.push_back(screen::ListInput{BaseName(file->path), Sha256Hex(file->text)});
  }
  // OFAC's files are never empty: one without a row is a cut download or the wrong file, and a
  // list written from it would screen every party clear (or without its aliases).
  auto empty = [&](const std::shared_ptr<const SourceFile>& file, const std::vector<CsvRow>& rows, const char* what) {
    if (!rows.empty()) return false;
    diags.Error(SourcePos{file, 1, 1}, "lists.ofac.empty", std::string("the ") + what + " file has no row (OFAC's never is empty)");
    return true;
  };
  // The continuations first: the SDN rows' Remarks are read whole. A snapshot's comments file
  // may be empty (no entry's Remarks reached the limit).
  if (files.comments) {
    auto comments = ReadOfacComments(files.comments, diags);
    if (!comments) return list;
    importer.ReadComments(*comments);
  }
  auto sdn = importer.Table(files.sdn, 12);
  if (!sdn || empty(files.sdn, *sdn, "SDN")) return list;
  importer.ReadSdn(files.sdn, *sdn, list);
  if (files.comments) importer.CheckComments(files.comments);
  if (files.alt) {
    if (auto alt = importer.Table(files.alt, 5); alt && !empty(files.alt, *alt, "alternate names")) {
      importer.ReadAliases(files.alt, *alt, list);
    }
  }
  if (files.add) {
    if (auto add = importer.Table(files.add, 6); add && !empty(files.add, *add, "addresses")) {
      importer.CheckAddresses(files.add, *add, list);
    }
  }
  // What the list loader would refuse, said at the entry's row (its aliases included).
  for (const Designation& d : list.entries) {
    for (const std::string& problem : screen::EntryProblems(d, std::nullopt)) {
      diags.Error(d.pos, "lists.ofac.bad_entry", problem);
    }
  }
  // Each of OFAC's files closes with a DOS end-of-file byte (0x1A): one without it was most
  // likely cut short in the download, at a row's end where nothing else would show it (an alt
  // file cut so loses aliases without an error). Said, not refused: a file re-saved by a tool
  // may have lost the byte alone. Only for a file that otherwise imports: an error says more.
  for (const auto& file : {files.sdn, files.add, files.alt, files.comments}) {
    if (!file || diags.HasErrors()) continue;
    std::string_view text = file->text;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    if (text.empty() || text.back() == '\x1A') continue;
    const int last_line = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    diags.Warning(SourcePos{file, last_line, 1}, "lists.ofac.no_end_mark",
                  "the file does not end with OFAC's end-of-file byte (0x1A): it may have been cut short; "
                  "compare it with OFAC's published file");
  }
  return list;
}

}  // namespace sancheck::lists
