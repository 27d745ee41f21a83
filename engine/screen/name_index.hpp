// The screening index of one designation list: its names in a compact arena and
// token-key postings in flat sorted arrays.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "screen/designation.hpp"
#include "screen/normalize.hpp"

namespace sancheck::screen {

/// Where a listed name comes from in its designation.
enum class NameSource : uint8_t { kName, kAlias, kOriginal };

/// One indexed form of a listed name (a name, alias, the name without a
/// parenthesis, a romanisation of a name in another script). 16 bytes; the
/// tokens live in the arena.
struct IndexedName {
  uint32_t designation = 0;  ///< index into the list the index was built from
  uint32_t offset = 0;       ///< of its encoded tokens in NameIndex::arena
  float weight = 0;          ///< NormalizedName::total_weight, for the score bound without decoding
  uint16_t listed = 0;       ///< which alias or original name (NameSource)
  uint8_t source = 0;        ///< NameSource
  uint8_t flags = 0;         ///< kAcronymName, kKoreanName
};
static_assert(sizeof(IndexedName) == 16);

inline constexpr uint8_t kAcronymName = 1;
inline constexpr uint8_t kKoreanName = 2;

/// Posting lists in CSR form: the ids of names having keys[k] are ids[starts[k]
/// .. starts[k+1]). A name's keys: each token's canonical and written forms,
/// their single-letter deletions (tokens of 4 letters or more), and the joined
/// runs of adjacent tokens.
struct NameIndex {
  std::vector<IndexedName> names;
  std::string arena;
  std::vector<uint64_t> keys;    ///< sorted, unique
  std::vector<uint32_t> starts;  ///< keys.size() + 1 entries
  std::vector<uint32_t> ids;

  /// Indexes every name, alias and original-script name of `list` (designation
  /// ids count from its first entry).
  static NameIndex Build(std::span<const Designation> list);

  /// The name's normalised form, as NormalizeName gave it when the index was
  /// built.
  void Decode(uint32_t name, NormalizedName& out) const;
  /// The listed text a name was made from (its designation's name, an alias or
  /// an original name).
  static const std::string& Listed(const Designation& d, const IndexedName& n);

  /// Names that may score `floor` or more against `q` (see docs/screening.md,
  /// "Index"): query tokens are taken from the rarest key to the most common,
  /// and the most common ones are not looked up once the weight they carry
  /// could no longer lift a name to `floor`; a name found is kept when the
  /// query tokens it shares a key with, plus those not looked up, can still
  /// lift it there.
  void Collect(const NormalizedName& q, double floor, std::vector<uint32_t>& out) const;

  /// Checks a loaded index against the list it was built from: every offset,
  /// id, alias and count in range and every name decodable. Empty when sound,
  /// else what is wrong.
  std::string Validate(const std::vector<Designation>& list) const;
};

}  // namespace sancheck::screen
