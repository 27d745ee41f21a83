// Report rendering: one RunResult → text, JSON, JUnit XML, SARIF, Markdown or HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sancheck/result.hpp"

namespace sancheck {

enum class ReportFormat { kText, kJson, kJunit, kSarif, kMarkdown, kHtml };

std::optional<ReportFormat> ParseReportFormat(std::string_view name);
std::string_view ReportFormatName(ReportFormat f);

/// Defaults: no colour; a run fails on `prohibited`.
struct ReportOptions {
  bool color = false;            ///< ANSI colours (text only; terminals only)
  Verdict fail_on = Verdict::kProhibited;
  bool fail_never = false;
};

std::string RenderReport(const RunResult& run, ReportFormat format, const ReportOptions& options);

/// The tool's version string.
std::string_view ToolVersion();

}  // namespace sancheck
