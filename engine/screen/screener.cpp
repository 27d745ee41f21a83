// Screening: prefilter by token keys, align names, then weigh country, kind, birth year, flag and IMO.
#include "screen/screener.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <functional>
#include <span>

#include "common/imo_number.hpp"
#include "screen/alignment.hpp"
#include "screen/transliterate.hpp"

namespace sancheck::screen {
namespace {

// Score given to a possible-only match that would otherwise reach kMatchThreshold.
constexpr double kBelowMatch = Screener::kMatchThreshold - 0.01;
// The caps a party's country sets or lifts (a Korean personal name of another nationality; a
// generic name of a DPRK party, a vessel's flag) leave a possible match: a country only ever
// drops a candidate, never adds one, which batch relies on (it screens a name without its
// country first: batch::NameScreen).
static_assert(kBelowMatch >= Screener::kPossibleThreshold);
// Score given to a Korean personal name with a syllable left over on either side: Choe Son Hui
// is not CHOE HWI, and a missing or different given-name syllable is a different name.
constexpr double kBelowPossible = Screener::kPossibleThreshold - 0.01;
// A loose resemblance between two words (see the individual's checks in ScreenName).
constexpr double kLooseResemblance = 0.89;
constexpr double kBirthConflictPenalty = 0.25;
constexpr double kBirthYearBonus = 0.03;
constexpr double kBirthDateBonus = 0.05;
constexpr uint32_t kNoName = 0xFFFFFFFFu;

DesignationKind KindOf(PartyKind k) {
  switch (k) {
    case PartyKind::kIndividual: return DesignationKind::kIndividual;
    case PartyKind::kVessel: return DesignationKind::kVessel;
    default: return DesignationKind::kEntity;
  }
}

// Reasons that adjusted a score, rendered into Candidate::why.
enum Note : uint32_t {
  kBornYear = 1u << 0,
  kBornDate = 1u << 1,
  kBornConflict = 1u << 2,
  kForeignIndividual = 1u << 3,
  kGenericNoCountry = 1u << 4,
  kGenericKp = 1u << 5,
  kNumberMissing = 1u << 6,
  kPartial = 1u << 7,
  kFlagAgrees = 1u << 8,
  kFlagDiffers = 1u << 9,
  kFlagUnknown = 1u << 10,
  kImoDiffers = 1u << 11,
  kImoExact = 1u << 12,
  kImoUnverified = 1u << 13,
  kCompanyImo = 1u << 14,
  kAcronym = 1u << 15,
  kSyllableLeft = 1u << 16,
  kSyllableSlip = 1u << 17,
  kSyllableOrder = 1u << 18,
  kLooseWord = 1u << 19,
  kLooseOnly = 1u << 20,
  kResemblingOnly = 1u << 21,
  kOwnWordEach = 1u << 22,
  kLegalForm = 1u << 23,
};

// Whether a token `mask` covers of `name` is a distinctive word: no article or kunya, no word
// many organisations share.
bool DistinctiveIn(const NormalizedName& name, uint16_t mask) {
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    if ((mask >> i & 1) && !name.tokens[i].generic() && !name.tokens[i].particle()) return true;
  }
  return false;
}

// How the words of an alignment with the listed name `c` pair: whether some distinctive word is
// the same (or spelt as the same), whether a pair only loosely resembles (below
// kLooseResemblance) or is below kKoreanCutoff, and how many pairs only resemble, by no slip.
struct PairTally {
  bool none_same = true;
  bool loose = false;
  bool inexact = false;
  size_t resembling = 0;
};

PairTally TallyPairs(const NormalizedName& c, const Alignment& a) {
  PairTally t;
  for (size_t k = 0; k < a.pair_count; ++k) {
    const AlignedPair& p = a.pairs[k];
    t.loose = t.loose || p.sim < kLooseResemblance;
    t.inexact = t.inexact || p.sim < kKoreanCutoff;
    if (p.sim >= kVariantSim) {
      t.none_same = t.none_same && !DistinctiveIn(c, p.c_mask);
    } else if (!p.typo) {
      ++t.resembling;
    }
  }
  return t;
}

// The text with its first parenthesised part taken out ("Cho Chun Ryong (Director)" →
// "Cho Chun Ryong "), or empty when it has none or nothing but it.
std::string WithoutParenthesis(const std::string& text) {
  const size_t open = text.find('(');
  const size_t close = open == std::string::npos ? std::string::npos : text.find(')', open);
  if (close == std::string::npos) return {};
  std::string out = text.substr(0, open) + " " + text.substr(close + 1);
  if (out.find_first_not_of(" \t") == std::string::npos) return {};
  return out;
}

// Korean given-name syllables keep their order (Chol-hyok is not Hyok-chol), while the surname
// may stand first or last: the listed positions, taken in the query's order, must be an
// ascending run or a rotation of one.
bool InRotatedOrder(const Alignment& a) {
  std::array<std::pair<int, int>, kMaxTokens> order{};
  for (size_t k = 0; k < a.pair_count; ++k) {
    order[k] = {std::countr_zero(a.pairs[k].q_mask), std::countr_zero(a.pairs[k].c_mask)};
  }
  std::sort(order.begin(), order.begin() + a.pair_count);
  int descents = 0;
  for (size_t k = 1; k < a.pair_count; ++k) descents += order[k].second < order[k - 1].second;
  return descents == 0 || (descents == 1 && order[a.pair_count - 1].second < order[0].second);
}

std::string JoinRaw(const NormalizedName& n, uint16_t mask, char sep) {
  std::string s;
  for (size_t i = 0; i < n.tokens.size(); ++i) {
    if (!(mask & (1u << i))) continue;
    if (!s.empty()) s += sep;
    s += n.tokens[i].raw;
  }
  return s;
}

std::string FormatScore(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string_view StrengthName(Strength s) {
  return s == Strength::kMatch ? "match" : s == Strength::kPossible ? "possible" : "below";
}

struct Screener::Scored {
  uint32_t designation = 0;
  double score = 0;
  uint32_t name = kNoName;  ///< global name id (see Segment), kNoName for an IMO hit
  size_t query = 0;         ///< index of the query name (0 = name, 1.. = aliases)
  Alignment alignment;
  uint32_t notes = 0;
};

Screener::~Screener() = default;
Screener::Screener(Screener&&) noexcept = default;
Screener& Screener::operator=(Screener&&) noexcept = default;

Screener::Screener(std::vector<Designation> list) : Screener([&] {
  std::vector<Part> one(1);
  one[0].entries = std::move(list);
  return one;
}()) {}

Screener::Screener(std::vector<Part> parts) {
  segments_.reserve(parts.size());
  uint32_t names = 0;
  for (Part& p : parts) {
    Segment seg;
    seg.entries = std::move(p.entries);
    seg.index = p.index ? std::move(p.index) : std::make_shared<const NameIndex>(NameIndex::Build(seg.entries));
    seg.first = static_cast<uint32_t>(size_);
    seg.name_base = names;
    size_ += seg.entries.size();
    names += static_cast<uint32_t>(seg.index->names.size());
    segments_.push_back(std::move(seg));
  }
  by_reference_.Build(static_cast<uint32_t>(size_), [&](uint32_t id) { return std::string_view(At(id).reference); });
  for (const Segment& seg : segments_) {
    for (uint32_t i = 0; i < seg.entries.size(); ++i) {
      const Designation& des = seg.entries[i];
      const uint32_t d = seg.first + i;
      if (!des.imo.empty()) by_imo_[des.imo].push_back(d);
      if (!des.company_imo.empty()) by_imo_[des.company_imo].push_back(d);
    }
  }
}

const Screener::Segment& Screener::SegmentOf(uint32_t name) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), name,
                             [](uint32_t n, const Segment& s) { return n < s.name_base; });
  return *(it - 1);
}

const Screener::Segment& Screener::SegmentAt(uint32_t id) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), id,
                             [](uint32_t n, const Segment& s) { return n < s.first; });
  return *(it - 1);
}

uint32_t Screener::IdOf(const Designation* d) const {
  const std::less<const Designation*> before;  // a total order over pointers into different arrays
  for (const Segment& seg : segments_) {
    if (!seg.entries.empty() && !before(d, seg.entries.data()) && before(d, seg.entries.data() + seg.entries.size())) {
      return seg.first + static_cast<uint32_t>(d - seg.entries.data());
    }
  }
  return static_cast<uint32_t>(size_);  // not one of ours
}

const Designation* Screener::Find(std::string_view reference) const {
  const int64_t id = by_reference_.Find(reference, [&](uint32_t i) { return std::string_view(At(i).reference); });
  return id < 0 ? nullptr : &At(static_cast<uint32_t>(id));
}

void Screener::ScreenImo(const Query& q, Date as_of, std::vector<Scored>& best) const {
  if (q.imo.empty()) return;
  auto it = by_imo_.find(q.imo);
  if (it == by_imo_.end()) return;
  for (uint32_t d : it->second) {
    const Designation& des = At(d);
    if (des.listed_on > as_of) continue;
    if (q.kind && KindOf(*q.kind) != des.kind) continue;
    Scored s;
    s.designation = d;
    if (des.imo == q.imo) {
      s.notes = kImoExact;
      s.score = 1.0;
      if (des.imo_status != Verification::kVerified) {
        // An unverified listed IMO alone is not proof; the name screening below can still
        // raise this to a match when the name agrees.
        s.notes |= kImoUnverified;
        s.score = kBelowMatch;
      }
    } else {
      s.notes = kCompanyImo;
      s.score = 1.0;
    }
    best.push_back(std::move(s));
  }
}

void Screener::ScreenName(const Query& q, const std::string& /*query_name*/, const NormalizedName& qn,
                          Date as_of, double threshold, std::vector<Scored>& best) const {
  thread_local std::vector<uint32_t> ids;  // reused: no allocation per query
  thread_local NormalizedName cn;  // the listed name being scored, decoded from its index
  // A name's score can rise by a date-of-birth bonus over its alignment: the index must find
  // names that far below the threshold.
  const double floor = threshold - (q.born ? kBirthDateBonus : 0.0);
  const double qw = qn.total_weight;
  for (const Segment& seg : segments_) {
    const NameIndex& index = *seg.index;
    ids.clear();
    if (exhaustive_) {
      ids.resize(index.names.size());
      for (uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
    } else {
      index.Collect(qn, floor, ids);
    }
    // Each candidate's record and designation are cache misses on a large list: asked for a
    // few candidates ahead, they overlap instead of queueing.
    constexpr size_t kRecordsAhead = 8, kDesignationsAhead = 4;
    for (size_t k = 0; k < ids.size(); ++k) {
      if (k + kRecordsAhead < ids.size()) __builtin_prefetch(&index.names[ids[k + kRecordsAhead]]);
      if (k + kDesignationsAhead < ids.size()) {
        // The fields read first, each possibly on a cache line of its own (a Designation spans many).
        const Designation& ahead = seg.entries[index.names[ids[k + kDesignationsAhead]].designation];
        __builtin_prefetch(&ahead.listed_on);
        if (q.kind) __builtin_prefetch(&ahead.kind);
      }
      const uint32_t id = ids[k];
      const IndexedName& rec = index.names[id];
      // Upper bound of the alignment score: the smaller name fully covering the larger one.
      // Tested first: it needs only the name's record, not its designation (a cache miss on
      // a large list).
      const double cw = rec.weight;
      const double bound = 2 * std::min(qw, cw) / (qw + cw) + kBirthDateBonus;
      if (bound < threshold) continue;
      const uint32_t designation = seg.first + rec.designation;
      const Designation& d = seg.entries[rec.designation];
      if (d.listed_on > as_of) continue;
      if (q.kind && KindOf(*q.kind) != d.kind) continue;
      index.Decode(id, cn);
      const bool acronym = (rec.flags & kAcronymName) != 0;
      const bool korean = (rec.flags & kKoreanName) != 0;

      Scored s;
      s.designation = designation;
      s.name = seg.name_base + id;
      s.alignment = Align(qn, cn);
      double score = s.alignment.score;
      if (score <= 0) continue;
      uint32_t notes = 0;
      bool possible_only = false;

      // Numbers name sister ships and offices: JI SONG 6 is not JI SONG 8.
      bool q_number_left = false, c_number_left = false;
      bool q_word_left = false, c_word_left = false, word_left = false;
      bool listed_name_left = false;  // a listed distinctive word of three letters or more (not "al", "na")
      for (size_t i = 0; i < qn.tokens.size(); ++i) {
        if (s.alignment.q_used & (1u << i)) continue;
        if (qn.tokens[i].numeric()) q_number_left = true;
        else if (!qn.tokens[i].generic()) q_word_left = true;
        word_left = word_left || !qn.tokens[i].generic();
      }
      // A company's legal form on the party's name against a person's listed name ("Oumar Co" /
      // the alias "Sheik Omar"): a company, or a surname read as a legal form ("Có"). Either way
      // not the person's whole name: a word left over.
      if (d.kind == DesignationKind::kIndividual && qn.legal_form) {
        notes |= kLegalForm;
        q_word_left = true;
        word_left = true;
      }
      for (size_t j = 0; j < cn.tokens.size(); ++j) {
        if (s.alignment.c_used & (1u << j)) continue;
        if (cn.tokens[j].numeric()) c_number_left = true;
        else if (!cn.tokens[j].generic()) c_word_left = true;
        word_left = word_left || !cn.tokens[j].generic();
        listed_name_left =
            listed_name_left || (!cn.tokens[j].numeric() && !cn.tokens[j].generic() && cn.tokens[j].canon.size() >= 3);
      }
      if (q_number_left && c_number_left) continue;
      if (q_number_left || c_number_left) {
        notes |= kNumberMissing;
        possible_only = true;
      }
      if (q_word_left || c_word_left) {
        notes |= kPartial;
        possible_only = true;
      }
      if (s.alignment.slips > 0) {
        notes |= kSyllableSlip;
        possible_only = true;
      }
      // A word that only loosely resembles the listed one (below kLooseResemblance: no clerk's
      // slip, no spelling of the same letters) is as often another name (Atal / ADAM, Taheri /
      // Thaer): a possible match at most, for review, never a match on its word.
      const PairTally tally = TallyPairs(cn, s.alignment);
      // Two words or more only resembling the listed ones, by no slip, and no distinctive word
      // the same: each word near by chance, as names of one culture often are, where a clerk's
      // variant keeps a word or slips (Salif Okafor / Salim Ogaro; Anas Shalabi / Ansar
      // al-Shari'a). An article or a generic word the same does not make the name the same
      // (Nasser al-Saati / Sanafi al Nasr). Another name, of a person unless a year of birth
      // confirms it (below).
      const bool resembling_only = tally.none_same && tally.resembling >= 2;
      if (tally.loose) {
        notes |= kLooseOnly;
        possible_only = true;
      }
      // A clerk makes one slip in a name; two syllables each a letter off are another name
      // (Rim Sun-song is not RI UN SONG).
      const bool other_syllables = s.alignment.slips > 1;

      // Generic names ("Ministry of Defence", "Foreign Trade Bank", acronyms): only the
      // party's country can tie them to the DPRK.
      if (d.kind != DesignationKind::kIndividual) {
        bool distinctive = false;
        if (!acronym) {
          for (size_t k = 0; k < s.alignment.pair_count && !distinctive; ++k) {
            for (size_t j = 0; j < cn.tokens.size(); ++j) {
              if ((s.alignment.pairs[k].c_mask & (1u << j)) && !cn.tokens[j].generic() &&
                  !cn.tokens[j].numeric()) {
                distinctive = true;
                break;
              }
            }
          }
        }
        if (acronym) notes |= kAcronym;
        if (resembling_only) {
          notes |= kResemblingOnly;
          score = std::min(score, kBelowPossible);
        }
        if (!distinctive) {
          if (!q.country) {
            notes |= kGenericNoCountry;
            possible_only = true;
          } else if (*q.country == kDprk) {
            notes |= kGenericKp;
          } else {
            continue;
          }
        }
      }

      if (d.kind == DesignationKind::kIndividual) {
        bool birth_confirms = false;
        if (q.born && !d.births.empty()) {
          switch (CompareBirth(*q.born, d.births)) {
            case BirthFit::kConflict:
              notes |= kBornConflict;
              score -= kBirthConflictPenalty;
              break;
            case BirthFit::kSameDate:
              notes |= kBornDate;
              score += kBirthDateBonus;
              birth_confirms = true;
              break;
            case BirthFit::kSameYear:
              notes |= kBornYear;
              score += kBirthYearBonus;
              birth_confirms = true;
              break;
            case BirthFit::kNear: break;
          }
        }
        // A word that only loosely resembles the listed one (below kLooseResemblance: not a
        // clerk's slip, which pairs at 0.90, nor a spelling of the same letters, at 0.99) is as
        // often another name as another spelling (hashmi / hamid, afshar / ashraf). A person's
        // name with one is another person, unless the year of birth confirms it, when no other
        // word is the listed one either (Davud Safari / Dawood Sabri: a clerk slips once in a
        // name) or a word is on one side only (Muhammad Yousaf Umer / Muhammad Yusuf).
        // So is one that leaves a name of the listed one unpaired and pairs another only by a slip
        // or a resemblance below kKoreanCutoff's 0.95 (Akbar Ahmadi / ALI AKBAR AHMADIAN is two
        // differences, where a variant of the listed name has one). A party's name holding
        // every listed name, one of them slipped, and a name more is kept: it may be the listed
        // person's fuller name (Hafiz Muhammad Saeef Khan / HAFIZ MUHAMMAD SAEED).
        // Likewise a name that only resembles word by word (above), and a short name (three words
        // at most on each side) with a word of its own on each side: another middle name is
        // another person (Seyyed Omid Hosseini / SEYYED HUSSEIN HOSSEINI), where a clerk or a
        // shorter form drops one.
        if (!birth_confirms) {
          const bool own_word_each = q_word_left && c_word_left && qn.tokens.size() <= 3 && cn.tokens.size() <= 3;
          if ((tally.loose && ((tally.none_same && s.alignment.pair_count >= 2) || q_word_left || c_word_left)) ||
              (tally.inexact && listed_name_left)) {
            notes |= kLooseWord;
          }
          if (resembling_only) notes |= kResemblingOnly;
          if (own_word_each) notes |= kOwnWordEach;
          if (notes & (kLooseWord | kResemblingOnly | kOwnWordEach)) score = std::min(score, kBelowPossible);
        }
        // Korean names are shared by millions outside the DPRK: without a confirming year of
        // birth, a namesake of another nationality is for review only.
        if (q.country && *q.country != kDprk && korean && !birth_confirms) {
          notes |= kForeignIndividual;
          possible_only = true;
        }
      }

      if (d.kind == DesignationKind::kVessel) {
        if (q.country && d.flag) {
          if (*q.country == *d.flag) {
            notes |= kFlagAgrees;
          } else {
            notes |= kFlagDiffers;
            possible_only = true;
          }
        } else {
          notes |= kFlagUnknown;
          possible_only = true;
        }
        if (!q.imo.empty() && !d.imo.empty() && q.imo != d.imo && d.imo_status == Verification::kVerified) {
          notes |= kImoDiffers;
          possible_only = true;
        }
      }

      score = std::min(score, 1.0);
      if (possible_only) score = std::min(score, kBelowMatch);
      // A Korean personal name is a surname and given-name syllables, nothing else: a word on one
      // side only (Choe Son Hui / CHOE HWI, Cao Gang Yong / KANG YONG) makes another person.
      if (d.kind == DesignationKind::kIndividual && korean && (word_left || other_syllables)) {
        notes |= kSyllableLeft;
        score = std::min(score, kBelowPossible);
      }
      // A person listed under one word alone (a given name or a nickname: "Abdelrahman",
      // "Kony") is everyone of that name: a party whose name has another distinctive word is
      // someone else, unless another of the person's names pairs it.
      // So is a party whose words run together only resemble it ("Jun Chen", "Joo Min-jun" /
      // the alias "Junjun"): several words make the one name by the same letters alone.
      const bool run_resembles = cn.tokens.size() == 1 && s.alignment.pair_count == 1 &&
                                 std::popcount(s.alignment.pairs[0].q_mask) > 1 &&
                                 s.alignment.pairs[0].sim < kVariantSim;
      // A listed name one word of the party's writes whole is one name too ("Abdulrahman Kefi" /
      // the alias "Abdul Rahman").
      // So is one whose other words are an article or "Abu" ("Al-Shammari", "Abu-Khalil": one name
      // and its article, or a kunya).
      size_t name_words = 0;
      for (const NameToken& t : cn.tokens) name_words += t.generic() || t.particle() ? 0 : 1;
      bool one_word_listed = cn.tokens.size() == 1 || (name_words == 1 && !cn.tokens.front().numeric());
      const auto c_all = static_cast<uint16_t>((1u << cn.tokens.size()) - 1);
      for (size_t k = 0; k < s.alignment.pair_count && !one_word_listed; ++k) {
        one_word_listed = s.alignment.pairs[k].c_mask == c_all && std::popcount(s.alignment.pairs[k].q_mask) == 1;
      }
      if (d.kind == DesignationKind::kIndividual && one_word_listed && (q_word_left || run_resembles)) {
        notes |= kPartial;
        score = std::min(score, kBelowPossible);
      }
      if (d.kind == DesignationKind::kIndividual && korean && !InRotatedOrder(s.alignment)) {
        notes |= kSyllableOrder;
        score = std::min(score, kBelowPossible);
      }
      // Never above the bound tested before decoding. A word may pair one of unlike weight (a
      // misspelt generic word, "defegce" / "defence", whose weight its spelling no longer
      // lowers): such a name could score past the bound, and was then kept or not by the
      // threshold asked, the bound pruning it only below. Capped, a name's score is the same
      // whatever the threshold.
      score = std::min(score, bound);
      if (score < threshold) continue;
      s.score = score;
      s.notes = notes;
      best.push_back(std::move(s));
    }
  }
}

std::vector<uint32_t> Screener::ImoNumbers() const {
  std::vector<uint32_t> out;
  for (const auto& [imo, ids] : by_imo_) {
    if (auto n = ImoValue(imo)) out.push_back(*n);  // a listed number is checked as 7 digits on loading
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Candidate> Screener::Screen(const Query& q, Date as_of, double threshold, bool* name_has_words) const {
  std::vector<NormalizedName> qnames;
  std::vector<const std::string*> qtexts;
  qtexts.push_back(&q.name);
  for (const auto& a : q.aliases) {
    if (qtexts.size() >= 16) break;  // bounded work on hostile input
    qtexts.push_back(&a);
  }
  std::vector<Scored> scored;
  ScreenImo(q, as_of, scored);
  // Each name as written, then the same name without a remark in parentheses, then its
  // romanised keys when it is in Hangul, Cyrillic or Han script: a variant is screened like
  // another spelling of the same name (query_of maps back).
  std::vector<size_t> query_of;
  std::vector<std::string> read_as;  ///< how a variant was read from its text; empty: as written
  auto screen_variant = [&](size_t text, std::string_view variant, std::string note) {
    qnames.push_back(NormalizeName(variant));
    query_of.push_back(text);
    read_as.push_back(std::move(note));
    const size_t before = scored.size();
    ScreenName(q, *qtexts[text], qnames.back(), as_of, threshold, scored);
    for (size_t k = before; k < scored.size(); ++k) scored[k].query = qnames.size() - 1;
  };
  qnames.reserve(qtexts.size());
  for (size_t i = 0; i < qtexts.size(); ++i) {
    screen_variant(i, *qtexts[i], {});
    if (i == 0 && name_has_words) *name_has_words = !qnames.back().tokens.empty();
    // "Cho Chun Ryong (Director)": a remark beside a person's name is no part of it. A
    // company's parenthesis is part of its name ("(HK)", "(Pvt)"): its listed names are
    // indexed with and without theirs.
    const bool company = q.kind && KindOf(*q.kind) != DesignationKind::kIndividual;
    if (const std::string without = company ? std::string() : WithoutParenthesis(*qtexts[i]); !without.empty()) {
      screen_variant(i, without, "read without its parenthesis");
    }
    if (!HasRomanisableScript(*qtexts[i])) continue;
    for (const std::string& key : RomanisedKeys(*qtexts[i])) screen_variant(i, key, "romanised as " + key);
  }
  // An IMO hit on an unverified listed IMO becomes a match when the name agrees as well.
  for (Scored& imo : scored) {
    if (!(imo.notes & kImoUnverified)) continue;
    for (const Scored& s : scored) {
      if (s.name != kNoName && s.designation == imo.designation && s.score >= threshold) {
        imo.score = 1.0;
        imo.name = s.name;
        imo.query = s.query;
        imo.alignment = s.alignment;
        imo.notes = (imo.notes & ~kImoUnverified) | s.notes;
      }
    }
  }
  // Best per designation.
  // A name that matches a listed name without a slip is that name, not a typo of another one:
  // candidates only a syllable slip brought (Jo Chun-ryong / CHOE CHUN YONG) are dropped then.
  const bool exact_reading = std::any_of(scored.begin(), scored.end(), [](const Scored& s) {
    return s.score >= kMatchThreshold && !(s.notes & kSyllableSlip);
  });
  if (exact_reading) std::erase_if(scored, [](const Scored& s) { return (s.notes & kSyllableSlip) != 0; });
  // Ties go to the name listed first (the primary name before its aliases), whatever order
  // the index returned the candidates in.
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.designation != b.designation) return a.designation < b.designation;
    if (a.score != b.score) return a.score > b.score;
    return a.name < b.name;
  });
  std::vector<Candidate> out;
  for (size_t i = 0; i < scored.size(); ++i) {
    if (i > 0 && scored[i].designation == scored[i - 1].designation) continue;
    const Scored& s = scored[i];
    if (s.score < threshold) continue;
    const Designation& d = At(s.designation);
    Candidate c;
    c.designation = &d;
    c.score = std::round(s.score * 1000.0) / 1000.0;
    c.strength = c.score >= kMatchThreshold      ? Strength::kMatch
                 : c.score >= kPossibleThreshold ? Strength::kPossible
                                                 : Strength::kBelow;
    c.query_name = *qtexts[query_of[s.query]];
    std::vector<std::string> parts;
    if (s.name != kNoName && !read_as[s.query].empty()) parts.push_back(read_as[s.query]);
    if (s.notes & kImoExact) parts.push_back("IMO " + q.imo + " exact");
    if (s.notes & kImoUnverified) parts.push_back("listed IMO unverified and name differs");
    if (s.notes & kCompanyImo) parts.push_back("IMO company number " + q.imo + " exact");
    bool korean_listed = false;  // a slip in a short word of another name is no Korean syllable's
    if (s.name != kNoName) {
      const Segment& seg = SegmentOf(s.name);
      const uint32_t local = s.name - seg.name_base;
      korean_listed = (seg.index->names[local].flags & kKoreanName) != 0;
      NormalizedName cn;
      seg.index->Decode(local, cn);
      const NormalizedName& qn = qnames[s.query];
      c.matched_name = NameIndex::Listed(d, seg.index->names[local]);
      // Pairs in the order of the query's words, which reads naturally.
      std::array<AlignedPair, kMaxTokens> pairs = s.alignment.pairs;
      std::sort(pairs.begin(), pairs.begin() + s.alignment.pair_count,
                [](const AlignedPair& a, const AlignedPair& b) { return (a.q_mask & -a.q_mask) < (b.q_mask & -b.q_mask); });
      for (size_t k = 0; k < s.alignment.pair_count; ++k) {
        const AlignedPair& p = pairs[k];
        const std::string qs = JoinRaw(qn, p.q_mask, '-');
        const std::string cs = JoinRaw(cn, p.c_mask, '-');
        const bool joined = (p.q_mask & (p.q_mask - 1)) || (p.c_mask & (p.c_mask - 1));
        if (qs == cs) {
          parts.push_back(qs);
        } else if (joined) {
          parts.push_back(qs + "=" + cs);
        } else if (p.sim >= 0.985f) {
          parts.push_back(qs + "~" + cs + " (romanisation)");
        } else {
          parts.push_back(qs + "≈" + cs + " (" + FormatScore(p.sim) + ")");
        }
      }
      std::string left;
      for (size_t j = 0; j < cn.tokens.size(); ++j) {
        if (!(s.alignment.c_used & (1u << j))) left += (left.empty() ? "" : " ") + cn.tokens[j].raw;
      }
      if (!left.empty()) parts.push_back("listed name also has: " + left);
      left.clear();
      for (size_t i2 = 0; i2 < qn.tokens.size(); ++i2) {
        if (!(s.alignment.q_used & (1u << i2))) left += (left.empty() ? "" : " ") + qn.tokens[i2].raw;
      }
      if (!left.empty()) parts.push_back("not in listed name: " + left);
    } else {
      c.matched_name = d.name;
    }
    if (s.notes & kBornDate) parts.push_back("born " + q.born->date->ToString());
    if (s.notes & kBornYear) parts.push_back("born " + std::to_string(q.born->year));
    if (s.notes & kBornConflict) {
      parts.push_back("born " + std::to_string(q.born->year) + " but listed " + ListedBirths(d.births));
    }
    if (s.notes & kForeignIndividual) {
      parts.push_back("party of " + q.country->ToString() + ", no confirming year of birth");
    }
    if (s.notes & kAcronym) parts.push_back("acronym");
    if (s.notes & kGenericNoCountry) parts.push_back("generic name, party's country unknown");
    if (s.notes & kGenericKp) parts.push_back("generic name, party of KP");
    if (s.notes & kNumberMissing) parts.push_back("number not on both sides");
    if (s.notes & kPartial) parts.push_back("names differ in a distinctive word");
    if (s.notes & kSyllableLeft) parts.push_back("a Korean name syllable on one side only, or two a letter off");
    if (s.notes & kSyllableSlip) {
      parts.push_back(korean_listed ? "a Korean syllable a letter off"
                                    : "a letter off in a word that reads as a Korean syllable, held for review");
    }
    if (s.notes & kSyllableOrder) parts.push_back("Korean name syllables in another order");
    if (s.notes & kLooseWord) parts.push_back("a word only resembling the listed one beside another difference");
    if ((s.notes & kLooseOnly) && !(s.notes & kLooseWord)) parts.push_back("a word only resembling the listed one");
    if (s.notes & kResemblingOnly) parts.push_back("words only resembling the listed ones, none the same");
    if (s.notes & kOwnWordEach) parts.push_back("a word of its own on each side");
    if (s.notes & kLegalForm) parts.push_back("a company's legal form on the party's name");
    if (s.notes & kFlagAgrees) parts.push_back("flag " + d.flag->ToString());
    if (s.notes & kFlagDiffers) {
      parts.push_back("flag " + q.country->ToString() + " but listed " + d.flag->ToString());
    }
    if (s.notes & kFlagUnknown) parts.push_back("flag not confirmed");
    if (s.notes & kImoDiffers) parts.push_back("IMO " + q.imo + " but listed " + d.imo);
    if (s.name != kNoName) {
      const NormalizedName& qn = qnames[s.query];
      if (qn.invisible) parts.push_back("the name contained invisible characters (removed)");
      if (qn.look_alike) parts.push_back("the name mixed in look-alike letters of another script (read as Latin)");
    }
    for (size_t k = 0; k < parts.size(); ++k) c.why += (k ? ", " : "") + parts[k];
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.designation->reference < b.designation->reference;
  });
  return out;
}

}  // namespace sancheck::screen
