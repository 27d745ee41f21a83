// EnumNames: every enumeration of the file formats lists each of its names once, in the order of its values.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "common/enum_names.hpp"

namespace sancheck {
namespace {

template <typename E>
void CheckDistinct(size_t count) {
  const auto names = EnumNames<E>();
  CHECK(names.size() == count);
  std::set<std::string_view> seen;
  for (const auto name : names) {
    CHECK_FALSE(name.empty());
    CHECK(seen.insert(name).second);
  }
}

TEST_SUITE("common.enum_names") {
  TEST_CASE("each enumeration's names are distinct and complete") {
    CheckDistinct<PartyKind>(8);
    CheckDistinct<ActivityType>(9);
    CheckDistinct<ServiceKind>(18);
    CheckDistinct<Unit>(7);
    CheckDistinct<Vehicle>(3);
    CheckDistinct<Verdict>(3);
  }

  TEST_CASE("names come in the order of the values") {
    CHECK(EnumNames<Verdict>() == std::vector<std::string_view>{"permitted", "review", "prohibited"});
    CHECK(EnumNames<ActivityType>().front() == ActivityTypeName(ActivityType::kSupply));
    CHECK(EnumNames<Unit>().back() == UnitName(kLastUnit));
  }
}

}  // namespace
}  // namespace sancheck
