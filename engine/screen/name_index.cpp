// Builds, encodes and searches the screening index: names in an arena, postings
// in CSR arrays, weight-bounded candidate search.
#include "screen/name_index.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>

#include "common/strings.hpp"
#include "common/utf8.hpp"
#include "screen/alignment.hpp"
#include "screen/transliterate.hpp"
#include "screen/vocabulary.hpp"

namespace sancheck::screen {
namespace {

// An encoded length meaning "the same text as the previous field" (canon ==
// raw, whole == canon).
constexpr uint8_t kSame = 0xFF;

// Every text a name is compared by, as a term: word forms are fuzzy (found
// under their deletions and start too), numbers and joined runs are not.
// f(text, fuzzy, join, weight, korean): a word (not a number), a joined run,
// the unit's weight in the name, and whether it is romanised Korean (a joined
// run: all its words).
template <typename F>
void ForEachTerm(const NormalizedName& n, F&& f) {
  for (const NameToken& t : n.tokens) {
    const bool korean = (t.flags & kKoreanToken) != 0;
    for (const std::string_view text : WordTexts(t)) {
      if (!text.empty()) f(text, !t.numeric(), false, t.weight, korean);
    }
  }
  WrittenRunBuffer buf;
  for (const JoinedTokens& j : n.joins) {
    const bool korean = AllKorean(n, j.mask);
    for (const std::string_view text : RunTexts(n, j, buf)) {
      if (!text.empty()) f(text, false, true, j.weight, korean);
    }
  }
}

bool IsAcronymAlias(std::string_view s) {
  if (s.size() < 2 || s.size() > 5) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whether a word names something: not an article, a kunya's "abu" or a word normalisation drops
// ("the", "of").
bool IsNameWord(std::string_view word) {
  const NormalizedName n = NormalizeName(word);
  // Normalised alone, a connecting word is kept (a name made only of such words keeps them).
  return n.tokens.size() == 1 && !n.tokens.front().particle() && !IsConnectingWord(n.tokens.front().raw);
}

// Whether `body` closes with an acronym in parentheses ("... CENTRE (NFRPC)"), not another
// parenthesis ("... SHIPPING (HONG KONG)").
bool ClosesWithAcronym(std::string_view body) {
  if (body.empty() || body.back() != ')') return false;
  const size_t open = body.rfind('(');
  return open != std::string_view::npos && IsAcronymAlias(body.substr(open + 1, body.size() - open - 2));
}

// The bodies an entity's listed name joins with "AND", when it names two: "ESFAHAN NUCLEAR FUEL
// RESEARCH AND PRODUCTION CENTRE (NFRPC) AND ESFAHAN NUCLEAR TECHNOLOGY CENTRE (ENTC)", "BANK
// SEPAH AND BANK SEPAH INTERNATIONAL". Told from one body's name ("RESEARCH AND PRODUCTION", "AL
// WASEL AND BABEL GENERAL TRADING") by what stands around the "AND": the body before it closes with
// its acronym in parentheses, or the one after it starts with the same word (a name's word, not
// an article or "the") and both have two words or more. None when the name is one body.
std::vector<std::string> JoinedBodies(std::string_view name) {
  const std::string lower = AsciiLower(name);  // "AND" and the words compared in any case
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
      while (i < s.size() && s[i] == ' ') ++i;
      const size_t start = i;
      while (i < s.size() && s[i] != ' ') ++i;
      if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
  };
  std::vector<std::string> bodies;
  size_t from = 0;
  for (size_t i = lower.find(" and "); i != std::string::npos; i = lower.find(" and ", i + 1)) {
    const std::string_view before = std::string_view(lower).substr(from, i - from);
    const auto b = words(before), a = words(std::string_view(lower).substr(i + 5));
    if (b.empty() || a.empty()) continue;
    // An article starts many names ("AL ALI AND AL HAMZA LLC", "THE PUBLIC ESTABLISHMENT FOR OIL
    // REFINING AND THE DISTRIBUTION OF OIL DERIVATIVES" are one body each).
    const bool same_start = b.size() >= 2 && a.size() >= 2 && b.front() == a.front() && IsNameWord(b.front());
    if (!ClosesWithAcronym(name.substr(from, i - from)) && !same_start) continue;
    bodies.emplace_back(name.substr(from, i - from));
    from = i + 5;
  }
  if (bodies.empty()) return bodies;
  bodies.emplace_back(name.substr(from));
  return bodies;
}

// Whether a designation's names may be romanised Korean. Many Arabic, African and Afghan names
// read as Korean syllables by their letters alone ("Ali Salim", "Bilal bin Marwan"), and Korean
// names pair strictly (a letter off is another syllable, a word more another person): a name
// listed under a UN regime other than the DPRK's (its reference says which: QDi.123, not KPi),
// or of a nationality that is not Korean, is not held to that. Without either, its letters decide.
bool MayBeKorean(const screen::Designation& des) {
  auto mentions_korea = [](std::string_view text) {
    constexpr std::string_view kKorea = "korea";
    return std::search(text.begin(), text.end(), kKorea.begin(), kKorea.end(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           }) != text.end();
  };
  if (!des.nationality.empty()) return mentions_korea(des.nationality);
  const std::string_view ref = des.reference;
  const bool un_reference = ref.size() >= 5 && ref[3] == '.' && (ref[2] == 'i' || ref[2] == 'e') &&
                            std::isupper(static_cast<unsigned char>(ref[0])) &&
                            std::isupper(static_cast<unsigned char>(ref[1]));
  return !un_reference || ref.substr(0, 2) == "KP";
}

// Whether `s` holds a letter of a script other than Latin (Arabic, Han, Hangul, Cyrillic, ...):
// code points past the Latin letters, their accents and the spacing modifiers.
bool HasOtherScript(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (DecodeUtf8(s, i) >= 0x370) return true;
  }
  return false;
}

void PutText(std::vector<char>& arena, const std::string& text, const std::string* same_as) {
  if (same_as && text == *same_as) {
    arena.push_back(static_cast<char>(kSame));
    return;
  }
  const size_t len = std::min<size_t>(text.size(), kSame - 1);
  arena.push_back(static_cast<char>(len));
  arena.insert(arena.end(), text.begin(), text.begin() + static_cast<std::ptrdiff_t>(len));
}

void Encode(const NormalizedName& n, std::vector<char>& arena) {
  arena.push_back(static_cast<char>(n.tokens.size()));
  arena.push_back(static_cast<char>(n.joins.size()));
  for (const NameToken& t : n.tokens) {
    arena.push_back(static_cast<char>(t.flags));
    char w[sizeof(float)];
    std::memcpy(w, &t.weight, sizeof w);
    arena.insert(arena.end(), w, w + sizeof w);
    PutText(arena, t.raw, nullptr);
    PutText(arena, t.canon, &t.raw);
  }
  for (const JoinedTokens& j : n.joins) {
    arena.push_back(static_cast<char>(j.mask & 0xFF));
    arena.push_back(static_cast<char>(j.mask >> 8));
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
      if (!(weight >= 0.0f && weight <= kMaxWeight)) return false;  // also refuses NaN
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
// arrays, handed to the index's tables at the end.
class Builder {
 public:
  explicit Builder(NameIndex& out) : out_(out) {}

  void Designation(uint32_t d, const screen::Designation& des) {
    current_.clear();
    korean_entry_ = MayBeKorean(des);
    const size_t aliases = des.aliases.size();
    for (size_t k = 0; k <= aliases; ++k) {
      const std::string& listed = k == 0 ? des.name : des.aliases[k - 1];
      const NameSource source = k == 0 ? NameSource::kName : NameSource::kAlias;
      const auto at = static_cast<uint16_t>(k == 0 ? 0 : k - 1);
      Listed(d, source, at, listed, k > 0);
      // "BANK SEPAH AND BANK SEPAH INTERNATIONAL": two bodies listed under one name, each a
      // name of the entry too (found as the listed name).
      if (des.kind != DesignationKind::kIndividual) {
        for (const std::string& part : JoinedBodies(listed)) Listed(d, source, at, part, false);
      }
    }
    // The list's name in the original script (Hangul, Cyrillic, Han, Arabic):
    // found as written and by its romanisations.
    for (size_t k = 0; k < des.original_names.size(); ++k) {
      WithKeys(d, NameSource::kOriginal, static_cast<uint16_t>(k), des.original_names[k], false);
    }
  }

  void Finish() {
    // Terms in the order they were met; each term's names ascending.
    term_starts_.push_back(static_cast<uint32_t>(term_text_.size()));
    std::vector<uint32_t> name_starts, name_ids;
    ToCsr(pairs_, term_kinds_.size(), name_starts, name_ids);
    pairs_ = {};
    term_ids_ = {};
    out_.names = std::move(names_);
    out_.arena = std::move(arena_);
    out_.term_text = std::move(term_text_);
    out_.term_starts = std::move(term_starts_);
    out_.name_starts = std::move(name_starts);
    out_.name_ids = std::move(name_ids);
    out_.term_kinds = std::move(term_kinds_);
    out_.term_weights = std::move(term_weights_);
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    for (uint32_t t = 0; t < out_.term_count(); ++t) {
      keyed.emplace_back(HashText(out_.Term(t)), t);
    }
    std::sort(keyed.begin(), keyed.end());
    keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
    std::vector<uint64_t> keys;
    std::vector<uint32_t> key_starts, key_terms;
    key_terms.reserve(keyed.size());
    for (size_t i = 0; i < keyed.size(); ++i) {
      if (i == 0 || keyed[i].first != keyed[i - 1].first) {
        keys.push_back(keyed[i].first);
        key_starts.push_back(static_cast<uint32_t>(key_terms.size()));
      }
      key_terms.push_back(keyed[i].second);
    }
    key_starts.push_back(static_cast<uint32_t>(key_terms.size()));
    out_.keys = std::move(keys);
    out_.key_starts = std::move(key_starts);
    out_.key_terms = std::move(key_terms);
    out_.Prepare();
  }

 private:
  // One listed name or alias, with its variants: "DAEDONG CREDIT BANK (DCB)" without the
  // parenthesis, and the acronym alone (of an alias written as one, `alias`).
  void Listed(uint32_t d, NameSource source, uint16_t at, const std::string& listed, bool alias) {
    const size_t open = listed.find('(');
    const size_t close = listed.find(')', open == std::string::npos ? 0 : open);
    const bool acronym = alias && IsAcronymAlias(listed);
    // A name listed in its own script is also found by its romanisations (a parenthesised one
    // is romanised on its own, below).
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
      // "Jin Tiesan (金铁三)", "عبدالله السندي (Abdullah Sindhi)": the name written in
      // another script is a name of its own. In the same script the parenthesis is part of
      // the name ("華信船務(香港)有限公司": Hong Kong, the company's seat, is no name of it).
      if (HasOtherScript(inner) != HasOtherScript(without)) WithKeys(d, source, at, inner, false);
    }
  }

  void WithKeys(uint32_t d, NameSource source, uint16_t at, std::string_view variant, bool acronym) {
    Add(d, source, at, variant, acronym);
    if (!HasRomanisableScript(variant)) return;
    for (const std::string& key : RomanisedKeys(variant)) Add(d, source, at, key, false);
  }

  void Add(uint32_t d, NameSource source, uint16_t at, std::string_view variant, bool acronym) {
    NormalizedName norm = NormalizeName(variant);
    if (norm.tokens.empty()) return;
    // The words keep their canonical forms (a party's name is read the same way), but not the
    // strict pairing of romanised Korean syllables.
    if (!korean_entry_) {
      for (NameToken& t : norm.tokens) t.flags = static_cast<uint8_t>(t.flags & ~kKoreanToken);
    }
    // The same normalised form twice for one designation adds nothing.
    for (const NormalizedName& seen : current_) {
      if (seen.tokens.size() != norm.tokens.size()) continue;
      bool same = true;
      for (size_t i = 0; i < norm.tokens.size() && same; ++i) same = seen.tokens[i].raw == norm.tokens[i].raw;
      if (same) return;
    }
    IndexedName n;
    n.designation = d;
    n.offset = static_cast<uint32_t>(arena_.size());
    n.weight = norm.total_weight;
    n.listed = at;
    n.source = static_cast<uint8_t>(source);
    const bool korean = std::all_of(norm.tokens.begin(), norm.tokens.end(),
                                    [](const NameToken& t) { return (t.flags & kKoreanToken) != 0; });
    n.flags = static_cast<uint8_t>((acronym ? kAcronymName : 0) | (korean ? kKoreanName : 0));
    Encode(norm, arena_);
    const auto id = static_cast<uint32_t>(names_.size());
    names_.push_back(n);
    ForEachTerm(norm, [&](std::string_view text, bool fuzzy, bool join, float weight, bool korean) {
      const uint32_t t = TermId(text, fuzzy, join, korean);
      term_weights_[t] = std::max(term_weights_[t], WeightCeil(weight));
      pairs_.emplace_back(t, id);
    });
    current_.push_back(std::move(norm));
  }

  uint32_t TermId(std::string_view text, bool fuzzy, bool join, bool korean) {
    auto [it, added] = term_ids_.try_emplace(std::string(text), static_cast<uint32_t>(term_kinds_.size()));
    if (added) {
      term_starts_.push_back(static_cast<uint32_t>(term_text_.size()));
      term_text_.insert(term_text_.end(), text.begin(), text.end());
      term_kinds_.push_back(kTermKorean);
      term_weights_.push_back(0);
    }
    uint8_t& kind = term_kinds_[it->second];
    if (fuzzy) kind |= kTermWord;
    if (join) kind |= kTermJoin;
    if (!korean) kind &= static_cast<uint8_t>(~kTermKorean);
    return it->second;
  }

  // (term, name) pairs as CSR arrays: names of term t are ids[starts[t] .. starts[t+1]).
  static void ToCsr(std::vector<std::pair<uint32_t, uint32_t>>& pairs, size_t terms, std::vector<uint32_t>& starts,
                    std::vector<uint32_t>& ids) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    starts.assign(terms + 1, 0);
    for (const auto& p : pairs) ++starts[p.first + 1];
    for (size_t t = 0; t < terms; ++t) starts[t + 1] += starts[t];
    ids.reserve(pairs.size());
    for (const auto& p : pairs) ids.push_back(p.second);
  }

  NameIndex& out_;
  std::vector<NormalizedName> current_;  ///< the current designation's names, for duplicates
  bool korean_entry_ = true;  ///< MayBeKorean of the current designation
  std::unordered_map<std::string, uint32_t> term_ids_;
  std::vector<IndexedName> names_;
  std::vector<char> arena_;
  std::vector<char> term_text_;
  std::vector<uint32_t> term_starts_;
  std::vector<uint8_t> term_kinds_;
  std::vector<uint16_t> term_weights_;
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;  ///< (term, name)
};

// Whether CSR offsets `starts` fit `count` rows over `size` items.
std::string CheckCsr(const Column<uint32_t>& starts, size_t count, size_t size, const char* what) {
  if (starts.size() != count + 1 || starts.front() != 0 || starts.back() != size) {
    return std::string(what) + " offsets do not match their entries";
  }
  for (size_t i = 0; i < count; ++i) {
    if (starts[i + 1] < starts[i]) return std::string(what) + " offsets out of order";
  }
  return {};
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

std::string NameIndex::Validate(const std::vector<screen::Designation>& list) const {
  for (size_t i = 0; i < names.size(); ++i) {
    const IndexedName& n = names[i];
    // Made only for an error, so that a sound index costs no string per name.
    const auto at = [i] { return "name " + std::to_string(i); };
    if (n.designation >= list.size()) return at() + " refers to no entry";
    const screen::Designation& d = list[n.designation];
    const auto source = static_cast<NameSource>(n.source);
    if ((source == NameSource::kAlias && n.listed >= d.aliases.size()) ||
        (source == NameSource::kOriginal && n.listed >= d.original_names.size()) ||
        n.source > static_cast<uint8_t>(NameSource::kOriginal)) {
      return at() + " refers to no name of its entry";
    }
    if (!(n.weight >= 0.0f && n.weight <= kMaxWeight)) return at() + ": bad weight";
    if (!Walker(arena, n.offset).Name(nullptr)) return at() + ": bad encoding";
  }
  const size_t terms = term_count();
  if (term_starts.empty() || term_starts.front() != 0 || term_starts.back() != term_text.size()) {
    return "term offsets do not match the terms";
  }
  if (std::string bad = CheckCsr(name_starts, terms, name_ids.size(), "term"); !bad.empty()) return bad;
  for (size_t t = 0; t < terms; ++t) {
    if (term_starts[t + 1] < term_starts[t]) return "term offsets out of order";
    for (uint32_t p = name_starts[t]; p < name_starts[t + 1]; ++p) {
      if (name_ids[p] >= names.size()) return "a term refers to no name";
      // Ascending: membership is a binary search (Collect).
      if (p > name_starts[t] && name_ids[p] <= name_ids[p - 1]) return "a term's names out of order";
    }
  }
  if (term_kinds.size() != terms || term_weights.size() != terms) return "term kinds do not match the terms";
  if (std::string bad = CheckCsr(key_starts, keys.size(), key_terms.size(), "key"); !bad.empty()) return bad;
  for (size_t k = 1; k < keys.size(); ++k) {
    if (keys[k] <= keys[k - 1]) return "keys out of order";
  }
  for (uint32_t t : key_terms) {
    if (t >= terms) return "a key refers to no term";
  }
  return {};
}

}  // namespace sancheck::screen
