// Reads OFAC's sdn_comments.csv: the continuation of Remarks cut at 1,000 characters, per entity number.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sancheck/diagnostics.hpp"

namespace sancheck::lists {

/// One row of sdn_comments.csv: `ent_num,"Remarks_Extended"`.
struct OfacComment {
  std::string ent_num;
  std::string text;  ///< as OFAC wrote it: the rest of the entry's Remarks, from the very byte they were cut at
  int line = 0;      ///< 1-based, for the entry-number errors the join gives
};

/// Reads the rows of `file` in order. Each is one line (CRLF or LF): an entity number, a comma and
/// the remark, quoted or not ("-0-" an empty one). The quoted remark runs to the last quote of its
/// line and keeps any quote inside it, doubled or not: OFAC writes `a.k.a. "NAME"` inside its
/// quotes without doubling them, where an RFC 4180 reader stops or fails. Blank lines and the DOS
/// end-of-file byte closing the file are skipped. A malformed row is "lists.ofac.bad_csv" at its
/// line and column; then nullopt.
std::optional<std::vector<OfacComment>> ReadOfacComments(const std::shared_ptr<const SourceFile>& file,
                                                         Diagnostics& diags);

}  // namespace sancheck::lists
