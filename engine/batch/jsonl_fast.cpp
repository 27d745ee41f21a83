// Fast path of the JSONL reader: a common line read from its quote map, no unescaping, no messages (it declines instead).
#include "batch/jsonl_fast.hpp"

#include <array>
#include <cstring>

#include "batch/json_number.hpp"
#include "batch/line_map.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sancheck::batch {
namespace {

// Whitespace as the strict scanner skips it, so that both read the same lines.
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// What comes before a field's value in a generated line: the separator, the key, the colon
// and the value's opening '"' or '[' (`,"date":"`, `{"id":"` for the first key), zero-padded.
// Generated lines give their keys in FieldKey order without whitespace, so the field expected
// next is first compared whole, in two loads; any other layout takes the token-by-token path.
struct FieldLead {
  alignas(16) char bytes[32] = {};
  uint32_t mask = 0;  // one bit per byte of the lead
  size_t size = 0;
};

constexpr std::array<FieldLead, kFieldCount> MakeFieldLeads() {
  std::array<FieldLead, kFieldCount> out{};
  for (int k = 0; k < kFieldCount; ++k) {
    FieldLead& lead = out[static_cast<size_t>(k)];
    size_t n = 0;
    lead.bytes[n++] = k == 0 ? '{' : ',';
    lead.bytes[n++] = '"';
    for (char c : kFieldNames[k]) lead.bytes[n++] = c;
    lead.bytes[n++] = '"';
    lead.bytes[n++] = ':';
    const auto key = static_cast<FieldKey>(k);
    if (key == FieldKey::kTags) {
      lead.bytes[n++] = '[';
    } else if (key != FieldKey::kQuantity && key != FieldKey::kValueUsd) {
      lead.bytes[n++] = '"';
    }
    lead.size = n;
    lead.mask = (1u << n) - 1;
  }
  return out;
}

constexpr std::array<FieldLead, kFieldCount> kFieldLeads = MakeFieldLeads();

// Whether [p, last) starts with `lead`.
inline bool LeadAt(const char* p, const char* last, const FieldLead& lead) {
#if defined(__SSE2__)
  if (last - p >= 32) {
    const auto* bytes = reinterpret_cast<const __m128i*>(lead.bytes);
    const __m128i lo = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_load_si128(bytes));
    const __m128i hi = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16)), _mm_load_si128(bytes + 1));
    const uint32_t equal = static_cast<uint32_t>(_mm_movemask_epi8(lo)) | static_cast<uint32_t>(_mm_movemask_epi8(hi)) << 16;
    return (equal & lead.mask) == lead.mask;
  }
#endif
  return static_cast<size_t>(last - p) >= lead.size && std::memcmp(p, lead.bytes, lead.size) == 0;
}

// One line [begin, last) whose last byte is the object's '}' and whose map says it holds no
// backslash and no control character. Every token read before that '}' ends before it ('}'
// ends no string, number, key or list), so skipping whitespace needs no bound, and every
// quote opens or closes a string.
class CommonLine {
 public:
  CommonLine(char* begin, char* last, const LineMap& map) : begin_(begin), last_(last), p_(begin), map_(map) {}

  bool Read(RawRecord& rec) {
    const int canonical = Canonical<0>(rec);
    if (canonical < 0) return false;
    uint32_t seen = (1u << canonical) - 1;  // one bit per FieldKey read
    int expected = canonical;               // the field a generated line gives next
    for (;;) {
      FieldKey field;
      bool opened;  // the value's '"' or '[' is read
      if (expected < kFieldCount && LeadAt(p_, last_, kFieldLeads[static_cast<size_t>(expected)])) {
        field = static_cast<FieldKey>(expected);
        p_ += kFieldLeads[static_cast<size_t>(expected)].size;
        opened = true;
      } else {
        Skip();
        if (expected == 0 ? *p_ != '{' : *p_ != ',') return expected > 0 && *p_ == '}' && p_ + 1 == last_;
        ++p_;
        Skip();
        if (!Key(field)) return false;
        opened = false;
      }
      const uint32_t bit = 1u << static_cast<int>(field);
      if ((seen & bit) != 0) return false;  // the scanner names the repeated key
      seen |= bit;
      expected = static_cast<int>(field) + 1;
      std::string_view value;
      int column;
      bool ok;
      switch (field) {
        case FieldKey::kQuantity:
        case FieldKey::kValueUsd:
          column = Column();
          ok = Number(value);
          break;
        case FieldKey::kTags:
          column = Opened(opened, '[');
          ok = column > 0 && Tags(rec);
          break;
        default:
          column = Opened(opened, '"');
          ok = column > 0 && StringRest(value);
          break;
      }
      if (!ok) return false;
      rec.Set(field, value, column);
    }
  }

 private:
  char* const begin_;
  char* const last_;
  char* p_;
  const LineMap& map_;

  void Skip() {
    while (IsSpace(*p_)) ++p_;
  }

  // Fields K, K+1, ... as a generated line gives them, each lead compared and each value read
  // with the field known at compile time: the number of fields read in FieldKey order before
  // a lead differs (Read goes on token by token from there), or -1 when a value after its
  // lead is not one the fast path reads.
  template <int K>
  int Canonical(RawRecord& rec) {
    if constexpr (K == kFieldCount) {
      return K;
    } else {
      constexpr FieldLead lead = kFieldLeads[K];
      if (!LeadAt(p_, last_, lead)) return K;
      p_ += lead.size;
      constexpr auto field = static_cast<FieldKey>(K);
      std::string_view value;
      if constexpr (field == FieldKey::kQuantity || field == FieldKey::kValueUsd) {
        const int column = Column();
        if (!Number(value)) return -1;
        rec.Set(field, value, column);
      } else {
        const int column = Column() - 1;  // at the '"' or '[' the lead ends with
        if (field == FieldKey::kTags ? !Tags(rec) : !StringRest(value)) return -1;
        rec.Set(field, value, column);
      }
      return Canonical<K + 1>(rec);
    }
  }

  int Column() const { return static_cast<int>(p_ - begin_) + 1; }

  // Reads the value's opening byte unless the lead did; the value's column, or 0 when the
  // byte is not `open` (a value of another type: the scanner's error to name).
  int Opened(bool opened, char open) {
    if (opened) return Column() - 1;
    if (*p_ != open) return 0;
    ++p_;
    return Column() - 1;
  }

  // A key, then the colon, read token by token. Unknown keys are skipped, and their values
  // checked, by the scanner alone.
  bool Key(FieldKey& field) {
    std::string_view key;
    if (*p_ != '"') return false;
    ++p_;
    if (!StringRest(key)) return false;
    field = FieldByName(key);
    if (field == FieldKey::kCount) return false;
    Skip();
    if (*p_ != ':') return false;
    ++p_;
    Skip();
    return true;
  }

  // The rest of a string whose '"' was read: its closing quote is the next one on the map.
  bool StringRest(std::string_view& out) {
    const size_t from = static_cast<size_t>(p_ - begin_);
    const size_t close = map_.NextQuote(from);
    if (close == LineMap::kNone) return false;
    out = std::string_view(p_, close - from);
    p_ = begin_ + close + 1;
    return true;
  }

  bool Number(std::string_view& out) {
    // A string, null or anything else where a number belongs is the strict scanner's error to name.
    if (!(*p_ == '-' || (*p_ >= '0' && *p_ <= '9'))) return false;
    const NumberScan n = ScanJsonNumber(p_, last_);
    if (n.error) return false;
    out = std::string_view(p_, static_cast<size_t>(n.end - p_));
    p_ = n.end;
    return true;
  }

  // The rest of a list of tags whose '[' was read.
  bool Tags(RawRecord& rec) {
    Skip();
    if (*p_ == ']') {
      ++p_;
      return true;
    }
    for (;;) {
      Skip();
      std::string_view tag;
      if (*p_ != '"') return false;
      ++p_;
      if (!StringRest(tag)) return false;
      rec.tags.push_back(tag);
      Skip();
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      return true;
    }
  }
};

}  // namespace

bool ReadCommonJsonLine(char* begin, char* end, const LineMap& map, RawRecord& rec) {
  rec.Clear();
  // Trailing whitespace (a CRLF line's '\r') may be special to the map: the line is read without it.
  char* last = end;
  while (last > begin && IsSpace(last[-1])) --last;
  if (last == begin || last[-1] != '}') return false;
  if (!map.mapped() || !map.PlainBefore(static_cast<size_t>(last - begin))) return false;
  if (!CommonLine(begin, last, map).Read(rec)) return false;
  rec.ascii = map.ascii();
  return true;
}

}  // namespace sancheck::batch
