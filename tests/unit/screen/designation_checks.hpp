// Test helper: two designation lists hold the same provenance and entries, field by field (a written or compiled list against its source).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "screen/designations_loader.hpp"

namespace sancheck::screen {

inline std::string BirthsText(const std::vector<BirthSpan>& births) {
  std::string out;
  for (const auto& b : births) {
    out += std::to_string(b.born.year) + (b.born.date ? "=" + b.born.date->ToString() : "") + "/" +
           std::to_string(b.until) + " ";
  }
  return out;
}

/// Every field but the position, which a list written anew does not keep.
inline void CheckSameEntry(const Designation& a, const Designation& b) {
  INFO("entry ", a.reference);
  CHECK(a.reference == b.reference);
  CHECK(a.kind == b.kind);
  CHECK(a.name == b.name);
  CHECK(a.aliases == b.aliases);
  CHECK(a.original_names == b.original_names);
  CHECK(BirthsText(a.births) == BirthsText(b.births));
  CHECK(a.listed_on == b.listed_on);
  CHECK(a.updated == b.updated);
  CHECK(a.delisted_on == b.delisted_on);
  CHECK(a.regime == b.regime);
  CHECK(a.programs == b.programs);
  CHECK(a.nationality == b.nationality);
  CHECK(a.resolution == b.resolution);
  CHECK(a.title == b.title);
  CHECK(a.note == b.note);
  CHECK(a.imo == b.imo);
  CHECK(a.imo_status == b.imo_status);
  CHECK(a.flag == b.flag);
  CHECK(a.flag_status == b.flag_status);
  CHECK(a.listing_status == b.listing_status);
  CHECK(a.company_imo == b.company_imo);
}

/// The same entries in the same order, at the same lines (a snapshot keeps positions).
inline void CheckSameEntries(const std::vector<Designation>& want, const std::vector<Designation>& got) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CheckSameEntry(want[i], got[i]);
    CHECK(want[i].pos.line == got[i].pos.line);
  }
}

/// Name, date, source, format, regime and inputs.
inline void CheckSameProvenance(const DesignationList& want, const DesignationList& got) {
  CHECK(got.name == want.name);
  CHECK(got.snapshot == want.snapshot);
  CHECK(got.source == want.source);
  CHECK(got.format == want.format);
  CHECK(got.regime == want.regime);
  REQUIRE(got.inputs.size() == want.inputs.size());
  for (size_t i = 0; i < want.inputs.size(); ++i) {
    CHECK(got.inputs[i].file == want.inputs[i].file);
    CHECK(got.inputs[i].sha256 == want.inputs[i].sha256);
  }
}

}  // namespace sancheck::screen
