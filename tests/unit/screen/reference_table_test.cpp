// ReferenceTable: every reference finds its first id, an absent one none, across colliding slots.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "screen/reference_table.hpp"

namespace sancheck::screen {

TEST_SUITE("screen.reference_table") {
  TEST_CASE("each reference finds the first id filed under it, others find none") {
    std::vector<std::string> refs;
    for (int i = 0; i < 5000; ++i) refs.push_back("KPi." + std::to_string(i));
    refs.push_back("KPi.17");  // a repeat: the first id is kept
    refs.push_back("");        // an empty reference is a reference like any other
    const auto of = [&](uint32_t id) { return std::string_view(refs[id]); };
    ReferenceTable table;
    CHECK(table.Find("KPi.1", of) == -1);  // before Build: empty
    table.Build(static_cast<uint32_t>(refs.size()), of);
    for (int i = 0; i < 5000; ++i) CHECK(table.Find(refs[static_cast<size_t>(i)], of) == i);
    CHECK(table.Find("", of) == 5001);
    CHECK(table.Find("KPi.5000", of) == -1);
    CHECK(table.Find("kpi.17", of) == -1);  // exact bytes, as the designation's reference
  }
}

}  // namespace sancheck::screen
