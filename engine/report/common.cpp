// Small pieces the report writers share: citation lists, finding subjects, audit lines.
#include "report/common.hpp"

namespace sancheck::report {

std::string Trimmed(std::string_view s) {
  const size_t end = s.find_last_not_of(" \t\r\n");
  return end == std::string_view::npos ? "" : std::string(s.substr(0, end + 1));
}

std::string JoinCitations(const std::vector<Citation>& citations, std::string_view separator) {
  std::string out;
  for (const auto& c : citations) {
    if (!out.empty()) out += separator;
    out += c.text;
  }
  return out;
}

std::string VerificationLabel(const Citation& c) {
  return "verified: " + std::string(VerificationName(c.verified));
}

std::string ItemLabel(const Finding& f) {
  if (f.item < 0) return "";
  std::string s = "item " + std::to_string(f.item);
  if (!f.item_description.empty()) s += ": " + f.item_description;
  return s;
}

std::string PackLabel(const PackInfo& p) {
  return p.name + " " + p.version + " (sha256 " + p.sha256 + ")";
}

std::string PackNames(const std::vector<PackInfo>& packs) {
  std::string out;
  for (const auto& p : packs) out += (out.empty() ? "" : ", ") + p.name + " " + p.version;
  return out.empty() ? "none" : out;
}

std::string ListLabel(const ListInfo& l) {
  return l.name + ", generated " + (l.snapshot.empty() ? "(undated)" : l.snapshot) + ", " +
         Plural(static_cast<int>(l.entries), "entry", "entries") + (l.builtin ? ", built in" : "") +
         (l.format.empty() ? "" : ", imported from " + l.format) + ", sha256 " + l.sha256;
}

std::string MatchSource(const Match& m) {
  if (m.list.empty()) return "";
  return " on " + m.list + (m.regime.empty() ? "" : " (" + m.regime + ")");
}

bool BuiltinPacks(const RunResult& run) {
  for (const auto& p : run.packs) {
    if (p.builtin) return true;
  }
  return false;
}

std::string SnapshotText(const RunResult& run) {
  if (run.designations_snapshot.empty()) return "none";
  if (!run.designations_age_days) return run.designations_snapshot;
  const int age = *run.designations_age_days;
  const std::string days = Plural(age < 0 ? -age : age, "day", "days");
  return run.designations_snapshot + (age < 0 ? " (dated " + days + " after the day of the run)"
                                              : " (" + days + " old on the day of the run)");
}

std::string IdentityLine(const RunResult& run) {
  return "report " + run.report_id + (run.prepared_by.empty() ? "" : " · prepared by " + run.prepared_by) +
         (run.reviewed_by.empty() ? "" : " · reviewed by " + run.reviewed_by);
}

std::string Plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::vector<FileHash> ScenarioFiles(const RunResult& run) {
  std::vector<FileHash> out;
  for (const auto& s : run.scenarios) {
    bool seen = false;
    for (const auto& f : out) seen = seen || f.file == s.file;
    if (!seen) out.push_back({s.file, s.sha256});
  }
  return out;
}

}  // namespace sancheck::report
