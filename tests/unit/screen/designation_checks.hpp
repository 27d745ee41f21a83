// Test helper: two lists of designations hold the same entries, field by field (a snapshot against its source).
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "screen/designation.hpp"

namespace sancheck::screen {

inline void CheckSameEntries(const std::vector<Designation>& want, const std::vector<Designation>& got) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Designation& a = want[i];
    const Designation& b = got[i];
    CHECK(a.reference == b.reference);
    CHECK(a.kind == b.kind);
    CHECK(a.name == b.name);
    CHECK(a.aliases == b.aliases);
    CHECK(a.original_names == b.original_names);
    CHECK(a.births.size() == b.births.size());
    CHECK(a.listed_on == b.listed_on);
    CHECK(a.updated == b.updated);
    CHECK(a.delisted_on == b.delisted_on);
    CHECK(a.regime == b.regime);
    CHECK(a.company_imo == b.company_imo);
    CHECK(a.imo == b.imo);
    CHECK(a.flag == b.flag);
    CHECK(a.note == b.note);
    CHECK(a.pos.line == b.pos.line);
  }
}

}  // namespace sancheck::screen
