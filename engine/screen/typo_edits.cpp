// One-slip tests (adjacent swap, dropped letter) used by normalisation and alignment.
#include "screen/typo_edits.hpp"

namespace sancheck::screen {

bool OneAdjacentSwap(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i + 1 >= a.size() || a[i] != b[i + 1] || a[i + 1] != b[i]) return false;
  return a.substr(i + 2) == b.substr(i + 2);
}

bool OneLetterDropped(std::string_view longer, std::string_view shorter) {
  if (longer.size() != shorter.size() + 1) return false;
  size_t i = 0;
  while (i < shorter.size() && longer[i] == shorter[i]) ++i;
  return longer.substr(i + 1) == shorter.substr(i);
}

bool OneLetterDoubled(std::string_view longer, std::string_view shorter) {
  if (longer.size() != shorter.size() + 1) return false;
  size_t i = 0;
  while (i < shorter.size() && longer[i] == shorter[i]) ++i;
  // longer[i] is the extra letter: a double when it repeats the letter before or after it.
  const bool repeats = (i > 0 && longer[i] == longer[i - 1]) || (i + 1 < longer.size() && longer[i] == longer[i + 1]);
  return repeats && longer.substr(i + 1) == shorter.substr(i);
}

bool OneSlipApart(std::string_view a, std::string_view b) {
  return OneAdjacentSwap(a, b) || OneLetterDropped(a, b) || OneLetterDropped(b, a);
}

}  // namespace sancheck::screen
