// Fast path of the JSONL reader: a common line read from its quote map, escapes decoded last, no messages (it declines instead).
#include "batch/jsonl_fast.hpp"

#include <array>
#include <cstring>

#include "batch/json_text.hpp"
#include "batch/line_map.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sancheck::batch {
namespace {

// Whitespace as the strict scanner skips it, so that both read the same lines.

// What comes before a field's value in a generated line: the separator, the key, the colon
// and the value's opening '"' or '[' (`,"date":"`, `{"id":"` for the first key). Generated
// lines give their keys in FieldKey order without whitespace, so the field expected next is
// first compared whole; any other layout is read token by token.
struct FieldLead {
  char bytes[32] = {};
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
  }
  return out;
}

constexpr std::array<FieldLead, kFieldCount> kFieldLeads = MakeFieldLeads();

// Whether [p, last) starts with `lead`.
inline bool LeadAt(const char* p, const char* last, const FieldLead& lead) {
  return static_cast<size_t>(last - p) >= lead.size && std::memcmp(p, lead.bytes, lead.size) == 0;
}

// The same for field K's lead, known at compile time: one 16-byte comparison, or two
// overlapping ones for a lead of 17 to 32 bytes.
template <int K>
inline bool LeadAt(const char* p, const char* last) {
  constexpr const FieldLead& lead = kFieldLeads[K];
  constexpr size_t size = lead.size;
  static_assert(size <= 32);
#if defined(__SSE2__)
  if (last - p >= 16 && static_cast<size_t>(last - p) >= size) {
    auto equal = [](const char* a, const char* b) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
      const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)));
    };
    if constexpr (size <= 16) {
      constexpr unsigned mask = (1u << size) - 1;
      return (equal(p, lead.bytes) & mask) == mask;
    } else {
      return equal(p, lead.bytes) == 0xFFFF && equal(p + size - 16, lead.bytes + size - 16) == 0xFFFF;
    }
  }
#endif
  return LeadAt(p, last, lead);
}

// One line [begin, last) whose last byte is the object's '}' and whose map says it holds no
// control character. Every token read before that '}' ends before it ('}' ends no string,
// number, key or list), so skipping whitespace needs no bound. kEscapes: the line holds a
// backslash, so each string is looked at for escapes (a separate copy of the walk, so that
// the lines without one pay nothing for it).
template <bool kEscapes>
class CommonLine {
 public:
  CommonLine(char* begin, char* last, const LineMap& map) : begin_(begin), last_(last), p_(begin), map_(map) {}

  bool escaped() const { return escaped_count_ > 0; }

  // Decodes the strings with escapes in place: only once Read has read the whole line, so that
  // a line the fast path declines reaches the scanner as it came. Read found each well-formed.
  void Decode() {
    for (int i = 0; i < escaped_count_; ++i) UnescapeString<true>(escaped_[i], last_, escaped_[i]);
  }

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
        case FieldKey::kValueUsd: {
          column = Column();
          bool plain = false;
          ok = Number(value, plain);
          rec.plain_numbers |= static_cast<uint16_t>(plain) << static_cast<int>(field);
          break;
        }
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
  static constexpr int kMaxEscaped = 16;
  char* escaped_[kMaxEscaped];  // where the strings with escapes start, for Decode
  int escaped_count_ = 0;

  void Skip() {
    while (IsJsonSpace(*p_)) ++p_;
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
      if (!LeadAt<K>(p_, last_)) return K;
      p_ += kFieldLeads[K].size;
      constexpr auto field = static_cast<FieldKey>(K);
      std::string_view value;
      if constexpr (field == FieldKey::kQuantity || field == FieldKey::kValueUsd) {
        const int column = Column();
        bool plain = false;
        if (!Number(value, plain)) return -1;
        rec.Set(field, value, column);
        rec.plain_numbers |= static_cast<uint16_t>(plain) << K;
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
  // checked, by the scanner alone; so are keys with escapes, which would need decoding first.
  bool Key(FieldKey& field) {
    std::string_view key;
    if (*p_ != '"') return false;
    ++p_;
    const int escaped = escaped_count_;
    if (!StringRest(key) || escaped_count_ != escaped) return false;
    field = FieldByName(key);
    if (field == FieldKey::kCount) return false;
    Skip();
    if (*p_ != ':') return false;
    ++p_;
    Skip();
    return true;
  }

  // The rest of a string whose '"' was read: without a backslash before the next quote on the
  // map, that quote closes it.
  bool StringRest(std::string_view& out) {
    const size_t from = static_cast<size_t>(p_ - begin_);
    const size_t close = map_.NextQuote(from);
    if (close >= static_cast<size_t>(last_ - begin_)) return false;
    if constexpr (kEscapes) {
      if (map_.BackslashIn(from, close)) return EscapedRest(out);
    }
    out = std::string_view(p_, close - from);
    p_ = begin_ + close + 1;
    return true;
  }

  // A string with escapes (the next quote may be one): its end and decoded length measured
  // without writing, its decoding left to Decode. (Nothing here takes the line's address, so
  // that its cursor stays in a register on the common path.)
  bool EscapedRest(std::string_view& out) {
    if (escaped_count_ == kMaxEscaped) return false;
    const Unescaped u = UnescapeString<false>(p_, last_, p_);
    if (u.error) return false;
    escaped_[escaped_count_++] = p_;
    out = std::string_view(p_, static_cast<size_t>(u.end - p_));
    p_ = u.next;
    return true;
  }

  bool Number(std::string_view& out, bool& plain) {
    // A string, null or anything else where a number belongs is the strict scanner's error to name.
    if (!(*p_ == '-' || (*p_ >= '0' && *p_ <= '9'))) return false;
    const NumberScan n = ScanJsonNumber(p_, last_);
    if (n.error) return false;
    out = std::string_view(p_, static_cast<size_t>(n.end - p_));
    plain = n.plain;
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

// The walk over a line, its decoding and the record's hints. The line's state is local here,
// so that the compiler keeps its cursor in a register.
template <bool kEscapes>
bool ReadLine(char* begin, char* last, const LineMap& map, RawRecord& rec) {
  CommonLine<kEscapes> line(begin, last, map);
  if (!line.Read(rec)) return false;
  line.Decode();
  rec.ascii = map.ascii() && !line.escaped();  // a \u escape may decode past ASCII
  return true;
}

}  // namespace

bool ReadCommonJsonLine(char* begin, char* end, const LineMap& map, RawRecord& rec) {
  rec.Clear();
  // Trailing whitespace (a CRLF line's '\r') may be special to the map: the line is read without it.
  char* last = end;
  while (last > begin && IsJsonSpace(last[-1])) --last;
  if (last == begin || last[-1] != '}') return false;
  if (!map.mapped() || !map.NoControlBefore(static_cast<size_t>(last - begin))) return false;
  return map.backslash() ? ReadLine<true>(begin, last, map, rec) : ReadLine<false>(begin, last, map, rec);
}

}  // namespace sancheck::batch
