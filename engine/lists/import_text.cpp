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

// "hh:mm" with hh at most `max_hours`: the time of day and a zone's offset.
bool HoursMinutes(std::string_view s, int max_hours) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (const size_t k : {0, 1, 3, 4}) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  return (s[0] - '0') * 10 + (s[1] - '0') <= max_hours && s[3] <= '5';
}

}  // namespace

std::optional<Date> ParseListDate(std::string_view s) {
  s = Trimmed(s);
  if (s.size() < 10) return std::nullopt;
  std::string_view rest = s.substr(10);
  // A time: "T10:00:09", a fraction of a second after it allowed.
  if (!rest.empty() && rest[0] == 'T') {
    if (rest.size() < 9 || !HoursMinutes(rest.substr(1, 5), 24) || rest[6] != ':' || rest[7] < '0' || rest[7] > '6' ||
        rest[8] < '0' || rest[8] > '9') {
      return std::nullopt;
    }
    rest.remove_prefix(9);
    if (!rest.empty() && rest[0] == '.') {
      const size_t end = std::min(rest.find_first_not_of("0123456789", 1), rest.size());
      if (end == 1) return std::nullopt;  // a point without a digit
      rest.remove_prefix(end);
    }
  }
  // A zone: "Z" or an offset "-05:00".
  const bool zone_ok = rest.empty() || rest == "Z" ||
                       (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && HoursMinutes(rest.substr(1), 14));
  return zone_ok ? Date::Parse(s.substr(0, 10)) : std::nullopt;
}

void AddUnique(std::vector<std::string>& to, std::string value) {
  if (value.empty() || std::find(to.begin(), to.end(), value) != to.end()) return;
  to.push_back(std::move(value));
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
