// Trimming, folding, abridging and zoned dates for the list importers.
#include "lists/import_text.hpp"

#include <algorithm>
#include <cctype>

#include "common/utf8.hpp"

namespace sancheck::lists {

std::string_view Trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

// The bytes of a space at `s[i]`: ASCII blanks, and the Unicode spaces lists paste into names
// (no-break U+00A0, U+2000-U+200A, narrow no-break U+202F, U+205F, ideographic U+3000), which
// would otherwise stay inside a word ("KIM\u00A0 SONG"); 0 for anything else.
size_t SpaceAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') return 1;
  if (b(0) == 0xC2 && b(1) == 0xA0) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xAF) && b(2) >= 0x80) return 3;
  if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;
  if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  return 0;
}

}  // namespace

std::string FoldSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    if (const size_t n = SpaceAt(s, i)) {
      space = true;
      i += n;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

std::string Abridged(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  return std::string(Trimmed(Utf8Prefix(s, max_bytes))) + "...";
}

namespace {

// Two digits from `s` as a number, or -1.
int TwoDigits(std::string_view s) {
  if (s.size() < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

// "hh:mm": a zone's offset, at most 14:00 (xs:dateTime's range).
bool ZoneOffset(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return false;
  const int h = TwoDigits(s), m = TwoDigits(s.substr(3));
  return h >= 0 && m >= 0 && m <= 59 && (h < 14 || (h == 14 && m == 0));
}

}  // namespace

std::optional<Date> ParseListDate(std::string_view s) {
  s = Trimmed(s);
  if (s.size() < 10) return std::nullopt;
  std::string_view rest = s.substr(10);
  // A time: "T10:00:09", a fraction of a second after it allowed; 24:00:00 is the day's end and
  // second 60 a leap second, as xs:dateTime has them.
  if (!rest.empty() && rest[0] == 'T') {
    if (rest.size() < 9 || rest[3] != ':' || rest[6] != ':') return std::nullopt;
    const int h = TwoDigits(rest.substr(1)), m = TwoDigits(rest.substr(4)), sec = TwoDigits(rest.substr(7));
    if (h < 0 || m < 0 || sec < 0 || m > 59 || sec > 60 || h > 24 || (h == 24 && (m != 0 || sec != 0))) return std::nullopt;
    rest.remove_prefix(9);
    if (!rest.empty() && rest[0] == '.') {
      const size_t end = std::min(rest.find_first_not_of("0123456789", 1), rest.size());
      if (end == 1) return std::nullopt;  // a point without a digit
      rest.remove_prefix(end);
    }
  }
  // A zone: "Z" or an offset "-05:00".
  const bool zone_ok = rest.empty() || rest == "Z" ||
                       (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && ZoneOffset(rest.substr(1)));
  return zone_ok ? Date::Parse(s.substr(0, 10)) : std::nullopt;
}

bool BornAfter(const screen::BirthSpan& span, Date list_date) {
  return span.born.year > list_date.Year() || (span.born.date && *span.born.date > list_date);
}

void AddUnique(std::vector<std::string>& to, std::string value) {
  if (value.empty() || std::find(to.begin(), to.end(), value) != to.end()) return;
  to.push_back(std::move(value));
}

void AddUnique(std::vector<screen::BirthSpan>& to, const screen::BirthSpan& span) {
  const bool seen = std::any_of(to.begin(), to.end(), [&](const screen::BirthSpan& s) {
    return s.born.year == span.born.year && s.born.date == span.born.date && s.until == span.until;
  });
  if (!seen) to.push_back(span);
}

std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string Joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

void ImoNumbersIn(std::string_view text, std::vector<std::string>& out, bool& unread) {
  for (size_t at = text.find("IMO"); at != std::string_view::npos; at = text.find("IMO", at + 3)) {
    // A word of its own: "IMO", not the end of "ZIMOUSKY".
    if (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) continue;
    std::string_view rest = text.substr(at + 3);
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front()))) continue;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':' || rest.front() == ')')) rest.remove_prefix(1);
    if (rest.substr(0, 6) == "Number" || rest.substr(0, 6) == "number") rest.remove_prefix(6);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':')) rest.remove_prefix(1);
    size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    if (digits == 7) {
      AddUnique(out, std::string(rest.substr(0, 7)));
    } else {
      unread = true;
    }
  }
}

}  // namespace sancheck::lists
