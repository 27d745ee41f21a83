// UN Consolidated List XML to designations: libxml2 builds the tree, this file maps its elements to fields.
#include "lists/un_xml.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "common/files.hpp"
#include "lists/alias_text.hpp"
#include "lists/import_text.hpp"
#include "lists/un_xml_schema.hpp"
#include "screen/entry_checks.hpp"

namespace sancheck::lists {
namespace {

// The narrative of a shipping company states its IMO company number ("IMO Number: 5342883",
// "Company Number IMO 5434358", "(IMO) Number: 1790183"); the screener matches a party's IMO
// number against it. A narrative naming several numbers (its vessels' too) gives none: which
// is the company's cannot be told.
std::string CompanyImo(const std::string& narrative) {
  std::vector<std::string> found;
  bool unread = false;  // a narrative names other numbers too: only a 7-digit IMO number counts
  ImoNumbersIn(narrative, found, unread);
  return found.size() == 1 ? found.front() : std::string();
}

using screen::BirthSpan;
using screen::Designation;
using screen::DesignationKind;

// COMMENTS1 runs to several paragraphs; the note keeps its start, the list keeps the rest.
constexpr size_t kNoteBytes = 300;

std::string_view NameOf(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool Is(const xmlNode* n, std::string_view name) { return n->type == XML_ELEMENT_NODE && NameOf(n) == name; }

std::string TextOf(const xmlNode* n) {
  xmlChar* content = xmlNodeGetContent(n);
  if (!content) return "";
  std::string out = FoldSpaces(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

// Element children named `name`, in document order.
std::vector<const xmlNode*> Children(const xmlNode* n, std::string_view name) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (Is(c, name)) out.push_back(c);
  }
  return out;
}

const xmlNode* Child(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (Is(c, name)) return c;
  }
  return nullptr;
}

std::string ChildText(const xmlNode* n, std::string_view name) {
  const xmlNode* c = Child(n, name);
  return c ? TextOf(c) : "";
}

// The texts of a multi-valued element's <VALUE> children (NATIONALITY, TITLE, LAST_DAY_UPDATED...).
std::vector<std::string> Values(const xmlNode* n, std::string_view name) {
  std::vector<std::string> out;
  for (const xmlNode* e : Children(n, name)) {
    for (const xmlNode* v : Children(e, "VALUE")) AddUnique(out, TextOf(v));
  }
  return out;
}

// libxml2's first error, kept with its position: the parser stops at the first fatal one.
struct FirstError {
  bool set = false;
  bool dtd = false;  ///< a DOCTYPE was met (the parser is stopped there)
  int line = 0;
  int column = 0;
  std::string message;
};

void OnXmlError(void* data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  auto* first = static_cast<FirstError*>(ctxt->_private);
  if (!first || first->set || !error || error->level < XML_ERR_ERROR) return;
  first->set = true;
  first->line = error->line;
  first->column = error->int2;
  first->message = FoldSpaces(error->message ? error->message : "malformed XML");
}

// A DOCTYPE, in whatever encoding the file is written: stops the parser before the internal
// subset's declarations (entities) are read. The byte check before parsing sees only UTF-8 ones.
void OnDoctype(void* data, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(data);
  auto* first = static_cast<FirstError*>(ctxt->_private);
  if (first && !first->dtd) {
    first->dtd = true;
    first->line = ctxt->input ? ctxt->input->line : 1;
    first->column = ctxt->input ? ctxt->input->col : 1;
  }
  xmlStopParser(ctxt);
}

class Importer {
 public:
  Importer(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void Error(const xmlNode* n, std::string code, std::string message) {
    diags_.Error(Pos(n), "lists." + std::move(code), std::move(message));
  }

  // libxml2 keeps an element's line; the column is that of its start tag on the line.
  SourcePos Pos(const xmlNode* n) {
    const long line = n ? xmlGetLineNo(n) : 1;
    SourcePos pos{file_, line > 0 ? static_cast<int>(line) : 1, 1};
    if (n && n->type == XML_ELEMENT_NODE) pos.column = ColumnOf(n, pos.line);
    return pos;
  }

  void ReadRoot(const xmlNode* root, screen::DesignationList& list) {
    if (!root || !Is(root, "CONSOLIDATED_LIST")) {
      Error(root, "un_xml.wrong_root",
            "the root element must be CONSOLIDATED_LIST (the UN Consolidated List), found " +
                (root ? "'" + std::string(NameOf(root)) + "'" : std::string("none")));
      return;
    }
    xmlChar* generated = xmlGetProp(root, reinterpret_cast<const xmlChar*>("dateGenerated"));
    const std::string stamp = generated ? reinterpret_cast<const char*>(generated) : "";
    if (generated) xmlFree(generated);
    // dateGenerated is an xs:dateTime: its date is the snapshot's.
    const auto date = ParseListDate(stamp);
    if (!date) {
      Error(root, "un_xml.bad_date",
            stamp.empty() ? "CONSOLIDATED_LIST has no dateGenerated (the list's snapshot date)"
                          : "dateGenerated '" + stamp + "' is not a date YYYY-MM-DD, with or without a time");
    } else {
      list.snapshot = date->ToString();
      snapshot_ = date;
    }
    list.name = "un-consolidated";
    list.format = "un-xml";
    list.source = "UN Security Council Consolidated List, dateGenerated " + stamp;
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (Is(c, "INDIVIDUALS")) {
        ReadRecords(c, "INDIVIDUAL", DesignationKind::kIndividual, list);
      } else if (Is(c, "ENTITIES")) {
        ReadRecords(c, "ENTITY", DesignationKind::kEntity, list);
      } else {
        Error(c, "un_xml.unknown_element",
              "unknown element '" + std::string(NameOf(c)) + "' in CONSOLIDATED_LIST (expected INDIVIDUALS, ENTITIES)");
      }
    }
  }

 private:
  // The column of the element's start tag on its line. Records are looked up in document order,
  // so each search goes on from the last tag of that name found on the line: a file written on
  // one line is searched once over, not once per record.
  int ColumnOfTag(int line, std::string_view name) {
    const std::string& text = file_->text;
    LineStarts();
    if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return 1;
    const size_t at = line_starts_[static_cast<size_t>(line) - 1];
    const size_t eol = static_cast<size_t>(line) < line_starts_.size() ? line_starts_[static_cast<size_t>(line)] - 1 : text.size();
    size_t& from = tag_cursor_[{line, std::string(name)}];
    from = std::max(from, at);
    // "<INDIVIDUAL" also starts "<INDIVIDUALS" and "<INDIVIDUAL_ALIAS": NextTag wants the name to end there.
    const size_t tag = NextTag(from, name);
    if (tag == std::string::npos || tag >= eol) return 1;
    from = tag + 1;
    return static_cast<int>(tag - at) + 1;
  }

  // The column of an element's start tag on its line (1 when it cannot be found). A node asked
  // for again (a record's position, then an error on it) keeps its column. Records and what
  // holds them are found on their line in document order (ColumnOfTag); an element inside a
  // record is found after its parent's tag, as the parent's k-th child of its name: a file on
  // one line repeats a tag (YEAR, VALUE) in every record and often within one.
  int ColumnOf(const xmlNode* n, int line) {
    auto [it, added] = columns_.try_emplace(n, 1);
    if (!added) return it->second;
    const xmlNode* parent = n->parent;
    int holders = 0;  // a record's element is held by the record, its section and the root
    for (const xmlNode* p = parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) ++holders;
    int column = 0;
    if (holders >= 3) {
      const long parent_line = xmlGetLineNo(parent);
      const int parent_column = ColumnOf(parent, parent_line > 0 ? static_cast<int>(parent_line) : 1);
      if (parent_line > 0) column = ColumnAfter(parent, static_cast<int>(parent_line), parent_column, n, line);
    }
    if (column == 0) column = ColumnOfTag(line, NameOf(n));
    columns_[n] = column;
    return column;
  }

  // The column of `n`'s start tag, found as its parent's k-th child of its name after the
  // parent's tag (line `from_line`, column `from_column`), if it is on `line`; 0 otherwise.
  // Children are placed in document order: the search goes on from the last child of that
  // name placed (its place among the siblings and its tag), so a record with many children
  // each warned about is searched once over, not once per child.
  int ColumnAfter(const xmlNode* parent, int from_line, int from_column, const xmlNode* n, int line) {
    const std::string& text = file_->text;
    LineStarts();
    if (from_line < 1 || line < 1 || static_cast<size_t>(line) > line_starts_.size() ||
        static_cast<size_t>(from_line) > line_starts_.size()) {
      return 0;
    }
    const std::string_view name = NameOf(n);
    SiblingCursor& cursor = sibling_cursors_[{parent, std::string(name)}];
    // From the last child placed when `n` comes after it, else from the parent's first child.
    const xmlNode* from = parent->children;
    size_t tag = line_starts_[static_cast<size_t>(from_line) - 1] + static_cast<size_t>(from_column);
    size_t ahead = 0;  // the tags of this name to pass before n's
    bool found = false;
    if (cursor.node && cursor.tag != std::string::npos) {
      for (const xmlNode* c = cursor.node->next; c; c = c->next) {
        if (c == n) {
          found = true;
          break;
        }
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, n->name)) ++ahead;
      }
      if (found) tag = cursor.tag + 1;
    }
    if (!found) {
      ahead = 0;
      for (const xmlNode* c = from; c && c != n; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, n->name)) ++ahead;
      }
    }
    for (size_t k = 0;; ++k) {
      tag = NextTag(tag, name);
      if (tag == std::string::npos) return 0;
      if (k == ahead) break;
      ++tag;
    }
    cursor = SiblingCursor{n, tag};
    const size_t at = line_starts_[static_cast<size_t>(line) - 1];
    const size_t eol = static_cast<size_t>(line) < line_starts_.size() ? line_starts_[static_cast<size_t>(line)] : text.size();
    return tag >= at && tag < eol ? static_cast<int>(tag - at) + 1 : 0;
  }

  // Where the next start tag `name` begins at or after `from` ("<YEAR>", "<YEAR/>", not "<YEARS"), or npos.
  size_t NextTag(size_t from, std::string_view name) const {
    const std::string& text = file_->text;
    const std::string open = "<" + std::string(name);
    for (size_t tag = text.find(open, from); tag != std::string::npos; tag = text.find(open, tag + 1)) {
      const size_t after = tag + open.size();
      if (after >= text.size() || text[after] == '>' || text[after] == '/' || text[after] == ' ' ||
          text[after] == '\t' || text[after] == '\r' || text[after] == '\n') {
        return tag;
      }
    }
    return std::string::npos;
  }

  void LineStarts() {
    if (!line_starts_.empty()) return;
    // Built once: every record's position is looked up, and the file has tens of thousands of lines.
    const std::string& text = file_->text;
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  void ReadRecords(const xmlNode* section, std::string_view record, DesignationKind kind,
                   screen::DesignationList& list) {
    for (const xmlNode* c = section->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (!Is(c, record)) {
        Error(c, "un_xml.unknown_element",
              "unknown element '" + std::string(NameOf(c)) + "' in " + std::string(NameOf(section)) +
                  " (expected " + std::string(record) + ")");
        continue;
      }
      const int errors = diags_.error_count();
      Designation d = ReadRecord(c, kind);
      // What the list loader would refuse, said here at the record (screen/entry_checks.hpp).
      for (const std::string& problem : screen::EntryProblems(d, snapshot_)) {
        Error(c, "un_xml.bad_entry", problem);
      }
      if (diags_.error_count() == errors) list.entries.push_back(std::move(d));
    }
  }

  Designation ReadRecord(const xmlNode* n, DesignationKind kind) {
    Designation d;
    d.kind = kind;
    d.pos = Pos(n);
    const bool individual = kind == DesignationKind::kIndividual;
    // The record's fields read once: a second one (a second UN_LIST_TYPE, LISTED_ON or
    // DELISTED_ON) would be dropped without a word, and with it the regime or dates it gives.
    static constexpr std::array<std::string_view, 9> kOnce = {
        "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "UN_LIST_TYPE", "REFERENCE_NUMBER",
        "LISTED_ON", "DELISTED_ON", "COMMENTS1"};
    std::set<std::string_view> once;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = NameOf(c);
      if (std::find(kOnce.begin(), kOnce.end(), name) != kOnce.end() && !once.insert(name).second) {
        Error(c, "un_xml.repeated", "'" + std::string(name) + "' is given twice in one " + std::string(NameOf(n)));
      }
      const bool known = individual ? std::find(kIndividualChildren.begin(), kIndividualChildren.end(), name) !=
                                          kIndividualChildren.end()
                                    : std::find(kEntityChildren.begin(), kEntityChildren.end(), name) !=
                                          kEntityChildren.end();
      if (!known) Error(c, "un_xml.unknown_element", "unknown element '" + std::string(name) + "' in " + std::string(NameOf(n)));
      CheckNested(c);
    }
    d.reference = Required(n, "REFERENCE_NUMBER");
    if (!d.reference.empty() && !references_.insert(d.reference).second) {
      Error(Child(n, "REFERENCE_NUMBER"), "un_xml.duplicate_reference", "reference " + d.reference + " is listed twice");
    }
    d.regime = Required(n, "UN_LIST_TYPE");
    // The list prints a person's name as its parts in order, each part as given: a part may
    // repeat another ("OSMAN MOHAMED HAMID MOHAMED"), and is kept.
    std::vector<std::string> parts;
    for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
      if (std::string text = ChildText(n, part); !text.empty()) parts.push_back(std::move(text));
    }
    d.name = Joined(parts, " ");
    if (d.name.empty()) Error(n, "un_xml.missing", std::string(NameOf(n)) + " " + d.reference + " has no name (FIRST_NAME)");
    const std::string listed = Required(n, "LISTED_ON");
    if (!listed.empty()) {
      if (auto date = ParseListDate(listed)) {
        d.listed_on = *date;
      } else {
        Error(Child(n, "LISTED_ON"), "un_xml.bad_date", "LISTED_ON '" + listed + "' is not a date YYYY-MM-DD");
      }
    }
    ReadUpdated(n, d);
    if (const std::string delisted = ChildText(n, "DELISTED_ON"); !delisted.empty()) {
      if (auto date = ParseListDate(delisted)) {
        d.delisted_on = *date;
      } else {
        Error(Child(n, "DELISTED_ON"), "un_xml.bad_date", "DELISTED_ON '" + delisted + "' is not a date YYYY-MM-DD");
      }
    }
    // The record's own dates of birth first, then those its aliases carry.
    for (const xmlNode* b : Children(n, "INDIVIDUAL_DATE_OF_BIRTH")) ReadBirth(b, d);
    ReadAliases(n, individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS", d);
    SplitPrimaryName(d);
    for (const xmlNode* o : Children(n, "NAME_ORIGINAL_SCRIPT")) AddUnique(d.original_names, TextOf(o));
    std::vector<std::string> nationality = Values(n, "NATIONALITY");
    for (auto& v : Values(n, "NATIONALITY2")) AddUnique(nationality, std::move(v));
    d.nationality = Joined(nationality, "; ");
    std::vector<std::string> title = Values(n, "TITLE");
    for (auto& v : Values(n, "DESIGNATION")) AddUnique(title, std::move(v));
    d.title = Joined(title, "; ");
    const std::string comments = ChildText(n, "COMMENTS1");
    if (!comments.empty()) d.note = Abridged(comments, kNoteBytes);
    if (!individual) d.company_imo = CompanyImo(comments);
    if (!low_aliases_.empty()) {
      d.note += (d.note.empty() ? "" : " | ") + std::string("low-quality a.k.a.: ") + Joined(low_aliases_, "; ");
    }
    if (!alias_remarks_.empty()) {
      d.note += (d.note.empty() ? "" : " | ") + std::string("a.k.a. remarks: ") +
                Abridged(Joined(alias_remarks_, "; "), kNoteBytes);
    }
    return d;
  }

  std::string Required(const xmlNode* n, std::string_view name) {
    const xmlNode* c = Child(n, name);
    const std::string text = c ? TextOf(c) : "";
    if (text.empty()) {
      Error(c ? c : n, "un_xml.missing",
            std::string(NameOf(n)) + " has no " + std::string(name) + (c ? " text" : " element"));
    }
    return text;
  }

  // LAST_DAY_UPDATED lists every amendment; the latest is the entry's.
  void ReadUpdated(const xmlNode* n, Designation& d) {
    for (const xmlNode* e : Children(n, "LAST_DAY_UPDATED")) {
      for (const xmlNode* v : Children(e, "VALUE")) {
        const std::string text = TextOf(v);
        if (text.empty()) continue;
        const auto date = ParseListDate(text);
        if (!date) {
          Error(v, "un_xml.bad_date", "LAST_DAY_UPDATED '" + text + "' is not a date YYYY-MM-DD");
        } else if (!d.updated || *date > *d.updated) {
          d.updated = date;
        }
      }
    }
  }

  // A name field may hold two names ("COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES
  // BUSINESS COMPANY (GLBC)"): screened as one long name, neither is found. The first stays the
  // name, the others lead the aliases.
  static void SplitPrimaryName(Designation& d) {
    if (d.name.find(';') == std::string::npos) return;
    std::vector<std::string> names;
    std::string_view rest = d.name;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      const std::string_view part = Trimmed(rest.substr(0, semi));
      if (!part.empty()) AddUnique(names, std::string(part));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    }
    if (names.empty()) return;  // nothing but separators: kept as written
    d.name = names.front();
    std::erase_if(d.aliases, [&](const std::string& a) { return a == d.name; });
    for (size_t i = names.size(); i-- > 1;) {
      if (std::find(d.aliases.begin(), d.aliases.end(), names[i]) == d.aliases.end()) {
        d.aliases.insert(d.aliases.begin(), names[i]);
      }
    }
  }

  // Every alias is kept, whatever its QUALITY: the UN lists "Low" ones because the person used
  // them, and dropping them would miss a match. Low-quality ones are also named in the note,
  // so a reviewer of a match on one sees how weak it is.
  // An alias may carry the date of birth the person used with it: a date of birth of theirs.
  // One ALIAS_NAME may hold several names and a birth remark (SplitAliasText): each name is an
  // alias, the remark's year a birth, the remark itself goes to the note.
  void ReadAliases(const xmlNode* n, std::string_view element, Designation& d) {
    low_aliases_.clear();
    alias_remarks_.clear();
    std::unordered_set<std::string> seen;  // an entry may have thousands: no linear search each
    std::unordered_set<std::string> low_seen;
    std::unordered_set<std::string> remarks_seen;
    for (const xmlNode* a : Children(n, element)) {
      if (const xmlNode* born = Child(a, "DATE_OF_BIRTH")) ReadAliasBirth(born, d);
      AliasText field = SplitAliasText(ChildText(a, "ALIAS_NAME"));
      if (d.kind == DesignationKind::kIndividual) {
        for (const int year : field.birth_years) AddBirth(a, d, BirthSpan{BirthDate{year, std::nullopt}, 0});
      }
      for (std::string& remark : field.remarks) {
        if (remarks_seen.insert(remark).second) alias_remarks_.push_back(std::move(remark));
      }
      const bool low = AsciiLower(ChildText(a, "QUALITY")) == "low";  // "Low", "LOW": any case
      for (std::string& alias : field.names) {
        if (alias == d.name) continue;
        if (low && low_seen.insert(alias).second) low_aliases_.push_back(alias);
        if (seen.insert(alias).second) d.aliases.push_back(std::move(alias));
      }
    }
  }

  // An alias's DATE_OF_BIRTH: a date YYYY-MM-DD or a year.
  void ReadAliasBirth(const xmlNode* b, Designation& d) {
    const std::string text = TextOf(b);
    if (text.empty()) return;
    std::optional<BirthDate> born;
    if (text.size() == 4) {
      born = BirthDate::Parse(text);
    } else if (const auto date = ParseListDate(text)) {
      born = BirthDate::Parse(date->ToString());
    }
    if (!born) {
      Error(b, "un_xml.bad_date", "DATE_OF_BIRTH '" + text + "' is not a date YYYY-MM-DD or a year from 1900 to 2100");
      return;
    }
    AddBirth(b, d, BirthSpan{*born, 0});
  }

  // A birth after the list's own date is a slip in the list (2031 for 1931): kept, a namesake's
  // true year would read as a conflict and lower the score of the person. Left out, and said.
  void AddBirth(const xmlNode* at, Designation& d, const BirthSpan& span) {
    if (snapshot_ && BornAfter(span, *snapshot_)) {
      diags_.Warning(Pos(at), "lists.un_xml.dob_after_snapshot",
                     d.reference + ": a date of birth in " + std::to_string(span.born.year) + ", after the list's date " +
                         snapshot_->ToString() + ", is no date sancheck reads; left out");
      return;
    }
    AddUnique(d.births, span);
  }

  // The children of an element the importer reads, against the schema: an unknown one, a value
  // written as bare text where the schema has VALUE children, or a DATE, YEAR or name given
  // twice would each lose a field without a word.
  void CheckNested(const xmlNode* e) {
    const auto& known = KnownNested();
    const auto it = std::find_if(known.begin(), known.end(), [&](const NestedChildren& k) { return Is(e, k.element); });
    if (it == known.end()) return;
    std::set<std::string_view> single;
    for (const xmlNode* c = e->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE && !it->children.empty()) {
        const std::string text = TextOf(c);
        if (!text.empty()) {
          Error(e, "un_xml.bad_value",
                std::string(NameOf(e)) + " holds text '" + Abridged(text, 60) + "' outside its elements (" +
                    std::string(it->children.front()) + ")");
        }
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = NameOf(c);
      if (std::find(it->children.begin(), it->children.end(), name) == it->children.end()) {
        Error(c, "un_xml.unknown_element", "unknown element '" + std::string(name) + "' in " + std::string(NameOf(e)));
      } else if (name != "VALUE" && name != "NOTE" && !single.insert(name).second) {
        Error(c, "un_xml.repeated", "'" + std::string(name) + "' is given twice in one " + std::string(NameOf(e)));
      }
    }
  }

  // EXACT / APPROXIMATELY give a DATE or a YEAR, BETWEEN a FROM_YEAR and TO_YEAR. An approximate
  // year is kept as that year: the screener already treats a year off as neither confirming
  // nor contradicting. An element with no date at all (only a NOTE) adds nothing.
  void ReadBirth(const xmlNode* b, Designation& d) {
    // The list writes it in capitals; a file of another date may not ("Exact").
    const std::string written = ChildText(b, "TYPE_OF_DATE");
    const std::string type = AsciiLower(written);
    if (type != "exact" && type != "approximately" && type != "between" && !type.empty()) {
      Error(Child(b, "TYPE_OF_DATE"), "un_xml.bad_value",
            "TYPE_OF_DATE must be EXACT, APPROXIMATELY or BETWEEN, found '" + written + "'");
      return;
    }
    auto year = [&](std::string_view element) -> std::optional<BirthDate> {
      const std::string text = ChildText(b, element);
      auto born = text.size() == 4 ? BirthDate::Parse(text) : std::nullopt;
      const xmlNode* at = Child(b, element);
      if (!born && text.empty()) {
        Error(at ? at : b, "un_xml.missing", "INDIVIDUAL_DATE_OF_BIRTH has no " + std::string(element));
      } else if (!born) Error(at, "un_xml.bad_date", std::string(element) + " '" + text + "' is not a year from 1900 to 2100");
      return born;
    };
    std::optional<BirthSpan> span;
    const bool range = !ChildText(b, "FROM_YEAR").empty() || !ChildText(b, "TO_YEAR").empty();
    if (range && (!ChildText(b, "DATE").empty() || !ChildText(b, "YEAR").empty())) {
      Error(b, "un_xml.bad_date", "INDIVIDUAL_DATE_OF_BIRTH gives a DATE or YEAR and a FROM_YEAR/TO_YEAR range: which is meant cannot be told");
      return;
    }
    if (const std::string date = ChildText(b, "DATE"); !date.empty()) {
      const auto parsed = ParseListDate(date);
      auto born = parsed ? BirthDate::Parse(parsed->ToString()) : std::nullopt;
      if (!born) {
        Error(Child(b, "DATE"), "un_xml.bad_date", "DATE '" + date + "' is not a date of birth YYYY-MM-DD from 1900 to 2100");
        return;
      }
      // An approximate date is no exact date: the year is what it confirms (as OFAC's "circa").
      if (type == "approximately") born->date.reset();
      span = BirthSpan{*born, 0};
      // A YEAR beside the DATE: kept too when it is another year, never dropped unread.
      if (!ChildText(b, "YEAR").empty()) {
        const auto other = year("YEAR");
        if (!other) return;
        if (other->year != born->year) AddBirth(b, d, BirthSpan{*other, 0});
      }
    } else if (!ChildText(b, "YEAR").empty()) {
      auto born = year("YEAR");
      if (!born) return;
      span = BirthSpan{*born, 0};
    } else if (!ChildText(b, "FROM_YEAR").empty() || !ChildText(b, "TO_YEAR").empty()) {
      auto from = year("FROM_YEAR");
      auto to = year("TO_YEAR");
      if (!from || !to) return;
      if (to->year < from->year) {
        Error(Child(b, "TO_YEAR"), "un_xml.bad_date", "TO_YEAR is before FROM_YEAR");
        return;
      }
      span = BirthSpan{*from, to->year == from->year ? 0 : to->year};
    }
    if (span) {
      AddBirth(b, d, *span);
    } else if (const std::string note = ChildText(b, "NOTE"); !note.empty()) {
      // "Nov. 1973", "24/06/1402 (Hijri Calendar)": kept in the UN's words only; said, as OFAC's are.
      diags_.Warning(Pos(b), "lists.un_xml.dob_unread",
                     "a date of birth given only as the note '" + Abridged(note, 80) + "' is no date sancheck reads; left out");
    }
  }

  std::shared_ptr<const SourceFile> file_;
  Diagnostics& diags_;
  std::optional<Date> snapshot_;  ///< the list's dateGenerated, read before the records
  std::vector<std::string> low_aliases_;
  std::vector<std::string> alias_remarks_;  // "born in 1963" cut from an alias (SplitAliasText)
  std::vector<size_t> line_starts_;
  std::map<std::pair<int, std::string>, size_t> tag_cursor_;  ///< per line and element: where to search on
  std::unordered_map<const xmlNode*, int> columns_;            ///< of the nodes already placed
  /// The last child of a name placed under a parent, and where its start tag is.
  struct SiblingCursor {
    const xmlNode* node = nullptr;
    size_t tag = std::string::npos;
  };
  std::map<std::pair<const xmlNode*, std::string>, SiblingCursor> sibling_cursors_;
  std::set<std::string> references_;
};

// The line and column of `offset` in `text`.
SourcePos PosAt(const std::shared_ptr<const SourceFile>& file, size_t offset) {
  const std::string_view before = std::string_view(file->text).substr(0, offset);
  const size_t nl = before.rfind('\n');
  return SourcePos{file, 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n')),
                   static_cast<int>(nl == std::string_view::npos ? offset : offset - nl - 1) + 1};
}

}  // namespace

screen::DesignationList ImportUnXml(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags) {
  screen::DesignationList list;
  if (!file) return list;
  if (file->text.size() > kMaxUnXmlBytes) {
    diags.Error(SourcePos{file, 1, 1}, "lists.too_large",
                "the file is larger than " + std::to_string(kMaxUnXmlBytes >> 20) + " MiB");
    return list;
  }
  // The UN list has no DTD: one in the file could only declare entities, so it is refused before
  // parsing (a "<!DOCTYPE" inside a comment is refused too; the UN never writes one).
  if (const size_t dtd = file->text.find("<!DOCTYPE"); dtd != std::string::npos) {
    diags.Error(PosAt(file, dtd), "lists.un_xml.dtd", "a DOCTYPE declaration is not accepted in a UN list file");
    return list;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    diags.Error(SourcePos{file, 1, 1}, "lists.un_xml.parser", "cannot start the XML parser (out of memory)");
    return list;
  }
  FirstError first;
  ctxt->_private = &first;
  ctxt->sax->serror = OnXmlError;  // errors come here, never to standard error
  ctxt->sax->internalSubset = OnDoctype;
  // No network, no DTD loading, entities left unsubstituted (no XML_PARSE_NOENT, no
  // XML_PARSE_DTDLOAD); libxml2's size limits stay on (no XML_PARSE_HUGE). BIG_LINES keeps line
  // numbers past 65535 exact.
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, file->text.data(), static_cast<int>(file->text.size()), file->path.c_str(),
                                    nullptr, options);
  if (first.dtd) {
    diags.Error(SourcePos{file, std::max(first.line, 1), std::max(first.column, 1)}, "lists.un_xml.dtd",
                "a DOCTYPE declaration is not accepted in a UN list file");
  } else if (!doc || first.set) {
    diags.Error(SourcePos{file, std::max(first.line, 1), std::max(first.column, 1)}, "lists.un_xml.malformed",
                "malformed XML: " + (first.set ? first.message : std::string("the document could not be read")));
  } else {
    Importer importer(file, diags);
    const int errors = diags.error_count();
    importer.ReadRoot(xmlDocGetRootElement(doc), list);
    // The UN list is never empty: a file that lists no one is a cut or a wrong file, and an
    // empty list written from it would clear every party screened against it.
    if (diags.error_count() == errors && list.entries.empty()) {
      diags.Error(SourcePos{file, 1, 1}, "lists.un_xml.empty", "the file lists no INDIVIDUAL and no ENTITY");
    }
  }
  if (doc) xmlFreeDoc(doc);
  xmlFreeParserCtxt(ctxt);
  list.inputs.push_back(screen::ListInput{BaseName(file->path), Sha256Hex(file->text)});
  return list;
}

}  // namespace sancheck::lists
