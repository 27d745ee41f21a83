// Imports the UN Security Council Consolidated List (its official XML schema) as a designation list.
#pragma once

#include <cstddef>
#include <memory>

#include "sancheck/diagnostics.hpp"
#include "screen/designations_loader.hpp"

namespace sancheck::lists {

/// Largest UN XML file read (the whole list is about 2 MB).
inline constexpr size_t kMaxUnXmlBytes = 64u << 20;

/// Parses `file` with libxml2 (no network, no DTD, no entity substitution). The list is named
/// "un-consolidated", its snapshot is the root's dateGenerated, each entry's regime its
/// UN_LIST_TYPE. Errors are "lists.*" diagnostics at the file's line and column; on any
/// error the returned list must not be used.
screen::DesignationList ImportUnXml(const std::shared_ptr<const SourceFile>& file, Diagnostics& diags);

}  // namespace sancheck::lists
