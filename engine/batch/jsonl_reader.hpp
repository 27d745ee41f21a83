// JSONL record reader: one JSON object per line, parsed in place without per-field allocation.
#pragma once

#include "batch/line_map.hpp"
#include "batch/raw_record.hpp"

namespace sancheck::batch {

/// Parses one line [begin, end) (without its '\n'; a trailing '\r' is allowed)
/// into `rec`, unescaping strings in place inside the buffer. Unknown keys are
/// validated and skipped; a key given twice (read or skipped) is an error, since
/// either value could be meant; null counts as absent; a NUL byte is named; a
/// UTF-8 byte order mark before the '{' is skipped (columns still count it).
/// On malformed JSON or a wrong value type returns false and fills
/// `err` (column, field, code, message; `err.line` is left to the caller).
/// The fast path (ReadCommonJsonLine) reads the common lines; ScanJsonLine every other.
bool ParseJsonLine(char* begin, char* end, RawRecord& rec, RecordError& err);

/// The same, for a line the caller mapped while finding its end (map.Build(begin, ...)
/// returned `end`), as the batch pipeline does.
bool ParseJsonLine(char* begin, char* end, const LineMap& map, RawRecord& rec, RecordError& err);

/// The strict scanner alone: what ParseJsonLine does with a line the fast path declines.
bool ScanJsonLine(char* begin, char* end, RawRecord& rec, RecordError& err);

/// True when [begin, end) holds only spaces, tabs and '\r' (such lines are skipped).
bool IsBlankLine(const char* begin, const char* end);

}  // namespace sancheck::batch
