// How a name's parts weigh against a listed person's: middle names, religious titles used as names, a company's legal form, a word of its own on each side.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "screen/alignment.hpp"
#include "screen/normalize.hpp"
#include "screen/screener.hpp"
#include "un_screener.hpp"

namespace sancheck::screen {
namespace {

double Score(const std::string& name, const std::string& reference) { return ScoreAgainstEveryRegime(name, reference); }

TEST_SUITE("screen.name_parts") {
  TEST_CASE("a middle name left out is a possible match, the whole name a match") {
    // QDi.366 TARKHAN ISMAILOVICH GAZIEV, alias Tarkhan Isaevich Gaziev: a patronymic dropped.
    CHECK(Score("Tarkhan Gaziev", "QDi.366") >= Screener::kPossibleThreshold);
    CHECK(Score("Tarkhan Gaziev", "QDi.366") < Screener::kMatchThreshold);
    // TAi.110 NOOR MOHAMMAD SAQIB: a second name dropped.
    CHECK(Score("Noor Saqib", "TAi.110") >= Screener::kPossibleThreshold);
    CHECK(Score("Noor Mohammad Saqib", "TAi.110") >= 0.99);
    const NormalizedName n = NormalizeName("Tarkhan Isaevich Gaziev");
    REQUIRE(n.tokens.size() == 3);
    CHECK(n.tokens[1].weight == doctest::Approx(8 * kMiddleNameWeight));  // "isaevich"
    CHECK(n.tokens[2].weight == doctest::Approx(6.0));
    // Written surname first with a comma, the middle name is the one said between them.
    const NormalizedName inverted = NormalizeName("GAZIEV, Tarkhan Isaevich");
    REQUIRE(inverted.tokens.size() == 3);
    // The surname and the first given name weigh their letters; "isaevich" half its 8.
    CHECK(inverted.tokens[0].weight == doctest::Approx(static_cast<float>(inverted.tokens[0].canon.size())));
    CHECK(inverted.tokens[1].weight == doctest::Approx(static_cast<float>(inverted.tokens[1].canon.size())));
    CHECK(inverted.tokens[2].weight == doctest::Approx(8 * kMiddleNameWeight));
    // A company's name (a generic word) and romanised Korean syllables keep their weights.
    const NormalizedName company = NormalizeName("Korea Kumsan Trading");
    CHECK(company.tokens[1].weight == doctest::Approx(6.0));
    const NormalizedName korean = NormalizeName("Cho Chun Ryong");
    CHECK(korean.tokens[1].weight == doctest::Approx(static_cast<float>(korean.tokens[1].canon.size())));
  }

  TEST_CASE("another middle name is another person, an initial may be the same") {
    // IRi.019 SEYYED HUSSEIN HOSSEINI: each name has a middle word the other lacks.
    CHECK(Score("Seyyed Omid Hosseini", "IRi.019") < Screener::kPossibleThreshold);
    CHECK(Score("Seyyed Hussein Hosseini", "IRi.019") >= Screener::kMatchThreshold);
    // A middle initial may stand for the listed middle name (CFi.001 SAMUEL PETER MUDDE): paired
    // loosely, a possible match, never a match on a letter.
    CHECK(Score("Samuel P. Mudde", "CFi.001") >= Screener::kPossibleThreshold);
    CHECK(Score("Samuel P. Mudde", "CFi.001") < Screener::kMatchThreshold);
    const Alignment a = Align(NormalizeName("Samuel P. Mudde"), NormalizeName("Samuel Peter Mudde"));
    CHECK(a.pair_count == 3);
    CHECK(std::any_of(a.pairs.begin(), a.pairs.begin() + a.pair_count,
                      [](const AlignedPair& p) { return p.sim == kInitialSim; }));
    // Another letter is no initial of it: another middle name, another person.
    CHECK(Align(NormalizeName("Samuel Q. Mudde"), NormalizeName("Samuel Peter Mudde")).pair_count == 2);
    CHECK(Score("Samuel Q. Mudde", "CFi.001") < Screener::kPossibleThreshold);
    CHECK(Score("Samuel Q. Mudde", "CFi.001") > 0);
    // A letter alone is no name: it pairs as an initial only beside a word paired otherwise
    // (KPe.047 FOREIGN TRADE BANK, alias FTB; a party named "F" is not it).
    CHECK(Align(NormalizeName("F"), NormalizeName("FTB")).pair_count == 0);
    CHECK(Score("F", "KPe.047") < Screener::kPossibleThreshold);
    // Nor is a surname with an initial: two words must pair otherwise (QDi.028, alias "Ahmed, A").
    CHECK(Align(NormalizeName("Ainab Ahmed"), NormalizeName("Ahmed, A")).pair_count == 1);
    CHECK(Score("Ainab Ahmed", "QDi.028") < Screener::kPossibleThreshold);
    // Two pairs, not two query words: "Nur Eldine" pairs the one listed word NOURREDINE (CFi.002).
    CHECK(Score("Nur Eldine A", "CFi.002") < Screener::kPossibleThreshold);
  }

  TEST_CASE("a religious title where none stands is a name") {
    // Last in a name ("Sheikh" a family name), or after the article ("Al-Mulla" a family).
    const NormalizedName last = NormalizeName("Kashif Sheikh");
    REQUIRE(last.tokens.size() == 2);
    CHECK(last.tokens[1].canon == "sheikh");
    const NormalizedName family = NormalizeName("Hamid Al-Mulla");
    CHECK(family.tokens.size() == 3);
    // First it is a title, and so it is last in a name written surname first ("AWEYS, Sheikh").
    CHECK(NormalizeName("Sheikh Kashif").tokens.size() == 1);
    CHECK(NormalizeName("AWEYS, Sheikh").tokens.size() == 1);
    CHECK(Score("Kashif Sheikh", "LYi.025") < Screener::kPossibleThreshold);  // its alias "Kashlaf"
    CHECK(Score("Kashlaf", "LYi.025") >= Screener::kMatchThreshold);
    // Before a comma the title's word is the surname: "SHEIKH, Kashif" is Kashif Sheikh.
    CHECK(NormalizeName("SHEIKH, Kashif").tokens.size() == 2);
    // The pilgrim's title the article begins is a title: "El Hadji Malick Diop" is Malick Diop.
    CHECK(NormalizeName("El Hadji Malick Diop").tokens.size() == 2);
    CHECK(NormalizeName("Al-Haji Mohammed Yusuf").tokens.size() == NormalizeName("Alhaji Mohammed Yusuf").tokens.size());
    CHECK(Score("Sheikh Aweys", "SOi.002") >= Screener::kMatchThreshold);
  }

  TEST_CASE("a company's legal form on a party's name is a word a person's name lacks") {
    const NormalizedName n = NormalizeName("Oumar Co");
    CHECK(n.legal_form);
    CHECK_FALSE(NormalizeName("Co").legal_form);  // a name made of it alone keeps it as its word
    // QDi.247's alias "Sheik Omar" is one word once its title is dropped.
    CHECK(Score("Oumar Co", "QDi.247") < Screener::kPossibleThreshold);
    CHECK(Score("Oumar", "QDi.247") >= Screener::kPossibleThreshold);
  }

  TEST_CASE("words only resembling the listed ones, none the same, are another name") {
    // CFi.011's alias Salim Ogaro: each word a letter or two off, by no clerk's slip.
    CHECK(Score("Salif Okafor", "CFi.011") < Screener::kPossibleThreshold);
    // Two slips, one in each word, are still the name.
    CHECK(Score("Slaim Ogaor", "CFi.011") >= Screener::kPossibleThreshold);
    // So for an organisation's name: QDe.129's alias Ansar al-Shari'a.
    CHECK(Score("Anas Shalabi", "QDe.129") < Screener::kPossibleThreshold);
    CHECK(Score("Ansar al-Sharia", "QDe.129") >= Screener::kMatchThreshold);
  }

  TEST_CASE("the UN list's own titles are titles: Imam, Ustad, Doctor") {
    CHECK(NormalizeName("Imam Ali Awas").tokens.size() == 2);
    CHECK(NormalizeName("Ustad Ali Awas").tokens.size() == 2);
    CHECK(NormalizeName("Doctor Ali Awas").tokens.size() == 2);
    CHECK(NormalizeName("Cheikh Ali Awas").tokens.size() == 2);  // Sheikh as French writes it
    CHECK(Score("Imam Ali Awas", "QDi.384") >= Screener::kMatchThreshold);
    // After the article it is a name: "Khataib al-Imam al-Bukhari".
    CHECK(NormalizeName("Khataib al-Imam al-Bukhari").tokens.size() == 5);
  }

  TEST_CASE("Abd al- written apart or run into the name is Abdul") {
    const NormalizedName apart = NormalizeName("Abd al-Hadi");
    REQUIRE(apart.tokens.size() == 2);
    CHECK(apart.tokens[0].canon == "abdul");
    CHECK(apart.tokens[1].raw == "hadi");
    CHECK(apart.tokens[0].raw == "abdal");  // as written: "Abdalhadi" runs the same letters
    const NormalizedName run = NormalizeName("Abd alHadi");
    REQUIRE(run.tokens.size() == 2);
    CHECK(run.tokens[1].raw == "hadi");
    CHECK(NormalizeName("Abd-el-Karim").tokens[0].raw == "abdel");
    // The one-word spellings meet the listed "Abd Al-Hadi Al-Iraqi" (QDi.012) too.
    CHECK(Score("Abdalhadi al-Iraqi", "QDi.012") >= Screener::kMatchThreshold);
    CHECK(NormalizeName("Abd Alan").tokens.size() == 2);  // a name of four letters after it is kept whole
    CHECK(Score("Abd Al Hadi al-Taweel", "QDi.012") >= Screener::kMatchThreshold);
    CHECK(Score("Abd al Hai Motmaen", "TAi.051") >= Screener::kPossibleThreshold);
  }

  TEST_CASE("given names other languages spell otherwise: Omer, Tarek, Qassem, Abdulla") {
    CHECK(Score("Abu Omer", "QDi.345") >= Screener::kMatchThreshold);
    CHECK(Score("Adil Abdulla Mahdi", "IQi.052") >= Screener::kMatchThreshold);
    CHECK(NormalizeName("Tarek").tokens[0].canon == NormalizeName("Tariq").tokens[0].canon);
    CHECK(NormalizeName("Ghasem").tokens[0].canon == NormalizeName("Qasim").tokens[0].canon);
  }

  TEST_CASE("a limited liability company's name is its name") {
    CHECK(Score("Al Wasel and Babel General Trading Limited Liability Company", "IQe.197") >= Screener::kMatchThreshold);
  }

  TEST_CASE("son of and Ali as other languages write them") {
    CHECK(Score("Omar Aly Hussain", "QDi.359") >= Screener::kMatchThreshold);
    CHECK(Score("Moussa ibn Omar bin Aly Essaadi", "QDi.096") >= Screener::kMatchThreshold);
  }
}

}  // namespace
}  // namespace sancheck::screen
