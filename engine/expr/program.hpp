// The compiled, immutable form of a condition that the evaluator runs (no names, no text lookups).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "expr/fields.hpp"
#include "expr/types.hpp"

namespace sancheck::expr {

/// A set of constants of one element type: a named pack set or a list literal.
/// HS codes are kept as sorted, merged intervals of 10-digit codes.
struct ValueSet {
  std::string name;  ///< "$arms-hs", or empty for a list literal
  Type element = Type::kCountry;
  CountrySet countries;
  TagSet tags;
  uint64_t enums = 0;  ///< bit per enumerator
  std::vector<std::pair<uint64_t, uint64_t>> hs;
  std::vector<double> numbers;
  std::vector<int32_t> dates;
  size_t size = 0;     ///< number of values as written (for lint: empty sets)

  void Normalize();    ///< sorts and merges the HS intervals
  /// Three-valued HS membership: inside an interval → true; disjoint from all →
  /// false; a short code that straddles a boundary (84 vs 8401) → unknown.
  Truth ContainsHs(uint64_t lo, uint64_t hi) const;
};

/// Intervals of 10-digit HS codes, as ValueSet::hs holds them.
using HsIntervals = std::vector<std::pair<uint64_t, uint64_t>>;

/// The codes in both `a` and `b` (for analyses that narrow HS sets along a condition).
HsIntervals IntersectIntervals(const HsIntervals& a, const HsIntervals& b);

enum class Op : uint8_t {
  kConst,        ///< constant truth
  kAnd, kOr, kNot,
  kBoolField,    ///< a three-valued boolean fact (e.g. from.designated)
  kCompare,      ///< lhs cmp rhs over scalars
  kInSet,        ///< scalar field ∈ set
  kListInSet,    ///< some element of a list field ∈ set
  kInListField,  ///< scalar (constant or field) ∈ list field
  kAny, kAll,    ///< quantifiers over the activity's items
  kKnown,        ///< the field has a value
  kEmpty,        ///< the list field has no element
};

enum class CmpOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

/// A constant or a field reference. Constants: `i` holds dates (days),
/// countries, enumerators, tags and booleans; `num` holds numbers.
struct Operand {
  bool is_field = false;
  FieldId field = FieldId::kType;
  int64_t i = 0;
  double num = 0;
};

struct Node {
  Op op = Op::kConst;
  CmpOp cmp = CmpOp::kEq;
  Type type = Type::kBool;  ///< operand type for comparisons and sets
  Truth constant = Truth::kFalse;
  Operand lhs, rhs;
  uint32_t set = 0;                ///< index into Program::sets
  uint32_t first = 0, count = 0;   ///< children, in Program::children
  int begin = 0, end = 0;          ///< source range inside the condition text
};

struct Program {
  std::vector<Node> nodes;
  std::vector<uint32_t> children;
  std::vector<std::shared_ptr<const ValueSet>> sets;
  uint32_t root = 0;
  bool item_scoped = false;  ///< reads item.* outside any()/all(): judged once per item
  std::string text;          ///< the condition as written
  std::vector<std::string> sets_used;  ///< names of pack sets referenced (for lint)
  std::vector<FieldId> fields_read;    ///< distinct fields read (for explain and indexing)
};

}  // namespace sancheck::expr
