// One-slip tests (adjacent swap, dropped letter, neighbouring key) used by normalisation and alignment.
#include "screen/typo_edits.hpp"

#include <array>
#include <cstdint>

namespace sancheck::screen {
namespace {

// Each letter's neighbouring keys on a QWERTY keyboard (the rows beside it, diagonals included),
// as bit sets over 'a'..'z', made once at compile time from the rows.
constexpr std::array<uint32_t, 26> NeighbourKeys() {
  constexpr std::array<const char*, 3> rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  std::array<uint32_t, 26> out{};
  auto link = [&](char a, char b) {
    out[static_cast<size_t>(a - 'a')] |= uint32_t{1} << (b - 'a');
    out[static_cast<size_t>(b - 'a')] |= uint32_t{1} << (a - 'a');
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t k = 0; rows[r][k] != 0; ++k) {
      if (rows[r][k + 1] != 0) link(rows[r][k], rows[r][k + 1]);  // beside it on its row
      if (r + 1 < rows.size()) {
        // The row below is offset to the right: key k touches its keys k-1 and k
        // (q: a; w: a, s; a: z; s: z, x).
        const char* below = rows[r + 1];
        size_t below_len = 0;
        while (below[below_len] != 0) ++below_len;
        if (k < below_len) link(rows[r][k], below[k]);
        if (k >= 1 && k - 1 < below_len) link(rows[r][k], below[k - 1]);
      }
    }
  }
  return out;
}

constexpr std::array<uint32_t, 26> kNeighbourKeys = NeighbourKeys();

bool Neighbours(char a, char b) {
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return false;
  return (kNeighbourKeys[static_cast<size_t>(a - 'a')] >> (b - 'a') & 1) != 0;
}

}  // namespace

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

bool OneNeighbourKey(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < kNeighbourKeyMinLength) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return i < a.size() && Neighbours(a[i], b[i]) && a.substr(i + 1) == b.substr(i + 1);
}

}  // namespace sancheck::screen
