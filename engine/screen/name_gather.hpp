// Gathering one query's names from the index: the rarest parts' names in id order, the common parts searched among them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "screen/name_pairing.hpp"

namespace sancheck::screen {

struct NameIndex;

/// One query's parts, rarest first, and where gathering stops: the names of parts
/// [0, essential) are gathered, those of the rest only searched for among them;
/// rest[e] is the most the parts from e on may pair.
struct GatherPlan {
  const std::vector<Part>& parts;
  const std::vector<TermRange>& ranges;
  const std::vector<Pairing>& rest;
  size_t essential = 0;
  double floor = 0;
  const ScoreBound& bound;
};

/// Per-thread scratch reused from query to query: nothing is allocated once warm.
class NameGatherer {
 public:
  /// Appends to `out`, ascending, the names of `index` that may reach plan.floor.
  void Run(const NameIndex& index, const GatherPlan& plan, std::vector<uint32_t>& out);

 private:
  // A name pairing one range only (most of those gathered) is kept as that range,
  // not as a Pairing: whether it may reach the floor is then one answer per range
  // and stage, and only the names a common part also pairs get a Pairing of their own.
  static constexpr uint32_t kSingle = 0x80000000u;

  /// single_ok_[r] for every range gathered: whether a name pairing that range alone may
  /// reach the floor with `later`. A few dozen bounds a stage, where a name is tested each.
  void FindSingles(const GatherPlan& plan, const Pairing& later);
  Pairing PairingOf(const GatherPlan& plan, size_t k) const;  ///< of ids_[k], built when kSingle
  void Materialize(const GatherPlan& plan, size_t k);
  void Keep(const NameIndex& index, const GatherPlan& plan, const Pairing& later, bool weighed);
  void SearchPart(const NameIndex& index, const GatherPlan& plan, size_t e);
  void Mark(uint32_t id, bool on) {
    if (on) {
      present_[id >> 6] |= uint64_t{1} << (id & 63);
    } else {
      present_[id >> 6] &= ~(uint64_t{1} << (id & 63));
    }
  }

  std::vector<uint64_t> entries_;  ///< per name gathered and range: name id << 32 | range
  std::vector<uint64_t> sort_scratch_;
  std::vector<uint32_t> range_part_;  ///< the part each gathered range belongs to
  std::vector<uint32_t> ids_;         ///< the names still in the running, ascending
  std::vector<uint32_t> state_;       ///< beside them: kSingle | range, or an index into pool_
  std::vector<Pairing> pool_;
  std::vector<uint8_t> single_ok_;  ///< per range gathered (FindSingles)
  /// One bit per listed name: in ids_. Cleared after each query; a bit left by a query cut short
  /// (an allocation that threw) costs one search, never a wrong result: a hit is confirmed in ids_.
  std::vector<uint64_t> present_;
  bool marked_ = false;            ///< ids_ are marked in present_
  std::vector<uint32_t> word_first_;  ///< per word of present_ with a bit set: its first name's place in ids_
};

}  // namespace sancheck::screen
