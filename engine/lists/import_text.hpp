// Small text helpers every list importer shares: trimming, whitespace folding, abridging, dates with a zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/strings.hpp"  // AsciiLower: list fields written in capitals by one snapshot and not by another
#include "sancheck/core_types.hpp"
#include "screen/designation.hpp"

namespace sancheck::lists {

/// `s` without leading and trailing blanks (space, tab, CR, LF).
std::string_view Trimmed(std::string_view s);

/// Runs of blanks and line breaks folded to one space, trimmed: lists wrap long text.
std::string FoldSpaces(std::string_view s);

/// At most `max_bytes` of `s` (cut on a character boundary) with "..." when cut.
std::string Abridged(std::string_view s, size_t max_bytes);

/// An xs:date or xs:dateTime: YYYY-MM-DD, an optional time ("T10:00:09", "T00:00:09.554") and an
/// optional zone ("Z", "+hh:mm", "-hh:mm"), which the UN XML gives on some dates
/// ("2015-04-07-04:00"): the calendar date is kept, the time and zone dropped. Anything else
/// after the date is no date.
std::optional<Date> ParseListDate(std::string_view s);

/// Whether a listed date of birth falls after `list_date`, the date the list was made: a slip in
/// the list (2031 for 1931), which importers leave out and say.
bool BornAfter(const screen::BirthSpan& span, Date list_date);

/// Appends `value` unless it is empty or already present (aliases, births' text).
void AddUnique(std::vector<std::string>& to, std::string value);
/// Appends `span` unless the same date, year or range is there already: a list may give a year
/// twice ("DOB circa 1948; alt. DOB Dec 1948", whose month sancheck does not keep).
void AddUnique(std::vector<screen::BirthSpan>& to, const screen::BirthSpan& span);

/// Every IMO number `text` names, in order and each once: "IMO" as a word, then spaces, ')',
/// ':' or "Number" ("IMO 9187629", "(IMO) Number: 1790183", "Company Number IMO 5434358"),
/// then exactly 7 digits. `unread` is set when IMO is named with no such number ("IMO 15411").
/// The UN's narratives and OFAC's remarks are both read with it.
void ImoNumbersIn(std::string_view text, std::vector<std::string>& out, bool& unread);

/// "data/un.xml" -> "un.xml": how a list's provenance names an input file (no directories,
/// which would differ from machine to machine).
std::string BaseName(std::string_view path);

/// `parts` joined with `sep`.
std::string Joined(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace sancheck::lists
