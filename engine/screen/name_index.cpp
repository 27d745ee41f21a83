// Builds, encodes and searches the screening index: names in an arena, postings
// in CSR arrays, weight-bounded candidate search.
#include "screen/name_index.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "screen/transliterate.hpp"

namespace sancheck::screen {
namespace {

// Tokens this long or longer are also indexed by their single-deletion
// variants, so a one-letter typo still finds the name: a letter dropped, added,
// replaced or two swapped leaves a deletion both spellings share. Three-letter
// syllables too ("osn" / "son", "rii" / "ri"), whose slips alignment pairs: the
// candidate search leaves out only what shares no key (see Collect).
constexpr size_t kMinDeletionLength = 3;
// How much listed-name weight one query token's weight can pair with: a token
// pairs only with tokens (or joined runs) of at most 3/2 its length, whose
// weight is their length; a generic word weighs 0.4 of its length on the query
// side but may pair with a distinctive one.
constexpr float kReach = 1.5f;
constexpr float kGenericReach = 1.5f / 0.4f;
// An encoded length meaning "the same text as the previous field" (canon ==
// raw, whole == canon).
constexpr uint8_t kSame = 0xFF;

// Every key of a name, with the unit it belongs to: token i is unit i, join j
// is unit tokens.size() + j. Indexing and searching both use it, so they agree
// by construction.
template <typename F>
void ForEachKey(const NormalizedName& n, F&& f) {
  for (size_t u = 0; u < n.tokens.size(); ++u) {
    const NameToken& t = n.tokens[u];
    f(u, t.canon_hash);
    // Short Korean syllables too: a letter dropped or swapped in one is paired
    // for review.
    if (!t.numeric() && t.canon.size() >= kMinDeletionLength) {
      for (size_t i = 0; i < t.canon.size(); ++i) f(u, HashText(t.canon, i));
    }
    // The written form as well when romanisation rewrote it: a slip can make a
    // word that no longer reads as Korean ("jiindallae", "yogn"), whose canon
    // then differs from the listed word's more than the writing does.
    if (t.raw_hash != t.canon_hash && !t.numeric()) {
      f(u, t.raw_hash);
      if (t.raw.size() >= kMinDeletionLength) {
        for (size_t i = 0; i < t.raw.size(); ++i) f(u, HashText(t.raw, i));
      }
    }
  }
  for (size_t j = 0; j < n.joins.size(); ++j) {
    const JoinedTokens& jt = n.joins[j];
    f(n.tokens.size() + j, HashText(jt.canon));
    if (jt.whole != jt.canon) f(n.tokens.size() + j, jt.whole_hash);
  }
}

bool IsAcronymAlias(std::string_view s) {
  if (s.size() < 2 || s.size() > 5) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void PutText(std::string& arena, const std::string& text, const std::string* same_as) {
  if (same_as && text == *same_as) {
    arena += static_cast<char>(kSame);
    return;
  }
  const size_t len = std::min<size_t>(text.size(), kSame - 1);
  arena += static_cast<char>(len);
  arena.append(text, 0, len);
}

void Encode(const NormalizedName& n, std::string& arena) {
  arena += static_cast<char>(n.tokens.size());
  arena += static_cast<char>(n.joins.size());
  for (const NameToken& t : n.tokens) {
    arena += static_cast<char>(t.flags);
    char w[sizeof(float)];
    std::memcpy(w, &t.weight, sizeof w);
    arena.append(w, sizeof w);
    PutText(arena, t.raw, nullptr);
    PutText(arena, t.canon, &t.raw);
  }
  for (const JoinedTokens& j : n.joins) {
    arena += static_cast<char>(j.mask & 0xFF);
    arena += static_cast<char>(j.mask >> 8);
    PutText(arena, j.whole, &j.canon);
  }
}

// Reads one encoded name at `pos`, bounds-checked (a loaded index is checked
// with it, and decoding stays safe on it). False when the bytes do not hold a
// well-formed name.
class Walker {
 public:
  Walker(std::string_view arena, size_t pos) : a_(arena), pos_(pos) {}

  bool Name(NormalizedName* out) {
    uint8_t nt = 0, nj = 0;
    if (!Byte(nt) || !Byte(nj) || nt == 0 || nt > kMaxTokens || nj > 2 * kMaxTokens) return false;
    if (out) {
      out->tokens.resize(nt);
      out->joins.resize(nj);
      out->total_weight = 0;
    }
    std::string_view raw, canon;
    for (size_t i = 0; i < nt; ++i) {
      uint8_t flags = 0;
      float weight = 0;
      if (!Byte(flags) || !Float(weight) || !Text(raw, nullptr) || !Text(canon, &raw)) return false;
      if (!out) continue;
      NameToken& t = out->tokens[i];
      t.flags = flags;
      t.weight = weight;
      t.raw.assign(raw);
      t.canon.assign(canon);
      t.letters = LetterSet(t.canon);
      t.canon_hash = HashText(t.canon);
      t.raw_hash = HashText(t.raw);
      out->total_weight += weight;
    }
    std::string_view whole;
    for (size_t k = 0; k < nj; ++k) {
      uint8_t lo = 0, hi = 0;
      if (!Byte(lo) || !Byte(hi)) return false;
      const auto mask = static_cast<uint16_t>(lo | (hi << 8));
      if (mask == 0 || (mask >> nt) != 0) return false;
      const std::string_view none;
      if (!Text(whole, &none)) return false;
      if (!out) continue;
      JoinedTokens& j = out->joins[k];
      j.mask = mask;
      j.canon.clear();
      j.weight = 0;
      for (size_t i = 0; i < nt; ++i) {
        if (!(mask & (1u << i))) continue;
        j.canon += out->tokens[i].canon;
        j.weight += out->tokens[i].weight;
      }
      j.letters = LetterSet(j.canon);
      if (whole.data() == none.data()) {
        j.whole = j.canon;
      } else {
        j.whole.assign(whole);
      }
      j.whole_hash = HashText(j.whole);
    }
    return true;
  }

 private:
  bool Byte(uint8_t& v) {
    if (pos_ >= a_.size()) return false;
    v = static_cast<uint8_t>(a_[pos_++]);
    return true;
  }
  bool Float(float& v) {
    if (a_.size() - pos_ < sizeof v) return false;
    std::memcpy(&v, a_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  // A length-prefixed text; kSame gives `same` back.
  bool Text(std::string_view& v, const std::string_view* same) {
    uint8_t len = 0;
    if (!Byte(len)) return false;
    if (len == kSame) {
      if (!same) return false;
      v = *same;
      return true;
    }
    if (a_.size() - pos_ < len) return false;
    v = a_.substr(pos_, len);
    pos_ += len;
    return true;
  }

  std::string_view a_;
  size_t pos_;
};

// Builds the index of a list: names and their (key, name) pairs, then the CSR
// arrays.
class Builder {
 public:
  explicit Builder(NameIndex& out) : out_(out) {}

  void Designation(uint32_t d, const screen::Designation& des) {
    current_.clear();
    const size_t aliases = des.aliases.size();
    for (size_t k = 0; k <= aliases; ++k) {
      const std::string& listed = k == 0 ? des.name : des.aliases[k - 1];
      const NameSource source = k == 0 ? NameSource::kName : NameSource::kAlias;
      const auto at = static_cast<uint16_t>(k == 0 ? 0 : k - 1);
      // "DAEDONG CREDIT BANK (DCB)": the name without the parenthesis, and the
      // acronym alone.
      const size_t open = listed.find('(');
      const size_t close = listed.find(')', open == std::string::npos ? 0 : open);
      const bool acronym = k > 0 && IsAcronymAlias(listed);
      // A name listed in its own script is also found by its romanisations (a
      // parenthesised one is romanised on its own, below).
      if (open == std::string::npos) {
        WithKeys(d, source, at, listed, acronym);
      } else {
        Add(d, source, at, listed, acronym);
      }
      if (open != std::string::npos && close != std::string::npos) {
        const std::string inner = listed.substr(open + 1, close - open - 1);
        const std::string without = listed.substr(0, open) + " " + listed.substr(close + 1);
        Add(d, source, at, without, false);
        if (IsAcronymAlias(inner)) Add(d, source, at, inner, true);
        // "Jin Tiesan (金铁三)": the name in its own script is a name of its
        // own.
        if (std::any_of(inner.begin(), inner.end(), [](char ch) { return (ch & 0x80) != 0; })) {
          WithKeys(d, source, at, inner, false);
        }
      }
    }
    // The list's name in the original script (Hangul, Cyrillic, Han, Arabic):
    // found as written and by its romanisations.
    for (size_t k = 0; k < des.original_names.size(); ++k) {
      WithKeys(d, NameSource::kOriginal, static_cast<uint16_t>(k), des.original_names[k], false);
    }
  }

  void Finish() {
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
    out_.ids.reserve(pairs_.size());
    for (size_t i = 0; i < pairs_.size(); ++i) {
      if (i == 0 || pairs_[i].first != pairs_[i - 1].first) {
        out_.keys.push_back(pairs_[i].first);
        out_.starts.push_back(static_cast<uint32_t>(out_.ids.size()));
      }
      out_.ids.push_back(pairs_[i].second);
    }
    out_.starts.push_back(static_cast<uint32_t>(out_.ids.size()));
    pairs_ = {};
  }

 private:
  void WithKeys(uint32_t d, NameSource source, uint16_t at, std::string_view variant, bool acronym) {
    Add(d, source, at, variant, acronym);
    if (!HasRomanisableScript(variant)) return;
    for (const std::string& key : RomanisedKeys(variant)) Add(d, source, at, key, false);
  }

  void Add(uint32_t d, NameSource source, uint16_t at, std::string_view variant, bool acronym) {
    NormalizedName norm = NormalizeName(variant);
    if (norm.tokens.empty()) return;
    // The same normalised form twice for one designation adds nothing.
    for (const NormalizedName& seen : current_) {
      if (seen.tokens.size() != norm.tokens.size()) continue;
      bool same = true;
      for (size_t i = 0; i < norm.tokens.size() && same; ++i) same = seen.tokens[i].raw == norm.tokens[i].raw;
      if (same) return;
    }
    IndexedName n;
    n.designation = d;
    n.offset = static_cast<uint32_t>(out_.arena.size());
    n.weight = norm.total_weight;
    n.listed = at;
    n.source = static_cast<uint8_t>(source);
    const bool korean = std::all_of(norm.tokens.begin(), norm.tokens.end(),
                                    [](const NameToken& t) { return (t.flags & kKoreanToken) != 0; });
    n.flags = static_cast<uint8_t>((acronym ? kAcronymName : 0) | (korean ? kKoreanName : 0));
    Encode(norm, out_.arena);
    const auto id = static_cast<uint32_t>(out_.names.size());
    out_.names.push_back(n);
    ForEachKey(norm, [&](size_t, uint64_t key) { pairs_.emplace_back(key, id); });
    current_.push_back(std::move(norm));
  }

  NameIndex& out_;
  std::vector<NormalizedName> current_;  ///< the current designation's names, for duplicates
  std::vector<std::pair<uint64_t, uint32_t>> pairs_;
};

float MaskSum(const std::array<float, kMaxTokens>& per_token, uint32_t mask) {
  float sum = 0;
  for (size_t i = 0; i < kMaxTokens; ++i) {
    if (mask & (1u << i)) sum += per_token[i];
  }
  return sum;
}

}  // namespace

NameIndex NameIndex::Build(std::span<const screen::Designation> list) {
  NameIndex index;
  Builder b(index);
  for (uint32_t d = 0; d < list.size(); ++d) b.Designation(d, list[d]);
  b.Finish();
  return index;
}

void NameIndex::Decode(uint32_t name, NormalizedName& out) const { Walker(arena, names[name].offset).Name(&out); }

const std::string& NameIndex::Listed(const screen::Designation& d, const IndexedName& n) {
  switch (static_cast<NameSource>(n.source)) {
    case NameSource::kAlias:
      return d.aliases[n.listed];
    case NameSource::kOriginal:
      return d.original_names[n.listed];
    case NameSource::kName:
      break;
  }
  return d.name;
}

void NameIndex::Collect(const NormalizedName& q, double floor, std::vector<uint32_t>& out) const {
  if (q.tokens.empty() || keys.empty()) return;
  // Per unit (token or join): the tokens it covers and its posting ranges.
  struct Unit {
    uint16_t mask = 0;
    size_t postings = 0;
    size_t first = 0, count = 0;  ///< into `ranges`
  };
  thread_local std::vector<Unit> units;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> ranges;
  units.assign(q.tokens.size() + q.joins.size(), Unit{});
  ranges.clear();
  for (size_t i = 0; i < q.tokens.size(); ++i) units[i].mask = static_cast<uint16_t>(1u << i);
  for (size_t j = 0; j < q.joins.size(); ++j) units[q.tokens.size() + j].mask = q.joins[j].mask;
  size_t last_unit = SIZE_MAX;
  ForEachKey(q, [&](size_t u, uint64_t key) {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    if (it == keys.end() || *it != key) return;
    const auto k = static_cast<size_t>(it - keys.begin());
    if (u != last_unit) {
      units[u].first = ranges.size();
      last_unit = u;
    }
    ranges.emplace_back(starts[k], starts[k + 1]);
    ++units[u].count;
    units[u].postings += starts[k + 1] - starts[k];
  });
  // What each query token weighs, and the most listed-name weight it can pair
  // with.
  std::array<float, kMaxTokens> weight{}, reach{};
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    const NameToken& t = q.tokens[i];
    weight[i] = t.weight;
    reach[i] = t.weight * (t.numeric() ? 1.0f : t.generic() ? kGenericReach : kReach);
  }
  const double qw = q.total_weight;
  // The best score a name can reach when it pairs the query tokens of `mask`
  // and a listed weight `cw` (unknown: the worst case, as much as those tokens
  // can pair with).
  auto bound = [&](uint32_t mask, double cw) {
    const double x = MaskSum(weight, mask), r = MaskSum(reach, mask);
    if (cw < 0) cw = r;
    return (x + std::min(cw, r)) / (qw + cw);
  };
  std::vector<size_t> order(units.size());
  for (size_t u = 0; u < order.size(); ++u) order[u] = u;
  std::sort(order.begin(), order.end(), [](size_t a, size_t b) { return units[a].postings < units[b].postings; });
  // The most common units are left out while a name sharing keys with them
  // alone stays below the floor.
  uint32_t skipped = 0;
  size_t essential = order.size();
  while (essential > 0) {
    const uint32_t with = skipped | units[order[essential - 1]].mask;
    if (bound(with, -1) >= floor) break;
    skipped = with;
    --essential;
  }
  // Deduplicate with per-thread generation stamps: Screen stays const and safe
  // to call from several threads, and no per-query clearing is needed.
  thread_local std::vector<uint32_t> stamps;
  thread_local std::vector<uint16_t> shared;
  thread_local std::vector<uint32_t> touched;
  thread_local uint32_t generation = 0;
  if (stamps.size() < names.size()) {
    stamps.assign(names.size(), 0);
    shared.assign(names.size(), 0);
  }
  if (++generation == 0) {
    std::fill(stamps.begin(), stamps.end(), 0);
    generation = 1;
  }
  touched.clear();
  for (size_t e = 0; e < essential; ++e) {
    const Unit& u = units[order[e]];
    for (size_t r = u.first; r < u.first + u.count; ++r) {
      for (uint32_t p = ranges[r].first; p < ranges[r].second; ++p) {
        const uint32_t id = ids[p];
        if (stamps[id] != generation) {
          stamps[id] = generation;
          shared[id] = u.mask;
          touched.push_back(id);
        } else {
          shared[id] = static_cast<uint16_t>(shared[id] | u.mask);
        }
      }
    }
  }
  for (uint32_t id : touched) {
    if (bound(shared[id] | skipped, names[id].weight) >= floor) out.push_back(id);
  }
}

std::string NameIndex::Validate(const std::vector<screen::Designation>& list) const {
  for (size_t i = 0; i < names.size(); ++i) {
    const IndexedName& n = names[i];
    const std::string at = "name " + std::to_string(i);
    if (n.designation >= list.size()) return at + " refers to no entry";
    const screen::Designation& d = list[n.designation];
    const auto source = static_cast<NameSource>(n.source);
    if ((source == NameSource::kAlias && n.listed >= d.aliases.size()) ||
        (source == NameSource::kOriginal && n.listed >= d.original_names.size()) ||
        n.source > static_cast<uint8_t>(NameSource::kOriginal)) {
      return at + " refers to no name of its entry";
    }
    if (!Walker(arena, n.offset).Name(nullptr)) return at + ": bad encoding";
  }
  if (starts.size() != keys.size() + 1 || starts.front() != 0 || starts.back() != ids.size()) {
    return "posting offsets do not match the postings";
  }
  for (size_t k = 0; k < keys.size(); ++k) {
    if (k > 0 && keys[k] <= keys[k - 1]) return "keys out of order";
    if (starts[k + 1] < starts[k]) return "posting offsets out of order";
  }
  for (uint32_t id : ids) {
    if (id >= names.size()) return "a posting refers to no name";
  }
  return {};
}

}  // namespace sancheck::screen
