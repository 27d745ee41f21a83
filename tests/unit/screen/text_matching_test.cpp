// Screening text primitives: UTF-8 folding, normalisation, romanisation classes and Jaro-Winkler.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "screen/alignment.hpp"
#include "screen/jaro_winkler.hpp"
#include "screen/normalize.hpp"
#include "screen/romanization.hpp"

namespace sancheck::screen {
namespace {

std::string Canon(std::string_view name) {
  std::string out;
  for (const auto& t : NormalizeName(name).tokens) out += (out.empty() ? "" : " ") + t.canon;
  return out;
}

TEST_SUITE("screen.text") {
  TEST_CASE("folding removes case, diacritics and every kind of apostrophe") {
    CHECK(FoldText("Ch'oe Ch’un-sik") == "choe chun sik");
    CHECK(FoldText("CHO‘NG ʼKIM `A") == "chong kim a");
    CHECK(FoldText("Ri Ŭn-sŏng") == "ri un song");
    CHECK(FoldText("  Société   Générale, S.A. ") == "societe generale s a");
    CHECK(FoldText("Ｆｕｌｌ－ｗｉｄｔｈ") == "full width");
    CHECK(FoldText("長安海連技術有限公司") == "長安海連技術有限公司");
    CHECK(FoldText("R&D") == "r and d");
    // Letters with a dot or line below (Arabic transliteration) and Latin Extended-B, precomposed
    // or written as a letter and a combining mark: the base letter, as an accent's.
    CHECK(FoldText("Muḥammad ṬSANG ẓāhir Ḏ") == "muhammad tsang zahir d");
    CHECK(FoldText("Muh\u0323ammad") == "muhammad");
    CHECK(FoldText("Ștefan Ǧamal") == "stefan gamal");
    CHECK(FoldText("Ɓ") == "Ɓ");  // a letter of its own, no base letter and mark: kept
  }

  TEST_CASE("invalid UTF-8 is a separator, never a crash") {
    CHECK(FoldText(std::string("ab\xff\xfe" "cd")) == "ab cd");
    CHECK(FoldText(std::string("\xe2\x80")) == "");
  }

  TEST_CASE("corporate forms and connecting words are dropped") {
    CHECK(Canon("Namchongang Trading Co., Ltd.") == Canon("NAMCHONGANG TRADING CORPORATION"));
    CHECK(Canon("Korea Hyoksin Trading Company") == Canon("Korea Hyoksin Trading Corp"));
    CHECK(Canon("Bank of East Land") == Canon("BANK EAST LAND"));
    CHECK(Canon("Limited") == "limited");  // a name made only of such words keeps them
  }

  TEST_CASE("spellings, abbreviations and numbers are unified") {
    CHECK(Canon("Ministry of National Defence") == Canon("MINISTRY OF NATIONAL DEFENSE"));
    CHECK(Canon("Korea Foreign Technical Trade Centre") == Canon("Korea Foreign Technical Trade Center"));
    CHECK(Canon("Korea Ansan Shpg Co") == Canon("Korea Ansan Shipping Company"));
    CHECK(Canon("2nd Academy") == Canon("Second Academy"));
    CHECK(Canon("BILLIONS NO. 18") == "billions 18");
    CHECK(Canon("Min Ning De You 078") == Canon("MIN NING DE YOU 78"));
    CHECK(Canon("Korea Ryonha Machinery J/V") == Canon("Korea Ryonha Machinery Joint Venture"));
  }

  TEST_CASE("hyphens split tokens and joins rebuild them") {
    const auto n = NormalizeName("Jo Chun-ryong");
    REQUIRE(n.tokens.size() == 3);
    bool joined = false;
    for (const auto& j : n.joins) joined = joined || j.canon == "chunryong";
    CHECK(joined);
  }

  TEST_CASE("hostile input is bounded") {
    const std::string long_name(100000, 'a');
    auto n = NormalizeName(long_name);
    CHECK(n.truncated);
    CHECK(n.tokens.size() == 1);
    CHECK(n.tokens[0].raw.size() <= kMaxTokenLength);
    std::string many;
    for (int i = 0; i < 500; ++i) many += "ab ";
    n = NormalizeName(many);
    CHECK(n.tokens.size() <= kMaxTokens);
  }

  TEST_CASE("every documented romanisation spelling maps to its class") {
    std::vector<RomanisationClass> all = RomanisationClasses();
    all.insert(all.end(), ArabicNameClasses().begin(), ArabicNameClasses().end());
    for (const auto& cls : all) {
      for (auto spelling : cls.spellings) {
        INFO(spelling);
        CHECK(CanonicalToken(spelling) == cls.canonical);
      }
    }
  }

  TEST_CASE("the issue's examples are equivalent") {
    CHECK(Canon("Cho") == Canon("Jo"));
    CHECK(Canon("Jo") == Canon("Joe"));
    CHECK(Canon("Chol") == Canon("Chul"));
    CHECK(Canon("Chul") == Canon("Cheol"));
    CHECK(Canon("Ri") == Canon("Li"));
    CHECK(Canon("Ri") == Canon("Rhee"));
    CHECK(Canon("Lee") == Canon("Yi"));
    CHECK(Canon("Pak") == Canon("Park"));
    CHECK(Canon("Park") == Canon("Bak"));
    CHECK(Canon("Jong") == Canon("Chong"));
    CHECK(Canon("Jeong") == Canon("Chong"));
    CHECK(Canon("Un") == Canon("Eun"));
    CHECK(Canon("Kim") == Canon("Gim"));
    CHECK(Canon("Choe") == Canon("Choi"));
    CHECK(Canon("Kang") == Canon("Gang"));
    CHECK(Canon("Ryong") == Canon("Ryeong"));
    CHECK(Canon("Ryeong") == Canon("Yong"));
  }

  TEST_CASE("different syllables stay different") {
    CHECK(Canon("Cho") != Canon("Choe"));
    CHECK(Canon("Pak") != Canon("Paek"));
    CHECK(Canon("Ryu") != Canon("Yu"));
    CHECK(Canon("Chon") != Canon("Chol"));
  }

  TEST_CASE("letter rules apply to romanised Korean only") {
    CHECK(LooksKorean("chunryong"));
    CHECK(LooksKorean("hapjanggang"));
    CHECK(LooksKorean("kwahakwon"));
    CHECK_FALSE(LooksKorean("trading"));
    CHECK_FALSE(LooksKorean("bank"));
    CHECK_FALSE(LooksKorean("yuan"));
    CHECK_FALSE(LooksKorean("tsang"));
    CHECK(CanonicalToken("leader") == "leader");
    CHECK(CanonicalToken("daesong") == CanonicalToken("taesong"));
  }

  TEST_CASE("Jaro-Winkler reference values") {
    CHECK(JaroWinkler("martha", "marhta") == doctest::Approx(0.961).epsilon(0.001));
    CHECK(JaroWinkler("dwayne", "duane") == doctest::Approx(0.84).epsilon(0.001));
    CHECK(JaroWinkler("dixon", "dicksonx") == doctest::Approx(0.813).epsilon(0.001));
    CHECK(JaroWinkler("abc", "abc") == 1.0);
    CHECK(JaroWinkler("abc", "xyz") == 0.0);
    CHECK(JaroWinkler("", "") == 1.0);
    const std::string long_a(1000, 'a');
    CHECK(JaroWinkler(long_a, long_a + "b") == 1.0);  // compared on the first kMaxCompared bytes
  }

  // Jaro as its definition reads, scanning each window: the oracle of the bit-parallel one.
  double JaroByScan(std::string_view a, std::string_view b) {
    a = a.substr(0, std::min(a.size(), kMaxCompared));
    b = b.substr(0, std::min(b.size(), kMaxCompared));
    if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
    const size_t window = std::max(a.size(), b.size()) / 2 > 0 ? std::max(a.size(), b.size()) / 2 - 1 : 0;
    std::vector<bool> used_a(a.size()), used_b(b.size());
    double m = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      for (size_t j = i > window ? i - window : 0; j < std::min(b.size(), i + window + 1); ++j) {
        if (!used_b[j] && a[i] == b[j]) {
          used_a[i] = used_b[j] = true;
          ++m;
          break;
        }
      }
    }
    if (m == 0) return 0.0;
    double half = 0;
    for (size_t i = 0, j = 0; i < a.size(); ++i) {
      if (!used_a[i]) continue;
      while (!used_b[j]) ++j;
      half += a[i] != b[j++] ? 1 : 0;
    }
    const double t = std::floor(half / 2);
    return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - t) / m) / 3.0;
  }

  TEST_CASE("Jaro agrees with the definition on random texts, bytes sharing low bits included") {
    // Letters, digits and lower case ('A' and 'a', '0' and 'p' share their low six bits), up to
    // past kMaxCompared, so every length of window and the truncation are met.
    const std::string alphabet = "ABCDEKNOaeo0p1q-'";
    std::mt19937 rng(84);
    for (int k = 0; k < 200000; ++k) {
      auto text = [&] {
        std::string s(rng() % (k % 50 == 0 ? 70 : 12), ' ');
        for (char& c : s) c = alphabet[rng() % (k % 3 == 0 ? 4 : alphabet.size())];
        return s;
      };
      const std::string a = text(), b = text();
      INFO(a << " / " << b);
      REQUIRE(Jaro(a, b) == JaroByScan(a, b));
    }
  }

  TEST_CASE("the letter-set test agrees with the similarity bound for every length, prefix and cutoff") {
    // Letter sets giving every count of letters each side lacks; the test reads the matches it
    // needs from a table kept per process, which must say what the bound says.
    for (const double cutoff : {kTokenCutoff, kKoreanCutoff, 0.5}) {
      for (size_t la = 1; la <= 70; ++la) {
        for (size_t lb = 1; lb <= 70; ++lb) {
          for (size_t prefix = 0; prefix <= 5; ++prefix) {
            for (size_t miss = 0; miss <= std::min<size_t>(std::min(la, lb), 8); ++miss) {
              const uint64_t a = (uint64_t{1} << 20) - 1;  // 20 letters
              const uint64_t b = a >> miss;                // lacks `miss` of them, has none extra
              const size_t lo = std::min(la, lb), hi = std::max(la, lb);
              const bool compatible = lo * 3 >= hi * 2;
              const bool expected = compatible && miss < la &&
                                    SimilarityBound(std::min(la - miss, lb), la, lb, prefix) >= cutoff;
              INFO(la << " " << lb << " " << prefix << " " << miss << " " << cutoff);
              REQUIRE(MayResemble(la, a, lb, b, prefix, cutoff) == expected);
            }
          }
        }
      }
    }
  }

  TEST_CASE("letters shared counting repeats bound the common bytes, exactly up to three of each") {
    std::mt19937 rng(1695);
    for (int k = 0; k < 20000; ++k) {
      auto text = [&] {
        std::string t(rng() % 16, ' ');
        for (char& c : t) c = "AABNOKp0"[rng() % 8];  // repeats, and 'p' and '0' share low bits
        return t;
      };
      const std::string a = text(), b = text();
      std::array<size_t, 64> ca{}, cb{};
      for (const char c : a) ++ca[static_cast<unsigned char>(c) & 63u];
      for (const char c : b) ++cb[static_cast<unsigned char>(c) & 63u];
      size_t common = 0;
      bool small = true;
      for (size_t c = 0; c < 64; ++c) {
        common += std::min(ca[c], cb[c]);
        small = small && ca[c] <= 3 && cb[c] <= 3;
      }
      const size_t bound = SharedLetters(LetterSet(a), RepeatsOf(a), LetterSet(b), RepeatsOf(b));
      INFO(a << " / " << b);
      CHECK(bound >= common);
      if (small) CHECK(bound == common);
    }
  }

  TEST_CASE("token similarity damps very different lengths and keeps numbers exact") {
    CHECK(TokenSimilarity("namchon", "namchongang", false) < kTokenCutoff);
    CHECK(TokenSimilarity("ryomg", "ryong", false) > 0.9);
    CHECK(TokenSimilarity("6", "8", true) == 0.0);
    CHECK(TokenSimilarity("cho", "choe", false, true) == 0.0);
  }

  TEST_CASE("alignment is order-insensitive and pairs joined given names") {
    const auto listed = NormalizeName("CHO CHUN RYONG");
    CHECK(Align(NormalizeName("Chun Ryong Cho"), listed).score == doctest::Approx(1.0));
    CHECK(Align(NormalizeName("Jo Chunryong"), listed).score > 0.95);
    CHECK(Align(NormalizeName("Kim"), NormalizeName("KIM KYU")).score < 0.7);
  }
}

}  // namespace
}  // namespace sancheck::screen
