// Own watch-list CSV to designations: header checking, then one entry per row with its fields validated.
#include "lists/own_csv.hpp"

#include <algorithm>
#include <set>

#include "common/files.hpp"
#include "common/strings.hpp"
#include "lists/csv_table.hpp"
#include "lists/import_text.hpp"
#include "screen/entry_checks.hpp"

namespace sancheck::lists {
namespace {

using screen::BirthSpan;
using screen::Designation;
using screen::DesignationKind;

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= text.size()) {
    size_t semi = text.find(';', from);
    if (semi == std::string_view::npos) semi = text.size();
    AddUnique(out, std::string(Trimmed(text.substr(from, semi - from))));
    from = semi + 1;
  }
  return out;
}

class Importer {
 public:
  Importer(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  bool ReadHeader(const CsvRow& header) {
    const int errors = diags_.error_count();
    column_.fill(-1);
    for (size_t i = 0; i < header.fields.size(); ++i) {
      const CsvField& f = header.fields[i];
      const auto it = std::find(kOwnCsvColumns.begin(), kOwnCsvColumns.end(), f.text);
      if (it == kOwnCsvColumns.end()) {
        Error(f, "unknown_column", "unknown column '" + f.text + "'" + DidYouMean(f.text, kOwnCsvColumns) +
                                       " (the columns are reference, kind, name, aliases, born, country, program, listed_on)");
        continue;
      }
      int& slot = column_[static_cast<size_t>(it - kOwnCsvColumns.begin())];
      if (slot >= 0) Error(f, "duplicate_column", "column '" + f.text + "' appears twice");
      slot = static_cast<int>(i);
    }
    for (size_t c : {0u, 1u, 2u, 7u}) {
      if (column_[c] < 0) {
        diags_.Error(SourcePos{file_, header.line, 1}, "lists.csv.missing_column",
                     "the header has no '" + std::string(kOwnCsvColumns[c]) + "' column");
      }
    }
    return diags_.error_count() == errors;
  }

  std::optional<Designation> ReadRow(const CsvRow& row, const std::string& regime) {
    if (row.fields.size() != width_) {
      diags_.Error(SourcePos{file_, row.line, 1}, "lists.csv.bad_csv",
                   "expected " + std::to_string(width_) + " fields as in the header, found " +
                       std::to_string(row.fields.size()));
      return std::nullopt;
    }
    const int errors = diags_.error_count();
    Designation d;
    d.pos = SourcePos{file_, row.line, 1};
    d.regime = regime;
    d.reference = Text(row, 0);
    if (d.reference.empty()) Error(Field(row, 0), "missing", "reference must not be empty");
    if (!d.reference.empty() && !references_.insert(d.reference).second) {
      Error(Field(row, 0), "duplicate_reference", "reference '" + d.reference + "' is listed twice");
    }
    const std::string kind = Text(row, 1);
    if (auto k = screen::ParseDesignationKind(kind)) {
      d.kind = *k;
    } else {
      Error(Field(row, 1), "bad_value", "kind must be individual, entity or vessel, found '" + kind + "'");
    }
    d.name = Text(row, 2);
    if (d.name.empty()) Error(Field(row, 2), "missing", "name must not be empty");
    for (auto& alias : SplitList(Text(row, 3))) {
      if (alias != d.name) AddUnique(d.aliases, std::move(alias));
    }
    ReadBorn(row, d);
    if (const std::string country = Text(row, 5); !country.empty()) {
      const auto code = Country::Parse(country);
      if (!code) {
        Error(Field(row, 5), "bad_value", "country must be an ISO 3166-1 alpha-2 code, found '" + country + "'");
      } else if (d.kind == DesignationKind::kVessel) {
        d.flag = code;
      } else {
        d.nationality = code->ToString();
      }
    }
    d.programs = SplitList(Text(row, 6));
    const std::string listed = Text(row, 7);
    if (auto date = Date::Parse(listed)) {
      d.listed_on = *date;
    } else {
      Error(Field(row, 7), "bad_date", "listed_on must be a date YYYY-MM-DD, found '" + listed + "'");
    }
    if (diags_.error_count() > errors) return std::nullopt;
    return d;
  }

  void SetWidth(size_t width) { width_ = width; }

 private:
  void Error(const CsvField& f, const std::string& code, std::string message) {
    diags_.Error(PosOf(file_, f), "lists.csv." + code, std::move(message));
  }

  // The field of column `c` (a column the header lacks reads as empty, at the row's start).
  CsvField Field(const CsvRow& row, size_t c) const {
    return column_[c] < 0 ? CsvField{"", row.line, 1} : row.fields[static_cast<size_t>(column_[c])];
  }
  std::string Text(const CsvRow& row, size_t c) const { return std::string(Trimmed(Field(row, c).text)); }

  void ReadBorn(const CsvRow& row, Designation& d) {
    const auto born = SplitList(Text(row, 4));
    if (!born.empty() && d.kind != DesignationKind::kIndividual) {
      Error(Field(row, 4), "bad_value", "born applies to individuals only");
      return;
    }
    for (const auto& b : born) {
      if (auto span = BirthSpan::Parse(b)) {
        AddUnique(d.births, *span);
      } else {
        Error(Field(row, 4), "bad_date",
              "bad date of birth '" + b + "' (expected YYYY, YYYY-MM-DD or a range of years YYYY/YYYY, 1900 to 2100)");
      }
    }
  }

  std::shared_ptr<const SourceFile> file_;
  Diagnostics& diags_;
  std::array<int, kOwnCsvColumns.size()> column_{};
  size_t width_ = 0;
  std::set<std::string> references_;
};

}  // namespace

screen::DesignationList ImportOwnCsv(const std::shared_ptr<const SourceFile>& file, Date snapshot,
                                     const std::string& regime, Diagnostics& diags) {
  screen::DesignationList list;
  list.format = "csv";
  list.snapshot = snapshot.ToString();
  list.regime = regime;
  list.source = "own watch list";
  if (!file) return list;
  // The file's stem; a file named only by its extension (".csv") gives the list the name "own".
  list.name = BaseName(file->path).substr(0, BaseName(file->path).find('.'));
  if (list.name.empty()) list.name = "own";
  list.inputs.push_back(screen::ListInput{BaseName(file->path), Sha256Hex(file->text)});
  auto rows = ReadCsvTable(file, diags, "lists.csv.");
  if (!rows) return list;
  if (rows->empty()) {
    diags.Error(SourcePos{file, 1, 1}, "lists.csv.missing_column",
                "the file is empty: the first line names the columns (reference,kind,name,...,listed_on)");
    return list;
  }
  Importer importer(file, diags);
  if (!importer.ReadHeader(rows->front())) return list;
  importer.SetWidth(rows->front().fields.size());
  for (size_t i = 1; i < rows->size(); ++i) {
    if (auto d = importer.ReadRow((*rows)[i], regime)) {
      // What the list loader would refuse, said at the row (screen/entry_checks.hpp).
      const auto problems = screen::EntryProblems(*d, snapshot);
      for (const std::string& problem : problems) {
        diags.Error(SourcePos{file, (*rows)[i].line, 1}, "lists.csv.bad_entry", problem);
      }
      if (problems.empty()) list.entries.push_back(std::move(*d));
    }
  }
  // A watch list of no one is a cut export or the wrong file: screened against, it would clear
  // every party.
  if (rows->size() == 1) {
    diags.Error(SourcePos{file, 1, 1}, "lists.csv.empty", "the file has its header line and no entry");
  }
  return list;
}

}  // namespace sancheck::lists
