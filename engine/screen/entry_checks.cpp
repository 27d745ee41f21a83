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

std::vector<std::string> EntryProblems(const Designation& d, const std::optional<Date>& snapshot) {
  std::vector<std::string> out;
  const std::string who = "entry " + d.reference + ": ";
  if (std::string p = ControlProblem(d.reference); !p.empty()) out.push_back("the reference " + p);
  if (std::string p = NameProblem(d.name); !p.empty()) out.push_back(who + "the name '" + d.name + "' " + p);
  for (const auto* names : {&d.aliases, &d.original_names}) {
    const char* what = names == &d.aliases ? "aliases" : "original names";
    if (names->size() > kMaxAliases) {
      out.push_back(who + std::to_string(names->size()) + " " + what + ", more than the " +
                    std::to_string(kMaxAliases) + " an entry may have");
      continue;
    }
    for (const auto& n : *names) {
      if (std::string p = NameProblem(n); !p.empty()) out.push_back(who + "the name '" + n + "' in " + what + " " + p);
    }
  }
  if (snapshot && d.listed_on > *snapshot) {
    out.push_back(who + "listed on " + d.listed_on.ToString() + ", after the list's snapshot " + snapshot->ToString());
  }
  return out;
}

}  // namespace sancheck::screen
