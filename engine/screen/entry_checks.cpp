// The checks of entry_checks.hpp: control characters, names that normalise to nothing, alias counts, listing dates.
#include "screen/entry_checks.hpp"

#include <cstdio>

#include "screen/normalize.hpp"

namespace sancheck::screen {
namespace {

// The first control character of `s`, or 0.
uint32_t ControlIn(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return c;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return static_cast<unsigned char>(s[i + 1]);  // U+0080..U+009F
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      return 0x2000u + static_cast<unsigned char>(s[i + 2]) - 0x80u;  // U+2028, U+2029
    }
  }
  return 0;
}

}  // namespace

std::string ControlProblem(std::string_view text) {
  const uint32_t c = ControlIn(text);
  if (c == 0) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "holds the control character U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string NameProblem(std::string_view text) {
  if (std::string control = ControlProblem(text); !control.empty()) return control;
  if (NormalizeName(text).tokens.empty()) return "has no letter or digit to screen";
  return "";
}

std::vector<std::string> EntryProblems(const Designation& d, const std::optional<Date>& snapshot, bool normalize) {
  std::vector<std::string> out;
  const auto name_problem = [&](std::string_view text) { return normalize ? NameProblem(text) : ControlProblem(text); };
  const auto who = [&] { return "entry " + d.reference + ": "; };  // made only for a problem
  if (std::string p = ControlProblem(d.reference); !p.empty()) out.push_back("the reference " + p);
  if (std::string p = name_problem(d.name); !p.empty()) out.push_back(who() + "the name '" + d.name + "' " + p);
  for (const auto* names : {&d.aliases, &d.original_names}) {
    const char* what = names == &d.aliases ? "aliases" : "original names";
    if (names->size() > kMaxAliases) {
      out.push_back(who() + std::to_string(names->size()) + " " + what + ", more than the " +
                    std::to_string(kMaxAliases) + " an entry may have");
      continue;
    }
    for (const auto& n : *names) {
      if (std::string p = name_problem(n); !p.empty()) out.push_back(who() + "the name '" + n + "' in " + what + " " + p);
    }
  }
  // Shown in reports beside the match: a control character could forge a line of one.
  for (const auto& [what, text] : {std::pair{"regime", &d.regime}, std::pair{"nationality", &d.nationality},
                                   std::pair{"resolution", &d.resolution}, std::pair{"title", &d.title}}) {
    if (std::string p = ControlProblem(*text); !p.empty()) out.push_back(who() + "the " + what + " " + p);
  }
  for (const std::string& program : d.programs) {
    if (std::string p = ControlProblem(program); !p.empty()) out.push_back(who() + "a programme " + p);
  }
  if (snapshot && d.listed_on > *snapshot) {
    out.push_back(who() + "listed on " + d.listed_on.ToString() + ", after the list's snapshot " + snapshot->ToString());
  }
  // What a list file's reader checks field by field, and a binary snapshot's reader must check
  // here: dates a list can hold, births as the one reading gives them, IMO numbers, and fields
  // only one kind has.
  static const Date kFirst = Date::FromCivil(1, 1, 1), kLast = Date::FromCivil(9999, 12, 31);
  for (const std::optional<Date>& date : {std::optional<Date>(d.listed_on), d.updated, d.delisted_on}) {
    if (date && (*date < kFirst || kLast < *date)) out.push_back(who() + "a date out of range");
  }
  if (d.delisted_on && *d.delisted_on < d.listed_on) out.push_back(who() + "delisted before it was listed");
  for (const BirthSpan& b : d.births) {
    // BirthDate::Parse holds the years a birth may have; a date must be in its own year.
    const auto year_ok = [](int year) { return BirthDate::Parse(std::to_string(year)).has_value(); };
    const bool date_ok = !b.born.date || b.born.date->Year() == b.born.year;
    const bool range_ok = b.until == 0 || (b.until >= b.born.year && year_ok(b.until));
    if (!year_ok(b.born.year) || !date_ok || !range_ok) out.push_back(who() + "a date of birth out of range");
  }
  const auto digits = [](const std::string& s) {
    return s.empty() || (s.size() == 7 && s.find_first_not_of("0123456789") == std::string::npos);
  };
  if (!digits(d.imo) || !digits(d.company_imo)) out.push_back(who() + "an IMO number that is not 7 digits");
  if (!d.births.empty() && d.kind != DesignationKind::kIndividual) out.push_back(who() + "dates of birth on a " + std::string(DesignationKindName(d.kind)));
  if ((!d.imo.empty() || d.flag) && d.kind != DesignationKind::kVessel) out.push_back(who() + "a vessel's IMO number or flag on a " + std::string(DesignationKindName(d.kind)));
  if (!d.company_imo.empty() && d.kind != DesignationKind::kEntity) out.push_back(who() + "a company IMO number on a " + std::string(DesignationKindName(d.kind)));
  return out;
}

}  // namespace sancheck::screen
