// Reads one alias field of an official list that holds several names and remarks into separate names.
#include "lists/alias_text.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "lists/import_text.hpp"

namespace sancheck::lists {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `s` cut where `separator_at(s, i)` gives a separator's length, outside parentheses: a remark
// in parentheses may hold one itself.
template <typename SeparatorAt>
std::vector<std::string_view> SplitOutsideParentheses(std::string_view s, SeparatorAt separator_at) {
  std::vector<std::string_view> parts;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    const size_t length = depth == 0 ? separator_at(s, i) : 0;
    if (length == 0) continue;
    parts.push_back(s.substr(start, i - start));
    start = i + length;
    i = start - 1;
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::vector<std::string_view> SplitAtSemicolons(std::string_view s) {
  return SplitOutsideParentheses(s, [](std::string_view t, size_t i) -> size_t { return t[i] == ';' ? 1 : 0; });
}

// Where the parenthesis closing `s` opens, or npos when `s` does not end in one or it is unpaired.
size_t OpeningOfFinalGroup(std::string_view s) {
  if (s.empty() || s.back() != ')') return std::string_view::npos;
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == ')') ++depth;
    if (s[i] == '(' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// "b) M. Javad": an enumeration's letter and parenthesis standing as a word of their own.
bool IsEnumerationAt(std::string_view s, size_t i) {
  return i + 1 < s.size() && IsLower(s[i]) && s[i + 1] == ')' && (i == 0 || s[i - 1] == ' ') &&
         (i + 2 == s.size() || s[i + 2] == ' ');
}

std::vector<std::string_view> SplitEnumeration(std::string_view s) {
  return SplitOutsideParentheses(s, [](std::string_view t, size_t i) -> size_t { return IsEnumerationAt(t, i) ? 2 : 0; });
}

// `text` is `lower` (lower case) in any case.
bool EqualsFolded(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() &&
         std::equal(text.begin(), text.end(), lower.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

bool WordAt(std::string_view s, size_t i, std::string_view word) {
  if (i + word.size() > s.size() || !EqualsFolded(s.substr(i, word.size()), word)) return false;
  const size_t end = i + word.size();
  return end == s.size() || !std::isalnum(static_cast<unsigned char>(s[end]));
}

// Where a birth remark starts ("born in 1963", ", born 1 Jan. 1953"), or npos: "born" as a word
// after the name, followed by a place ("in"), a day ("on"), a date or an approximation.
size_t BirthRemarkAt(std::string_view s) {
  for (size_t i = 1; i + 4 < s.size(); ++i) {
    if (s[i - 1] != ' ' || !WordAt(s, i, "born")) continue;
    const std::string_view rest = Trimmed(s.substr(i + 4));
    if (rest.empty()) continue;
    if (IsDigit(rest.front()) || WordAt(rest, 0, "in") || WordAt(rest, 0, "on") || WordAt(rest, 0, "circa") ||
        WordAt(rest, 0, "c") || WordAt(rest, 0, "approximately") || WordAt(rest, 0, "about")) {
      return i;
    }
  }
  return std::string_view::npos;
}

// The first year 1900-2100 a birth remark names outside parentheses (a passport's dates of issue
// and expiry follow in one), or 0.
int FirstYearIn(std::string_view remark) {
  int depth = 0;
  for (size_t i = 0; i < remark.size(); ++i) {
    if (remark[i] == '(') ++depth;
    if (remark[i] == ')' && depth > 0) --depth;
    if (depth > 0 || !IsDigit(remark[i]) || (i > 0 && IsDigit(remark[i - 1]))) continue;
    size_t end = i;
    while (end < remark.size() && IsDigit(remark[end])) ++end;
    if (end - i == 4) {
      const int year = std::stoi(std::string(remark.substr(i, 4)));
      if (year >= 1900 && year <= 2100) return year;
    }
    i = end;
  }
  return 0;
}

// "هيئة تحرير الشام (original script)": the UN's marker of a name in its own script.
std::string_view WithoutScriptMarker(std::string_view s) {
  const size_t open = OpeningOfFinalGroup(s);
  if (open == std::string_view::npos) return s;
  const std::string_view inner = s.substr(open + 1, s.size() - open - 2);
  return EqualsFolded(inner, "original script") ? Trimmed(s.substr(0, open)) : s;
}

std::string_view WithoutTrailingPunctuation(std::string_view s) {
  while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// The names kept so far, to keep each once in time linear in a field of thousands.
using Seen = std::unordered_set<std::string_view>;

void AddName(AliasText& out, Seen& seen, std::string_view piece) {
  std::string_view name = Trimmed(piece);
  if (const size_t born = BirthRemarkAt(name); born != std::string_view::npos) {
    const std::string_view remark = Trimmed(name.substr(born));
    out.remarks.emplace_back(remark);
    if (const int year = FirstYearIn(remark); year != 0) out.birth_years.push_back(year);
    name = Trimmed(name.substr(0, born));
  }
  name = WithoutTrailingPunctuation(Trimmed(WithoutScriptMarker(WithoutTrailingPunctuation(name))));
  if (!name.empty() && seen.insert(name).second) out.names.emplace_back(name);
}

// Lists in parentheses nest this deep at most in a real field (a name's own remark inside a
// list); a hostile one nested thousands deep is read as names no deeper, in linear time and
// without recursing down the stack.
constexpr int kMaxNesting = 4;

void ReadPiece(AliasText& out, Seen& seen, std::string_view piece, int depth) {
  piece = Trimmed(piece);
  // "X (A; B; C)": X and each name listed in its parenthesis.
  const size_t open = depth < kMaxNesting ? OpeningOfFinalGroup(piece) : std::string_view::npos;
  if (open != std::string_view::npos) {
    const std::string_view inner = piece.substr(open + 1, piece.size() - open - 2);
    const std::vector<std::string_view> parts = SplitAtSemicolons(inner);
    if (parts.size() > 1) {
      ReadPiece(out, seen, piece.substr(0, open), depth + 1);
      for (const std::string_view part : parts) ReadPiece(out, seen, part, depth + 1);
      return;
    }
  }
  for (const std::string_view part : SplitEnumeration(piece)) AddName(out, seen, part);
}

}  // namespace

AliasText SplitAliasText(std::string_view field) {
  AliasText out;
  Seen seen;  // views into `field`, which outlives the call
  for (const std::string_view piece : SplitAtSemicolons(Trimmed(field))) ReadPiece(out, seen, piece, 0);
  return out;
}

}  // namespace sancheck::lists
