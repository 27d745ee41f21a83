// Fast path of the JSONL reader: lines of the common shape read in one pass, anything unusual left to the strict scanner.
#pragma once

#include "batch/line_map.hpp"
#include "batch/raw_record.hpp"

namespace sancheck::batch {

/// Reads [begin, end), which `map` maps (map.Build(begin, ...) returned `end`), into `rec` when the line is a record of the common shape: one object of
/// known keys, each given once, whose strings hold no escape or control character, whose
/// `tags` is a list of such strings and whose quantity and value_usd are JSON numbers
/// (whitespace between tokens allowed). Any other line — an unknown or repeated key, an
/// escape, null, a byte order mark, an empty object, anything malformed — is declined: false,
/// with nothing written to the buffer, so that the strict scanner (ScanJsonLine) reads it from
/// scratch and positions its error. A line read here reads the same under ScanJsonLine (the
/// differential test and the reader fuzz target check that); `rec.ascii` is set when every
/// string of the line is ASCII.
bool ReadCommonJsonLine(char* begin, char* end, const LineMap& map, RawRecord& rec);

}  // namespace sancheck::batch
