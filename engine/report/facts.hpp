// The judged facts of an activity as labelled plain-text rows, shared by the HTML and Markdown reports.
#pragma once

#include <string>
#include <vector>

#include "sancheck/result.hpp"

namespace sancheck::report {

/// One fact: "from" → "Acme Ltd (acme) · CN · company". Plain text: each writer escapes it.
struct FactRow {
  std::string label;
  std::string value;
};

/// The date, parties (with any screening match a finding reports), items, route, claimed
/// exemption and served activity of `a`, in that order; absent facts give no row.
std::vector<FactRow> FactRows(const ActivityResult& a);

}  // namespace sancheck::report
