// CSV record boundaries by quote parity (the field scanner itself is inline in the header).
#include "common/csv_scan.hpp"

#include <cstring>

namespace sancheck {

const char* CsvRecordEnd(const char* begin, const char* end) {
  bool quoted = false;
  for (const char* p = begin; p < end; ++p) {
    const char* stop = static_cast<const char*>(std::memchr(p, quoted ? '"' : '\n', static_cast<size_t>(end - p)));
    if (!quoted) {
      const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>((stop ? stop : end) - p)));
      if (!q) return stop ? stop : end;
      quoted = true;
      p = q;
      continue;
    }
    if (!stop) return end;
    quoted = false;
    p = stop;
  }
  return end;
}

}  // namespace sancheck
