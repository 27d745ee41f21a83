// Screens party names, aliases and IMO numbers against a designation list, as of a date.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sancheck/core_types.hpp"
#include "sancheck/scenario.hpp"
#include "screen/designation.hpp"
#include "screen/name_index.hpp"
#include "screen/normalize.hpp"
#include "screen/reference_table.hpp"

namespace sancheck::screen {

/// What is known about the party being screened. Everything but `name` is optional and, when
/// given, separates namesakes (country, kind, year of birth) or identifies a vessel (imo).
struct Query {
  std::string name;
  std::vector<std::string> aliases;
  std::optional<Country> country;  ///< nationality, seat, or a vessel's flag
  std::optional<PartyKind> kind;
  std::optional<BirthDate> born;
  std::string imo;  ///< 7 digits, vessels; empty when unknown
};

/// kBelow: under the possible threshold, shown only when a caller asks for a lower one
/// (`screen --threshold`): never an alert.
enum class Strength { kMatch, kPossible, kBelow };
std::string_view StrengthName(Strength s);  ///< "match" / "possible" / "below"

struct Candidate {
  const Designation* designation = nullptr;
  double score = 0;
  Strength strength = Strength::kPossible;
  std::string matched_name;  ///< the listed name or alias that matched
  std::string query_name;    ///< the party's name or alias that matched it
  std::string why;           ///< e.g. "jo~cho (romanisation), chun-ryong=chunryong, born 1960"
};

class Screener {
 public:
  /// At or above: the designation's measures apply (`prohibited`).
  static constexpr double kMatchThreshold = 0.90;
  /// At or above, below kMatchThreshold: someone must look (`review`).
  static constexpr double kPossibleThreshold = 0.80;

  explicit Screener(std::vector<Designation> list);  ///< one list, indexed here

  /// One list file's entries, with its index when it was loaded prebuilt (a snapshot); a part
  /// without one is indexed here.
  struct Part {
    std::vector<Designation> entries;
    std::shared_ptr<const NameIndex> index;
  };
  /// The parts' entries are numbered in order, each part's after the previous one's. They are
  /// kept where they are, not gathered into one buffer: a start would copy the whole list.
  explicit Screener(std::vector<Part> parts);

  /// Exhaustive mode scores every listed name instead of the index's candidates: slow, the
  /// reference the index is checked against (`sancheck screen --exhaustive`).
  void SetExhaustive(bool on) { exhaustive_ = on; }
  bool exhaustive() const { return exhaustive_; }
  ~Screener();
  Screener(Screener&&) noexcept;
  Screener& operator=(Screener&&) noexcept;

  /// Candidates at or above `threshold`, best first (ties by reference); only designations
  /// listed on or before `as_of`. One candidate per designation. `name_has_words`, when given,
  /// is set to whether the query's name normalised to some word (a caller telling a name that
  /// matches no one from one that holds nothing to match need not normalise it again).
  std::vector<Candidate> Screen(const Query& q, Date as_of, double threshold = kPossibleThreshold,
                                bool* name_has_words = nullptr) const;

  /// The 7-digit IMO numbers some listed vessel or company has (the one thing an IMO screening
  /// can find), ascending, as numbers: a batch screens a record's vessel only when it has one.
  std::vector<uint32_t> ImoNumbers() const;

  /// How many designations, over every part.
  size_t size() const { return size_; }
  /// The designation numbered `id` (< size()).
  const Designation& At(uint32_t id) const {
    const Segment& s = SegmentAt(id);
    return s.entries[id - s.first];
  }
  /// The number of a designation of this screener (one a Candidate points to).
  uint32_t IdOf(const Designation* d) const;
  /// The designation with this reference, or null.
  const Designation* Find(std::string_view reference) const;

 private:
  struct Scored;
  /// One list: its entries are designations first.., its index's names global names name_base...
  struct Segment {
    std::vector<Designation> entries;
    std::shared_ptr<const NameIndex> index;
    uint32_t first = 0;
    uint32_t name_base = 0;
  };

  const Segment& SegmentOf(uint32_t name) const;   ///< of a global name
  const Segment& SegmentAt(uint32_t id) const;     ///< of a designation
  void ScreenName(const Query& q, const std::string& query_name, const NormalizedName& qn, Date as_of,
                  double threshold, std::vector<Scored>& best) const;
  void ScreenImo(const Query& q, Date as_of, std::vector<Scored>& best) const;

  /// One per part, in order. A segment's entries never move once built (moving a segment
  /// keeps its vector's buffer), so views of them stay valid.
  std::vector<Segment> segments_;
  size_t size_ = 0;
  std::unordered_map<std::string, std::vector<uint32_t>> by_imo_;  ///< IMO -> designation ids
  ReferenceTable by_reference_;
  bool exhaustive_ = false;
};

}  // namespace sancheck::screen
