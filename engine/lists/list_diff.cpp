// Field-by-field comparison of two designation lists and its text and JSON renderings.
#include "lists/list_diff.hpp"

#include <algorithm>

#include <map>

#include <nlohmann/json.hpp>

#include "lists/import_text.hpp"
#include "common/json_document.hpp"

namespace sancheck::lists {
namespace {

using screen::Designation;

std::string BirthsText(const std::vector<screen::BirthSpan>& births) {
  std::vector<std::string> parts;
  for (const auto& b : births) {
    parts.push_back(b.until > 0 ? std::to_string(b.born.year) + "/" + std::to_string(b.until)
                                : b.born.date ? b.born.date->ToString() : std::to_string(b.born.year));
  }
  return Joined(parts, "; ");
}

// Between the values of a set as compared: a control character, which no listed value holds
// (the loaders refuse them), so that two aliases never compare equal to one alias holding
// "; " (["Petrov", "Ivan"] is not ["Ivan; Petrov"]). Shown as "; ".
constexpr char kSetSeparator = '\x1f';

// A set of values as text, in one order whatever the list's: a snapshot that lists the same
// aliases (or dates, programmes) in another order amends nothing.
std::string SetText(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());  // a set: a repeat is no change
  return Joined(values, std::string(1, kSetSeparator));
}

// A field's text as shown: a set's values separated by "; ".
std::string Shown(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == kSetSeparator) {
      out += "; ";
    } else {
      out += c;
    }
  }
  return out;
}

// Every field of an entry as text, in the list format's order and with its keys.
std::vector<std::pair<const char*, std::string>> Fields(const Designation& d) {
  std::vector<std::string> births;
  for (const screen::BirthSpan& b : d.births) births.push_back(BirthsText({b}));
  return {{"kind", std::string(screen::DesignationKindName(d.kind))},
          {"name", d.name},
          {"aliases", SetText(d.aliases)},
          {"original_names", SetText(d.original_names)},
          {"born", SetText(std::move(births))},
          {"listed_on", d.listed_on.ToString()},
          {"updated", d.updated ? d.updated->ToString() : ""},
          {"delisted_on", d.delisted_on ? d.delisted_on->ToString() : ""},
          {"regime", d.regime},
          {"programs", SetText(d.programs)},
          {"nationality", d.nationality},
          {"resolution", d.resolution},
          {"title", d.title},
          {"note", d.note},
          {"imo", d.imo},
          {"imo_status", std::string(screen::VerificationName(d.imo_status))},
          {"flag", d.flag ? d.flag->ToString() : ""},
          {"flag_status", std::string(screen::VerificationName(d.flag_status))},
          {"listing_status", std::string(screen::VerificationName(d.listing_status))},
          {"company_imo", d.company_imo}};
}

std::string Quoted(const std::string& s) { return s.empty() ? "(none)" : "\"" + s + "\""; }

nlohmann::ordered_json Side(const screen::DesignationList& list) {
  return {{"name", list.name}, {"snapshot", list.snapshot}, {"entries", list.entries.size()}};
}

nlohmann::ordered_json Brief(const Designation& d) {
  return {{"reference", d.reference},
          {"kind", screen::DesignationKindName(d.kind)},
          {"name", d.name},
          {"regime", d.regime}};
}

}  // namespace

ListDiff DiffLists(const screen::DesignationList& older, const screen::DesignationList& newer) {
  ListDiff diff;
  std::map<std::string, const Designation*> before, after;
  for (const auto& d : older.entries) before.emplace(d.reference, &d);
  for (const auto& d : newer.entries) after.emplace(d.reference, &d);
  for (const auto& d : older.entries) {
    if (!after.count(d.reference)) diff.removed.push_back(d);
  }
  for (const auto& d : newer.entries) {
    const auto it = before.find(d.reference);
    if (it == before.end()) {
      diff.added.push_back(d);
      continue;
    }
    const auto old_fields = Fields(*it->second);
    const auto new_fields = Fields(d);
    Amendment a{d.reference, d.name, {}};
    for (size_t i = 0; i < new_fields.size(); ++i) {
      if (old_fields[i].second != new_fields[i].second) {
        a.changes.push_back({new_fields[i].first, Shown(old_fields[i].second), Shown(new_fields[i].second)});
      }
    }
    if (!a.changes.empty()) diff.amended.push_back(std::move(a));
  }
  return diff;
}

std::string DiffText(const ListDiff& diff, const screen::DesignationList& older, const screen::DesignationList& newer) {
  std::string out = older.name + " " + older.snapshot + " -> " + newer.name + " " + newer.snapshot + ": " +
                    std::to_string(diff.added.size()) + " added, " + std::to_string(diff.removed.size()) +
                    " removed, " + std::to_string(diff.amended.size()) + " amended\n";
  for (const auto& d : diff.added) out += "added    " + d.reference + "  " + d.name + "\n";
  for (const auto& d : diff.removed) out += "removed  " + d.reference + "  " + d.name + "\n";
  for (const auto& a : diff.amended) {
    std::vector<std::string> names;
    for (const auto& c : a.changes) names.push_back(c.field);
    out += "amended  " + a.reference + "  " + a.name + ": " + Joined(names, ", ") + "\n";
    for (const auto& c : a.changes) out += "    " + c.field + ": " + Quoted(c.before) + " -> " + Quoted(c.after) + "\n";
  }
  return out;
}

std::string DiffJson(const ListDiff& diff, const screen::DesignationList& older, const screen::DesignationList& newer) {
  nlohmann::ordered_json root;
  root["old"] = Side(older);
  root["new"] = Side(newer);
  root["added"] = nlohmann::ordered_json::array();
  for (const auto& d : diff.added) root["added"].push_back(Brief(d));
  root["removed"] = nlohmann::ordered_json::array();
  for (const auto& d : diff.removed) root["removed"].push_back(Brief(d));
  root["amended"] = nlohmann::ordered_json::array();
  for (const auto& a : diff.amended) {
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const auto& c : a.changes) changes.push_back({{"field", c.field}, {"old", c.before}, {"new", c.after}});
    root["amended"].push_back({{"reference", a.reference}, {"name", a.name}, {"changes", changes}});
  }
  // A byte that is not UTF-8 is replaced rather than thrown on: the output never fails half-way.
  return JsonDocument(root);
}

}  // namespace sancheck::lists
