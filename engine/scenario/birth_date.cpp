// BirthDate::Parse(): a year or a full date of birth, read the same way by every input.
#include <charconv>

#include "sancheck/scenario.hpp"

namespace sancheck {

std::optional<BirthDate> BirthDate::Parse(std::string_view text) {
  // Plausible years of birth of a listed person; anything else is a typo, not a person.
  constexpr int kFirstYear = 1900, kLastYear = 2100;
  if (text.size() == 4) {
    int year = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), year);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
    if (year < kFirstYear || year > kLastYear) return std::nullopt;
    return BirthDate{year, std::nullopt};
  }
  const auto d = Date::Parse(text);
  if (!d || d->Year() < kFirstYear || d->Year() > kLastYear) return std::nullopt;
  return BirthDate{d->Year(), d};
}

}  // namespace sancheck
