// Trimming, folding, abridging and zoned dates for the list importers.
#include "lists/import_text.hpp"

#include <algorithm>

#include "common/utf8.hpp"

namespace sancheck::lists {

std::string_view Trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string FoldSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : Trimmed(s)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Abridged(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  return std::string(Trimmed(Utf8Prefix(s, max_bytes))) + "...";
}

std::optional<Date> ParseListDate(std::string_view s) {
  s = Trimmed(s);
  if (s.size() > 10) {
    const std::string_view zone = s.substr(10);
    const bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
                        std::all_of(zone.begin() + 1, zone.end(), [](char c) { return c == ':' || (c >= '0' && c <= '9'); });
    if (zone != "Z" && !offset) return std::nullopt;
    s = s.substr(0, 10);
  }
  return Date::Parse(s);
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

}  // namespace sancheck::lists
