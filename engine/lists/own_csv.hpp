// Imports a company's own watch list from a documented CSV layout (see docs/screening.md, "Importing lists").
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "sancheck/core_types.hpp"
#include "sancheck/diagnostics.hpp"
#include "screen/designations_loader.hpp"

namespace sancheck::lists {

/// The columns of an own list, named by its header line in any order. reference, kind, name
/// and listed_on are required; any other column name is an error.
inline constexpr std::array<std::string_view, 8> kOwnCsvColumns = {"reference", "kind", "name", "aliases",
                                                                  "born", "country", "program", "listed_on"};

/// Reads `file`: kind individual, entity or vessel; aliases, born and program `;`-separated;
/// born as YYYY, YYYY-MM-DD or a range of years YYYY/YYYY (individuals only); country an ISO
/// 3166-1 alpha-2 code (a vessel's flag, else the nationality or seat); listed_on YYYY-MM-DD.
/// Every entry gets `regime`. Errors are "lists.csv.*" at line and column; on any error the
/// list must not be used.
screen::DesignationList ImportOwnCsv(const std::shared_ptr<const SourceFile>& file, Date snapshot,
                                     const std::string& regime, Diagnostics& diags);

}  // namespace sancheck::lists
