// Parsing of OFAC Remarks items: dates of birth in their several shapes, IMO numbers, nationalities.
#include "lists/ofac_remarks.hpp"

#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "lists/import_text.hpp"

namespace sancheck::lists {
namespace {

using screen::BirthSpan;

bool Digits(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A month by its name or OFAC's three-letter abbreviation, in any letter case ("Mar", "MAR",
// "March"; files before June 2012 spelt some out), or 0.
int Month(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                              "may",     "june",     "july",      "august",
                                                              "september", "october", "november", "december"};
  if (s.size() < 3) return 0;
  const std::string lower = AsciiLower(s);
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i] || lower == kMonths[i].substr(0, 3) || (i == 8 && lower == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// "26 Mar 1968", "5 January 1971", "Mar 1968" or "1968": the date or year it names (a month keeps
// its year only).
std::optional<BirthDate> OneDate(std::string_view text, bool& exact) {
  const auto w = Words(text);
  exact = false;
  if (w.size() == 1 && Digits(w[0], 4)) return BirthDate::Parse(w[0]);
  if (w.size() == 2 && Month(w[0]) && Digits(w[1], 4)) return BirthDate::Parse(w[1]);
  if (w.size() == 3 && (Digits(w[0], 2) || Digits(w[0], 1)) && Month(w[1]) && Digits(w[2], 4)) {
    char iso[11];
    const std::string day = w[0].size() == 1 ? "0" + std::string(w[0]) : std::string(w[0]);  // "5 Jan 1971"
    std::snprintf(iso, sizeof iso, "%.4s-%02d-%.2s", w[2].data(), Month(w[1]), day.data());
    exact = true;
    return BirthDate::Parse(iso);
  }
  return std::nullopt;
}

std::optional<BirthSpan> ReadDob(std::string_view text) {
  bool circa = false;
  if (AsciiLower(text.substr(0, 6)) == "circa ") {  // "circa" or "Circa", as months in any case
    circa = true;
    text.remove_prefix(6);
  }
  size_t to = text.find(" to ");
  size_t sep = 4;
  if (to == std::string_view::npos && text.size() == 9 && text[4] == '-') {
    to = 4;  // "1979-1982"
    sep = 1;
  }
  bool exact = false;
  if (to != std::string_view::npos) {
    bool ignored = false;
    auto from = OneDate(text.substr(0, to), ignored);
    auto until = OneDate(text.substr(to + sep), ignored);
    if (!from || !until || until->year < from->year) return std::nullopt;
    return BirthSpan{BirthDate{from->year, std::nullopt}, until->year == from->year ? 0 : until->year};
  }
  auto born = OneDate(text, exact);
  if (!born) return std::nullopt;
  // "circa 26 Mar 1968" is no exact date: the year is what it confirms.
  if (circa) born->date.reset();
  return BirthSpan{*born, 0};
}

// The 7 digits after "IMO " at the end of `item`, or "".
std::string ImoAfter(std::string_view item, std::string_view label) {
  const size_t at = item.find(label);
  if (at == std::string_view::npos) return "";
  const std::string_view rest = Trimmed(item.substr(at + label.size()));
  return Digits(rest, 7) ? std::string(rest) : "";
}

// "a.k.a. 'NAME'" (also f.k.a., n.k.a.): the name between the first and the last quote (a name
// may hold one: 'ABU-'UMAR'). OFAC quotes them with apostrophes in sdn.csv and with double quotes
// in sdn_comments.csv, which continues the same remarks.
bool IsAliasQuote(char c) { return c == '\'' || c == '"'; }

std::string WeakAlias(std::string_view item) {
  for (std::string_view lead : {"a.k.a. ", "f.k.a. ", "n.k.a. "}) {
    if (item.substr(0, lead.size()) != lead) continue;
    const std::string_view quoted = Trimmed(item.substr(lead.size()));
    if (quoted.size() < 3 || !IsAliasQuote(quoted.front()) || quoted.back() != quoted.front()) return "";
    return std::string(Trimmed(quoted.substr(1, quoted.size() - 2)));
  }
  return "";
}

// An item as read: without the full stop ending the last one, nor "alt." before it.
std::string_view ItemText(std::string_view item) {
  item = Trimmed(item);
  if (!item.empty() && item.back() == '.') item.remove_suffix(1);
  if (item.substr(0, 5) == "alt. ") item.remove_prefix(5);
  return item;
}

// The quote a weak alias opens and this item does not close ("a.k.a. 'P"), or 0.
char OpensWeakAlias(std::string_view item) {
  item = ItemText(item);
  for (std::string_view lead : {"a.k.a. ", "f.k.a. ", "n.k.a. "}) {
    if (item.size() <= lead.size() || item.substr(0, lead.size()) != lead || !IsAliasQuote(item[lead.size()])) continue;
    const char quote = item[lead.size()];
    return item.size() == lead.size() + 1 || item.back() != quote ? quote : 0;
  }
  return 0;
}

// Where the item of a weak alias opened before `semi` ends: a weak alias may hold a semicolon
// ("a.k.a. 'P; TEN'"), so it runs to the part whose last character closes the quote. A part
// holding a quote elsewhere starts another item ("DOB 1960; a.k.a. 'Q'"): the alias's quote is
// never closed, and it ends at `semi`, as cut.
size_t WeakAliasEnd(std::string_view remarks, size_t semi, char quote_char) {
  for (size_t next = semi; next < remarks.size();) {
    size_t end = remarks.find(';', next + 1);
    if (end == std::string_view::npos) end = remarks.size();
    const std::string_view part = ItemText(remarks.substr(next + 1, end - next - 1));
    const size_t quote = part.find(quote_char);
    if (quote != std::string_view::npos) return quote + 1 == part.size() ? end : semi;
    next = end;
  }
  return semi;
}

}  // namespace

OfacRemarks ReadOfacRemarks(std::string_view remarks) {
  OfacRemarks out;
  size_t from = 0;
  while (from <= remarks.size()) {
    size_t semi = remarks.find(';', from);
    if (semi == std::string_view::npos) semi = remarks.size();
    if (const char quote = OpensWeakAlias(remarks.substr(from, semi - from))) semi = WeakAliasEnd(remarks, semi, quote);
    const std::string_view item = ItemText(remarks.substr(from, semi - from));
    from = semi + 1;
    if (std::string alias = WeakAlias(item); !alias.empty()) {
      AddUnique(out.weak_aliases, std::move(alias));
      continue;
    }
    bool unread_imo = false;
    ImoNumbersIn(item, out.imos, unread_imo);
    if (unread_imo) out.unread_imos.emplace_back(item);
    if (item.substr(0, 4) == "DOB ") {
      if (auto span = ReadDob(Trimmed(item.substr(4)))) {
        out.births.push_back(*span);
      } else {
        out.unread_births.emplace_back(item);
      }
    } else if (item.substr(0, 3) == "DOB" || item.substr(0, 6) == "D.O.B.") {
      out.unread_births.emplace_back(item);  // "DOB: 1968", "D.O.B. 1968": not OFAC's form, said
    } else if (item.substr(0, 12) == "nationality ") {
      AddUnique(out.nationalities, std::string(Trimmed(item.substr(12))));
    } else if (item.substr(0, 8) == "citizen ") {
      // Citizenship is a nationality for screening: many records give only "citizen Iran".
      AddUnique(out.nationalities, std::string(Trimmed(item.substr(8))));
    } else if (auto imo = ImoAfter(item, "Vessel Registration Identification IMO"); !imo.empty()) {
      if (out.vessel_imo.empty()) out.vessel_imo = imo;
    } else if (auto company = ImoAfter(item, "Company Number IMO"); !company.empty()) {
      if (out.company_imo.empty()) out.company_imo = company;
    } else if (auto id = ImoAfter(item, "Identification Number IMO"); !id.empty()) {
      if (out.company_imo.empty()) out.company_imo = id;
    }
  }
  return out;
}

}  // namespace sancheck::lists
