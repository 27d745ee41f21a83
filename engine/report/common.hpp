// Small pieces the report writers share: citation lists, finding subjects, audit lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sancheck/result.hpp"

namespace sancheck::report {

/// `s` without trailing blanks and newlines (folded YAML scalars end in one).
std::string Trimmed(std::string_view s);

/// "S/RES/1718 (2006), OP 8(b); S/RES/1874 (2009), OP 9".
std::string JoinCitations(const std::vector<Citation>& citations, std::string_view separator = "; ");

/// "verified: text" — how far a citation was checked, as every report shows it.
std::string VerificationLabel(const Citation& c);

/// "item 0: 152 mm shells" for an item finding, "" for a whole-activity finding.
std::string ItemLabel(const Finding& f);

/// "un-dprk 2024.1 (sha256 …)".
std::string PackLabel(const PackInfo& p);

/// "un-dprk 2024.1, un-lists 2026.1", or "none": the packs a run was judged with, in one line.
std::string PackNames(const std::vector<PackInfo>& packs);

/// "un-dprk, generated 2026-02-27, 192 entries, built in, sha256 …": a designation list as
/// every audit block names it.
std::string ListLabel(const ListInfo& l);

/// " on un-consolidated (Al-Qaida)": the list and regime of a match's entry, "" for a
/// designation the scenario states.
std::string MatchSource(const Match& m);

/// Whether a built-in pack judged the run: --no-builtin (or a folder replacing
/// the built-in pack) turns it off, and every audit block says so.
bool BuiltinPacks(const RunResult& run);

/// "2024-09-26 (430 days old on the day of the run)", or "none".
std::string SnapshotText(const RunResult& run);

/// "report 3f2a… · prepared by A · reviewed by B": the header line of the text, Markdown and
/// HTML reports (names only when given).
std::string IdentityLine(const RunResult& run);
/// Counts as "1 activity" / "3 activities", "1 scenario" / "2 scenarios".
std::string Plural(int n, std::string_view one, std::string_view many);

/// The unique scenario files of a run, in first-seen order, with their SHA-256.
struct FileHash {
  std::string file;
  std::string sha256;
};
std::vector<FileHash> ScenarioFiles(const RunResult& run);

}  // namespace sancheck::report
