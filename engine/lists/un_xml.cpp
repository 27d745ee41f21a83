// UN Consolidated List XML to designations: libxml2 builds the tree, this file maps its elements to fields.
#include "lists/un_xml.hpp"

#include <algorithm>
#include <array>
#include <regex>
#include <set>
#include <string_view>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "common/files.hpp"
#include "lists/import_text.hpp"

namespace sancheck::lists {
namespace {

// The narrative of a shipping company states its IMO company number ("IMO Number: 5342883",
// "Company Number IMO 5434358", "(IMO) Number: 1790183"); the screener matches a party's IMO
// number against it. A narrative naming several numbers (its vessels' too) gives none: which
// is the company's cannot be told.
std::string CompanyImo(const std::string& narrative) {
  static const std::regex kImo(R"(IMO\)?\s*(?:[Nn]umber\s*)?:?\s*(\d{7})\b)");
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(narrative.begin(), narrative.end(), kImo); it != std::sregex_iterator(); ++it) {
    found.insert((*it)[1].str());
  }
  return found.size() == 1 ? *found.begin() : std::string();
}

using screen::BirthSpan;
using screen::Designation;
using screen::DesignationKind;

// COMMENTS1 runs to several paragraphs; the note keeps its start, the list keeps the rest.
constexpr size_t kNoteBytes = 300;

// The children the UN schema (sc-sanctions.xsd) gives a record. Any other element means the
// schema changed under the importer: an error, not a silently dropped field.
constexpr std::array<std::string_view, 26> kIndividualChildren = {
    "DATAID", "VERSIONNUM", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "UN_LIST_TYPE",
    "REFERENCE_NUMBER", "LISTED_ON", "GENDER", "SUBMITTED_BY", "NAME_ORIGINAL_SCRIPT", "COMMENTS1", "TITLE",
    "DESIGNATION", "NATIONALITY", "LIST_TYPE", "LAST_DAY_UPDATED", "INDIVIDUAL_ALIAS", "INDIVIDUAL_ADDRESS",
    "INDIVIDUAL_DATE_OF_BIRTH", "INDIVIDUAL_PLACE_OF_BIRTH", "INDIVIDUAL_DOCUMENT", "SORT_KEY",
    "SORT_KEY_LAST_MOD", "DELISTED_ON"};
constexpr std::array<std::string_view, 17> kEntityChildren = {
    "DATAID", "VERSIONNUM", "FIRST_NAME", "UN_LIST_TYPE", "REFERENCE_NUMBER", "LISTED_ON", "SUBMITTED_ON",
    "NAME_ORIGINAL_SCRIPT", "COMMENTS1", "LIST_TYPE", "LAST_DAY_UPDATED", "ENTITY_ALIAS", "ENTITY_ADDRESS",
    "SORT_KEY", "SORT_KEY_LAST_MOD", "DELISTED_ON", "SUBMITTED_BY"};

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
    if (n && n->type == XML_ELEMENT_NODE) pos.column = ColumnOfTag(pos.line, NameOf(n));
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
    // dateGenerated is an xs:dateTime: its first ten characters are the snapshot's date.
    const auto date = stamp.size() >= 10 ? Date::Parse(std::string_view(stamp).substr(0, 10)) : std::nullopt;
    if (!date) {
      Error(root, "un_xml.bad_date",
            stamp.empty() ? "CONSOLIDATED_LIST has no dateGenerated (the list's snapshot date)"
                          : "dateGenerated '" + stamp + "' does not start with a date YYYY-MM-DD");
    } else {
      list.snapshot = date->ToString();
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
  int ColumnOfTag(int line, std::string_view name) {
    const std::string& text = file_->text;
    if (line_starts_.empty()) {
      // Built once: every record's position is looked up, and the file has tens of thousands of lines.
      line_starts_.push_back(0);
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') line_starts_.push_back(i + 1);
      }
    }
    if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return 1;
    const size_t at = line_starts_[static_cast<size_t>(line) - 1];
    const size_t eol = std::min(text.find('\n', at), text.size());
    const size_t tag = std::string_view(text).substr(at, eol - at).find("<" + std::string(name));
    return tag == std::string_view::npos ? 1 : static_cast<int>(tag) + 1;
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
      if (diags_.error_count() == errors) list.entries.push_back(std::move(d));
    }
  }

  Designation ReadRecord(const xmlNode* n, DesignationKind kind) {
    Designation d;
    d.kind = kind;
    d.pos = Pos(n);
    const bool individual = kind == DesignationKind::kIndividual;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string_view name = NameOf(c);
      const bool known = individual ? std::find(kIndividualChildren.begin(), kIndividualChildren.end(), name) !=
                                          kIndividualChildren.end()
                                    : std::find(kEntityChildren.begin(), kEntityChildren.end(), name) !=
                                          kEntityChildren.end();
      if (!known) Error(c, "un_xml.unknown_element", "unknown element '" + std::string(name) + "' in " + std::string(NameOf(n)));
    }
    d.reference = Required(n, "REFERENCE_NUMBER");
    if (!d.reference.empty() && !references_.insert(d.reference).second) {
      Error(Child(n, "REFERENCE_NUMBER"), "un_xml.duplicate_reference", "reference " + d.reference + " is listed twice");
    }
    d.regime = Required(n, "UN_LIST_TYPE");
    // The list prints a person's name as its parts in order, each part as given.
    std::vector<std::string> parts;
    for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) AddUnique(parts, ChildText(n, part));
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
    ReadAliases(n, individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS", d);
    for (const xmlNode* o : Children(n, "NAME_ORIGINAL_SCRIPT")) AddUnique(d.original_names, TextOf(o));
    d.nationality = Joined(Values(n, "NATIONALITY"), "; ");
    std::vector<std::string> title = Values(n, "TITLE");
    for (auto& v : Values(n, "DESIGNATION")) AddUnique(title, std::move(v));
    d.title = Joined(title, "; ");
    const std::string comments = ChildText(n, "COMMENTS1");
    if (!comments.empty()) d.note = Abridged(comments, kNoteBytes);
    if (!individual) d.company_imo = CompanyImo(comments);
    if (!low_aliases_.empty()) {
      d.note += (d.note.empty() ? "" : " | ") + std::string("low-quality a.k.a.: ") + Joined(low_aliases_, "; ");
    }
    for (const xmlNode* b : Children(n, "INDIVIDUAL_DATE_OF_BIRTH")) ReadBirth(b, d);
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

  // Every alias is kept, whatever its QUALITY: the UN lists "Low" ones because the person used
  // them, and dropping them would miss a match. Low-quality ones are also named in the note,
  // so a reviewer of a match on one sees how weak it is.
  void ReadAliases(const xmlNode* n, std::string_view element, Designation& d) {
    low_aliases_.clear();
    for (const xmlNode* a : Children(n, element)) {
      std::string alias = ChildText(a, "ALIAS_NAME");
      if (alias.empty() || alias == d.name) continue;
      if (ChildText(a, "QUALITY") == "Low") AddUnique(low_aliases_, alias);
      AddUnique(d.aliases, std::move(alias));
    }
  }

  // EXACT / APPROXIMATELY give a DATE or a YEAR, BETWEEN a FROM_YEAR and TO_YEAR. An approximate
  // year is kept as that year: the screener already treats a year off as neither confirming
  // nor contradicting. An element with no date at all (only a NOTE) adds nothing.
  void ReadBirth(const xmlNode* b, Designation& d) {
    const std::string type = ChildText(b, "TYPE_OF_DATE");
    if (type != "EXACT" && type != "APPROXIMATELY" && type != "BETWEEN" && !type.empty()) {
      Error(Child(b, "TYPE_OF_DATE"), "un_xml.bad_value",
            "TYPE_OF_DATE must be EXACT, APPROXIMATELY or BETWEEN, found '" + type + "'");
      return;
    }
    auto year = [&](std::string_view element) -> std::optional<BirthDate> {
      const std::string text = ChildText(b, element);
      auto born = text.size() == 4 ? BirthDate::Parse(text) : std::nullopt;
      if (!born) Error(Child(b, element), "un_xml.bad_date", std::string(element) + " '" + text + "' is not a year from 1900 to 2100");
      return born;
    };
    std::optional<BirthSpan> span;
    if (const std::string date = ChildText(b, "DATE"); !date.empty()) {
      const auto parsed = ParseListDate(date);
      auto born = parsed ? BirthDate::Parse(parsed->ToString()) : std::nullopt;
      if (!born) {
        Error(Child(b, "DATE"), "un_xml.bad_date", "DATE '" + date + "' is not a date of birth YYYY-MM-DD from 1900 to 2100");
        return;
      }
      span = BirthSpan{*born, 0};
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
    if (!span) return;
    const bool seen = std::any_of(d.births.begin(), d.births.end(), [&](const BirthSpan& s) {
      return s.born.year == span->born.year && s.born.date == span->born.date && s.until == span->until;
    });
    if (!seen) d.births.push_back(*span);
  }

  std::shared_ptr<const SourceFile> file_;
  Diagnostics& diags_;
  std::vector<std::string> low_aliases_;
  std::vector<size_t> line_starts_;
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
  // No network, no DTD loading, entities left unsubstituted (no XML_PARSE_NOENT, no
  // XML_PARSE_DTDLOAD); libxml2's size limits stay on (no XML_PARSE_HUGE). BIG_LINES keeps line
  // numbers past 65535 exact.
  const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, file->text.data(), static_cast<int>(file->text.size()), file->path.c_str(),
                                    nullptr, options);
  if (!doc || first.set) {
    diags.Error(SourcePos{file, std::max(first.line, 1), std::max(first.column, 1)}, "lists.un_xml.malformed",
                "malformed XML: " + (first.set ? first.message : std::string("the document could not be read")));
  } else {
    Importer importer(file, diags);
    importer.ReadRoot(xmlDocGetRootElement(doc), list);
  }
  if (doc) xmlFreeDoc(doc);
  xmlFreeParserCtxt(ctxt);
  list.inputs.push_back(screen::ListInput{BaseName(file->path), Sha256Hex(file->text)});
  return list;
}

}  // namespace sancheck::lists
