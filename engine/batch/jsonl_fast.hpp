// Fast path of the JSONL reader: lines of the common shape read in one pass, anything unusual left to the strict scanner.
#pragma once

#include "batch/line_map.hpp"
#include "batch/raw_record.hpp"

namespace sancheck::batch {

/// Reads [begin, end), which `map` maps (map.Build(begin, ...) returned `end`), into `rec`
/// when the line is a record of the common shape: one object of known keys, each given once,
/// whose values are strings (escapes allowed, decoded in place) or, for `tags`, a list of
/// strings, or, for quantity and value_usd, JSON numbers; whitespace between tokens, but no
/// control character, is allowed. Any other line — an unknown or repeated key, a key with an
/// escape, null, a byte order mark, an empty object, anything malformed — is declined: false,
/// with nothing written to the buffer (escapes are decoded only once the whole line is read),
/// so that the strict scanner (ScanJsonLine) reads it from scratch and positions its error.
/// A line read here reads the same under ScanJsonLine (the differential test and the reader
/// fuzz target check that). The record's hint: `ascii` when no string holds a byte past
/// ASCII.
bool ReadCommonJsonLine(char* begin, char* end, const LineMap& map, RawRecord& rec);

}  // namespace sancheck::batch
