// Romanisation equivalence: whole-token classes for irregular spellings plus letter rules for the regular ones.
#include "screen/romanization.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sancheck::screen {
namespace {

// Syllable parts used to recognise romanised Korean. Both common systems and the
// common irregular spellings (oo, ee, ou, oi, ai, rk) are included.
constexpr std::array<std::string_view, 27> kInitials = {
    "",  "k",  "g", "kk", "gg", "n",  "d",  "t",  "tt", "r",  "l",  "m",  "b",  "p",
    "pp", "s", "ss", "sh", "j", "jj", "ch", "tch", "h", "ph", "th", "kh", "rh"};
constexpr std::array<std::string_view, 28> kVowels = {
    "a",  "ae", "ya", "yae", "o",  "eo", "yo", "yeo", "e",  "ye", "u",  "eu", "yu", "i",
    "wa", "wae", "oe", "wo", "we", "wi", "ui", "ee", "oo", "ou", "oi", "ai", "yoo", "you"};
constexpr std::array<std::string_view, 14> kFinals = {
    "", "k", "g", "n", "l", "r", "m", "p", "b", "ng", "t", "s", "rk", "ck"};

constexpr int kMaxSyllables = 4;

constexpr size_t kMaxKoreanToken = 16;

// One kind of syllable part (initials, vowels or finals) in a trie over 'a'..'z'. A syllable
// is read as initial, vowel and final, each through its own small trie: a trie of whole
// syllables (some ten thousand) would hold over ten thousand nodes, a megabyte to build on
// the first screening of every run, where these three are built in microseconds.
class PartTrie {
 public:
  template <size_t N>
  explicit PartTrie(const std::array<std::string_view, N>& parts) {
    nodes_.emplace_back();
    for (std::string_view part : parts) {
      size_t node = 0;
      for (char c : part) {
        const auto k = static_cast<size_t>(c - 'a');
        if (nodes_[node].next[k] == 0) {
          nodes_[node].next[k] = static_cast<uint8_t>(nodes_.size());
          nodes_.emplace_back();
        }
        node = nodes_[node].next[k];
      }
      nodes_[node].terminal = true;
    }
  }

  /// Calls `f(end)` for every part that token[pos, end) spells (end == pos: the empty part).
  template <typename F>
  void Ends(std::string_view token, size_t pos, F&& f) const {
    size_t node = 0;
    if (nodes_[0].terminal) f(pos);
    for (size_t end = pos; end < token.size(); ++end) {
      node = nodes_[node].next[static_cast<size_t>(token[end] - 'a')];
      if (node == 0) return;
      if (nodes_[node].terminal) f(end + 1);
    }
  }

 private:
  struct Node {
    std::array<uint8_t, 26> next{};
    bool terminal = false;
  };
  std::vector<Node> nodes_;
};

// Syllables (initial + vowel + final), recognised in sequence.
class SyllableReader {
 public:
  // Terminal flags: the syllable can end in a vowel (open) or in a consonant (closed).
  static constexpr uint8_t kOpen = 1, kClosed = 2;

  SyllableReader() : initials_(kInitials), vowels_(kVowels), finals_(kFinals) {}

  bool Recognise(std::string_view token) const {
    // reachable[pos] bit (count * 2 + open): a parse of token[0, pos) with `count` syllables.
    std::array<uint16_t, kMaxKoreanToken + 1> reachable{};
    reachable[0] = 1u << 0;  // count 0, not open
    for (size_t pos = 0; pos < token.size(); ++pos) {
      const uint16_t states = reachable[pos];
      if (states == 0) continue;
      const bool vowel_start = IsVowelLetter(token[pos]);
      // terms[end]: how syllables spelt by token[pos, end) can end.
      std::array<uint8_t, kMaxKoreanToken + 1> terms{};
      initials_.Ends(token, pos, [&](size_t after_initial) {
        vowels_.Ends(token, after_initial, [&](size_t after_vowel) {
          finals_.Ends(token, after_vowel, [&](size_t end) { terms[end] |= end == after_vowel ? kOpen : kClosed; });
        });
      });
      for (size_t end = pos + 1; end <= token.size(); ++end) {
        const uint8_t term = terms[end];
        if (term == 0) continue;
        for (int count = 0; count < kMaxSyllables; ++count) {
          for (int open = 0; open < 2; ++open) {
            if (!(states & (1u << (count * 2 + open)))) continue;
            if (open && vowel_start) continue;  // no vowel-initial syllable after an open one
            if (term & kOpen) reachable[end] |= static_cast<uint16_t>(1u << ((count + 1) * 2 + 1));
            if (term & kClosed) reachable[end] |= static_cast<uint16_t>(1u << ((count + 1) * 2));
          }
        }
      }
    }
    return (reachable[token.size()] & ~uint16_t{3}) != 0;
  }

 private:
  static bool IsVowelLetter(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'w' || c == 'y';
  }

  PartTrie initials_, vowels_, finals_;
};

// Letter rules for tokens that read as Korean. They fold the regular differences between
// romanisation systems: vowel digraphs (eo/o, eu/u, oo/u, ee/i, ou/o, oi/oe, ai/ae),
// aspiration marks written as h (ph, th, kh, rh, sh), doubled consonants (kk, tt, pp, ss, jj;
// not gg, since "Hapjanggang" is hap-jang-gang), voiced/unvoiced pairs (g/k, d/t, b/p,
// j/ch) and initial l/r. One pass, left to right. The dropped initial r of South Korean
// usage is not a rule: Ryu and Yu are different surnames in the DPRK; only Ryong/Yong is a
// class (table below).
std::string ApplyLetterRules(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kDigraphs = {{
      {"eo", "o"}, {"eu", "u"}, {"oo", "u"}, {"ee", "i"}, {"ou", "o"}, {"oi", "oe"}, {"ai", "ae"},
      {"sh", "s"}, {"ph", "p"}, {"th", "t"}, {"kh", "k"}, {"rh", "r"}, {"kk", "k"}, {"tt", "t"},
      {"pp", "p"}, {"ss", "s"}, {"jj", "j"}}};
  std::string folded;
  folded.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (i + 1 < s.size()) {
      for (const auto& [from, to] : kDigraphs) {
        if (s[i] == from[0] && s[i + 1] == from[1]) {
          folded += to;
          i += 2;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) folded += s[i++];
  }
  std::string out;
  out.reserve(folded.size() + 4);
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == 'g' && !(i > 0 && folded[i - 1] == 'n')) {
      out += 'k';
    } else if (c == 'd') {
      out += 't';
    } else if (c == 'b') {
      out += 'p';
    } else if (c == 'j') {
      out += "ch";
    } else {
      out += c;
    }
  }
  if (!out.empty() && out[0] == 'l') out[0] = 'r';
  return out;
}

// Irregular spellings that the letter rules cannot reach, looked up on the token as
// written (before the rules, so that "joe" is not mistaken for "choe").
// The Arabic given names' spellings (ArabicNameClasses) are in it too, each class's own
// included: looked up before the Korean rules, which would read "abdul" as ab-dul.
const std::unordered_map<std::string_view, std::string_view>& RawClasses() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::string_view>{
      {"joe", "cho"},   {"lee", "ri"},   {"rhee", "ri"},  {"yi", "ri"},    {"i", "ri"},
      {"yee", "ri"},    {"rhie", "ri"},  {"li", "ri"},    {"park", "pak"}, {"bark", "pak"},
      {"bahk", "pak"},  {"choi", "choe"}, {"chwe", "choe"}, {"choy", "choe"}, {"woo", "u"},
      {"wu", "u"},      {"oh", "o"},     {"koh", "ko"},   {"paik", "paek"}, {"baik", "paek"},
      {"pack", "paek"}};
    for (const RomanisationClass& c : ArabicNameClasses()) {
      for (std::string_view spelling : c.spellings) t->emplace(spelling, c.canonical);
    }
    return t;
  }();
  return *table;
}

// Irregular spellings looked up after the letter rules (their ruled forms).
const std::unordered_map<std::string_view, std::string_view>& RuledClasses() {
  static const auto* table = new std::unordered_map<std::string_view, std::string_view>{
      {"chul", "chol"},   {"kyung", "kyong"}, {"myung", "myong"}, {"hyun", "hyon"},
      {"hyuk", "hyok"},   {"pyung", "pyong"}, {"sung", "song"},   {"suk", "sok"},
      {"hui", "hwi"},     {"yung", "ryong"},  {"chung", "chong"}, {"yong", "ryong"}};
  return *table;
}

}  // namespace

// Arabic given names written several ways in Latin letters: UN and OFAC aliases of one person
// use each (Abdul/Abdel, Husayn/Hussein, Yusuf/Youssef, Umar/Omar). Whole words only.
const std::vector<RomanisationClass>& ArabicNameClasses() {
  static const auto* classes = new std::vector<RomanisationClass>{
      {"abdul", {"abdul", "abdel", "abdal", "abdoul", "abdol"}},
      {"ibrahim", {"ibrahim", "ebrahim", "ibraheem", "ebraheem", "ibrahem"}},
      {"hussein", {"hussein", "husayn", "husain", "hussain", "hossein", "husein", "hosein", "hussien"}},
      {"yusuf", {"yusuf", "yousef", "youssef", "yousuf", "yusef", "yousif", "youssouf"}},
      {"umar", {"umar", "omar", "omer", "umer", "oumar"}},
      {"tariq", {"tariq", "tarek", "tarik", "tareq"}},
      {"qasim", {"qasim", "qasem", "qassim", "qassem", "kassem", "kasim", "ghasem"}},
      {"abdullah", {"abdullah", "abdallah", "abdulla", "abdalla"}},
      {"usama", {"usama", "osama"}},
      {"abu", {"abu", "abou"}},
      {"mahmud", {"mahmud", "mahmoud", "mahmood", "mehmood"}},
      {"mustafa", {"mustafa", "mostafa", "moustafa", "mustapha", "mostapha"}},
      {"hasan", {"hasan", "hassan", "hasen"}},
      {"aziz", {"aziz", "azeez", "aziiz"}},
      {"said", {"said", "saeed", "saiid", "sayeed"}},
      {"rashid", {"rashid", "rasheed", "rachid", "rached"}},
      {"mansur", {"mansur", "mansour", "mansoor"}},
      {"jamal", {"jamal", "gamal", "djamal"}},
      {"ismail", {"ismail", "ismael", "esmail", "ismaeel", "ismaiel"}},
      {"salim", {"salim", "selim", "saleem"}},
      {"sayyid", {"sayyid", "sayed", "syed", "seyed", "sayid", "seyyed", "sayyed"}},
      {"nur", {"nur", "noor", "nour"}},
      {"al", {"al", "el"}},  // the article
      {"bin", {"bin", "ben", "ibn"}},  // "son of"
      {"ali", {"ali", "aly"}},
      {"murtaza", {"murtaza", "murtada", "murtadha", "morteza", "mortaza"}},
      {"sharif", {"sharif", "sherif", "cherif", "shareef", "charif", "shariff"}},
      {"dawud", {"dawud", "dawood", "daoud", "daud", "davood", "davoud", "dawoud"}},
      {"yahya", {"yahya", "yehia", "yahia", "yehya", "yahiya"}},
      {"muhsin", {"muhsin", "mohsen", "mohsin", "muhsen"}},
      {"rida", {"rida", "reza", "ridha", "redha", "riza"}},
      {"abubakar", {"abubakar", "abubakr", "abubaker", "aboubakar", "boubacar", "aboubacar", "abubakir"}},
  };
  return *classes;
}

bool LooksKorean(std::string_view token) {
  if (token.empty() || token.size() > kMaxKoreanToken) return false;
  for (char c : token) {
    // f, q, v, x and z never occur in romanised Korean.
    if (c < 'a' || c > 'z' || c == 'f' || c == 'q' || c == 'v' || c == 'x' || c == 'z') return false;
  }
  static const auto* reader = new SyllableReader();
  return reader->Recognise(token);
}

std::string CanonicalToken(std::string_view token) { return CanonicalToken(token, LooksKorean(token)); }

std::string CanonicalToken(std::string_view token, bool looks_korean) {
  const auto& raw = RawClasses();
  if (auto it = raw.find(token); it != raw.end()) return std::string(it->second);
  // "Abdalhadi", "Abdelkarim", "Abdoulaye": the Arabic "servant of the" run into the name after
  // it, spelt as the word alone is (the abdul class), is read with the class's form, so that
  // every spelling of one name meets ("Abd al-Hadi", "Abdul Hadi", "Abdulhadi"). Its letters
  // may read as Korean syllables ("abdalhai"): it is no Korean name.
  static const RomanisationClass& abdul = *std::find_if(
      ArabicNameClasses().begin(), ArabicNameClasses().end(), [](const RomanisationClass& c) { return c.canonical == "abdul"; });
  for (const std::string_view spelling : abdul.spellings) {
    if (token.size() >= spelling.size() + 3 && token.starts_with(spelling)) {
      return std::string(abdul.canonical) + std::string(token.substr(spelling.size()));
    }
  }
  if (!looks_korean) return std::string(token);
  std::string ruled = ApplyLetterRules(token);
  const auto& ruled_classes = RuledClasses();
  if (auto it = ruled_classes.find(ruled); it != ruled_classes.end()) return std::string(it->second);
  return ruled;
}

const std::vector<RomanisationClass>& RomanisationClasses() {
  static const auto* classes = new std::vector<RomanisationClass>{
      {"cho", {"cho", "jo", "joe"}},
      {"chol", {"chol", "chul", "cheol", "cheul", "jol"}},
      {"ri", {"ri", "li", "lee", "rhee", "yi", "i", "rhie", "yee"}},
      {"pak", {"pak", "park", "bak", "bark", "bahk"}},
      {"paek", {"paek", "baek", "paik", "baik", "pack"}},
      {"chong", {"jong", "chong", "jeong", "cheong", "joung", "choung", "chung", "jung"}},
      {"un", {"un", "eun"}},
      {"kim", {"kim", "gim"}},
      {"choe", {"choe", "choi", "chwe", "choy"}},
      {"kang", {"kang", "gang"}},
      {"ryong", {"ryong", "ryeong", "yong", "yeong", "young", "lyong", "ryoung", "yung"}},
      {"chun", {"chun", "jun", "choon", "joon"}},
      {"song", {"song", "seong", "sung"}},
      {"sok", {"sok", "seok", "suk"}},
      {"kyong", {"kyong", "kyung", "gyeong", "kyeong", "gyong"}},
      {"myong", {"myong", "myung", "myeong"}},
      {"hyon", {"hyon", "hyun", "hyeon"}},
      {"hyok", {"hyok", "hyuk", "hyeok"}},
      {"pyong", {"pyong", "pyung", "byong", "byung", "byeong", "phyong"}},
      {"chon", {"chon", "jon", "jeon", "cheon"}},
      {"u", {"u", "woo", "wu"}},
      {"yu", {"yu", "yoo"}},
      {"ryu", {"ryu", "lyu"}},
      {"tong", {"tong", "dong"}},
      {"tae", {"tae", "dae"}},
      {"kwang", {"kwang", "gwang"}},
      {"hwi", {"hwi", "hui"}},
  };
  return *classes;
}

}  // namespace sancheck::screen
