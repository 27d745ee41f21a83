// ResultFormat: the JSONL result line — escaping, verdict of a record, rule ids and citations.
#include "batch/result_format.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "rules/citations.hpp"

namespace sancheck::batch {
namespace {

constexpr std::string_view kVerdictJson[] = {"\"permitted\"", "\"review\"", "\"prohibited\""};

char* Put(char* p, std::string_view s) {
  if (!s.empty()) std::memcpy(p, s.data(), s.size());  // a null source is undefined even for 0 bytes
  return p + s.size();
}

// Whether any byte of `w` is a control character, '"' or '\\' (the "has zero byte" and "has
// byte less than" tests of the bit-twiddling folklore: exact for "any", whichever byte it is).
inline bool NeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  auto zero_byte = [&](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  return (((w - kOnes * 0x20) & ~w & kHighs) | zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\'))) != 0;
}

// Byte by byte from s[i] on: the escapes themselves.
char* EscapeFrom(char* p, std::string_view s, size_t i) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char ch : s.substr(i)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != '"' && c != '\\') {
      *p++ = ch;
      continue;
    }
    *p++ = '\\';
    switch (c) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\b': *p++ = 'b'; break;
      case '\f': *p++ = 'f'; break;
      case '\n': *p++ = 'n'; break;
      case '\r': *p++ = 'r'; break;
      case '\t': *p++ = 't'; break;
      default:
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 15];
    }
  }
  return p;
}

}  // namespace

char* EscapeJson(char* p, std::string_view s) {
  // Eight bytes at a time while none needs escaping, as in nearly every id: copied whole; the
  // last few as the eight bytes that end the text (those already copied are copied again).
  size_t i = 0;
  uint64_t w;
  for (; s.size() - i >= 8; i += 8, p += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (NeedsEscape(w)) return EscapeFrom(p, s, i);
    std::memcpy(p, &w, 8);
  }
  const size_t rest = s.size() - i;
  if (rest == 0) return p;
  if (s.size() >= 8) {
    std::memcpy(&w, s.data() + s.size() - 8, 8);
    if (!NeedsEscape(w)) {
      std::memcpy(p + rest - 8, &w, 8);
      return p + rest;
    }
  }
  return EscapeFrom(p, s, i);
}

std::string JsonString(std::string_view s) {
  std::string out(s.size() * 6 + 2, '\0');
  char* p = out.data();
  *p++ = '"';
  p = EscapeJson(p, s);
  *p++ = '"';
  out.resize(static_cast<size_t>(p - out.data()));
  return out;
}

std::string ResultFormat::OutputId(const rules::Rule& rule, bool short_ids) {
  if (!short_ids) return rule.info.id;
  const size_t slash = rule.info.id.find('/');
  return slash == std::string::npos ? rule.info.id : rule.info.id.substr(slash + 1);
}

ResultFormat::ResultFormat(const rules::RuleSet& set, const std::vector<uint32_t>& order,
                           const FormatOptions& options)
    : citations_(options.citations),
      no_match_tail_("\",\"verdict\":" + JsonString(options.no_match) + ",\"rules\":[]" +
                     (citations_ ? ",\"citations\":[]" : "") + "}\n") {
  for (uint32_t i : order) {
    const rules::Rule& rule = set.rules[i];
    const std::string id = JsonString(OutputId(rule, options.short_ids));
    rule_json_.push_back(id);
    if (!citations_) continue;
    // One text per day a cited resolution was adopted, so a record's line takes what its date cites.
    std::vector<Date> from = {Date{}};
    for (const auto& cit : rule.info.citations) {
      if (cit.adopted) from.push_back(*cit.adopted);
    }
    std::sort(from.begin(), from.end());
    from.erase(std::unique(from.begin(), from.end()), from.end());
    std::vector<CitationEpoch> epochs;
    for (const Date d : from) {
      std::string c;
      for (const auto& cit : rules::CitationsOn(rule.info.citations, d)) {
        if (!c.empty()) c += ',';
        c += "{\"rule\":" + id + ",\"resolution\":" + JsonString(cit.resolution) +
             ",\"paragraph\":" + JsonString(cit.paragraph) + ",\"text\":" + JsonString(cit.text) + "}";
      }
      epochs.push_back({d, std::move(c)});
    }
    citation_json_.push_back(std::move(epochs));
  }
}

const std::string& ResultFormat::CitationsJson(uint32_t rank, Date date) const {
  const std::vector<CitationEpoch>& epochs = citation_json_[rank];
  size_t i = epochs.size() - 1;
  while (i > 0 && date < epochs[i].from) --i;
  return epochs[i].json;
}

// The screening match behind the record's findings, when one read a party's screening:
// ,"match":{"party":"importer","list":"un-consolidated","reference":"QDe.001","score":0.97}.
// Empty for most records: only findings of screening rules carry a match.
std::string MatchJson(const Finding* findings, size_t count) {
  const Match* m = nullptr;
  for (size_t i = 0; i < count && !m; ++i) m = findings[i].match.get();
  if (!m) return {};
  char score[32];
  std::snprintf(score, sizeof score, "%.4g", m->score);
  return ",\"match\":{\"party\":" + JsonString(m->party) + ",\"list\":" +
         (m->list.empty() ? std::string("null") : JsonString(m->list)) + ",\"reference\":" +
         JsonString(m->reference) + ",\"score\":" + score + (m->possible ? ",\"possible\":true" : "") + "}";
}

Outcome ResultFormat::Append(OutBuf& out, std::string_view id, Date date, const Finding* findings,
                              size_t count) const {
  if (count == 0) {
    // Most records meet no rule: their line is the id between a fixed head and tail.
    char* p = out.Reserve(id.size() * 6 + 8 + no_match_tail_.size());
    p = Put(p, "{\"id\":\"");
    p = EscapeJson(p, id);
    out.Commit(Put(p, no_match_tail_));
    return kOutNoMatch;
  }
  const std::string match = MatchJson(findings, count);
  size_t need = id.size() * 6 + 64 + match.size();
  Verdict worst = Verdict::kPermitted;
  for (size_t i = 0; i < count; ++i) {
    need += rule_json_[findings[i].rank].size() + 1;
    if (citations_) need += CitationsJson(findings[i].rank, date).size() + 1;
    worst = std::max(worst, findings[i].verdict);
  }
  char* p = out.Reserve(need);
  p = Put(p, "{\"id\":\"");
  p = EscapeJson(p, id);
  p = Put(p, "\",\"verdict\":");
  p = Put(p, kVerdictJson[static_cast<int>(worst)]);
  p = Put(p, ",\"rules\":[");
  for (size_t i = 0; i < count; ++i) {
    if (i) *p++ = ',';
    p = Put(p, rule_json_[findings[i].rank]);
  }
  *p++ = ']';
  p = Put(p, match);
  if (citations_) {
    p = Put(p, ",\"citations\":[");
    bool first = true;
    for (size_t i = 0; i < count; ++i) {
      const std::string& c = CitationsJson(findings[i].rank, date);
      if (c.empty()) continue;
      if (!first) *p++ = ',';
      first = false;
      p = Put(p, c);
    }
    *p++ = ']';
  }
  p = Put(p, "}\n");
  out.Commit(p);
  switch (worst) {
    case Verdict::kProhibited: return kOutProhibited;
    case Verdict::kReview: return kOutReview;
    default: return kOutPermitted;
  }
}

void ResultFormat::AppendError(OutBuf& out, const std::string& file, const RecordError& e) const {
  std::string line = "{\"id\":" + (e.id.empty() ? std::string("null") : JsonString(e.id)) +
                     ",\"verdict\":\"error\",\"rules\":[],\"error\":{\"file\":" + JsonString(file) +
                     ",\"line\":" + std::to_string(e.line) + ",\"column\":" + std::to_string(e.column) +
                     ",\"field\":" + (e.field.empty() ? std::string("null") : JsonString(e.field)) +
                     ",\"code\":" + JsonString(e.code) + ",\"message\":" + JsonString(e.message) + "}}\n";
  out.Append(line);
}

}  // namespace sancheck::batch
